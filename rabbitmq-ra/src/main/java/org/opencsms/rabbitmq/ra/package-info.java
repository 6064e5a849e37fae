/**
 * Inbound-only Jakarta Connectors 2.1 resource adapter that lets message-driven beans
 * ({@code jakarta.jms.MessageListener}) consume from RabbitMQ through the RabbitMQ JMS client.
 *
 * <p>{@link org.opencsms.rabbitmq.ra.RabbitResourceAdapter} holds the broker URI;
 * {@link org.opencsms.rabbitmq.ra.RabbitActivationSpec} describes one MDB's destination, parallelism
 * and failure policy. Each activation owns one AMQP connection with {@code maxSessions} consuming
 * sessions; messages are acknowledged only after the endpoint returned, failed ones are redelivered
 * with a growing delay and dead-lettered after {@code maxDeliveries} attempts. There is no XA: the
 * consuming code must be idempotent.
 *
 * <p>The client jars ({@code rabbitmq-jms}, {@code amqp-client}) are not packaged in the RAR: the server
 * must provide one shared copy to the adapter and to the applications.
 */
package org.opencsms.rabbitmq.ra;
