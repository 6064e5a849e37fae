/**
 * Sending JMS messages the same way from every module, fit for each broker: a pooled connection
 * with publisher confirms for RabbitMQ, the server's pooled contexts for the embedded engine.
 */
package org.opencsms.api.messaging.jms;
