/**
 * JNDI object factory for the server's RabbitMQ connection factory and destinations, shipped in the
 * server's shared client library beside the RabbitMQ JMS client.
 */
package org.opencsms.rabbitmq.jndi;
