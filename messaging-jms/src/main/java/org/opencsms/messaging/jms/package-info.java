/**
 * Sending JMS messages fit for each broker: a pooled connection with publisher confirms for RabbitMQ,
 * the server's pooled contexts for the embedded engine. Infrastructure, not part of any contract: each
 * deployable creates its own sender in one CDI bean that closes it when the deployable stops.
 */
package org.opencsms.messaging.jms;
