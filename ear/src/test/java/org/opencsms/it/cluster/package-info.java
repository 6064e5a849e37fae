/**
 * End-to-end tests of two nodes sharing RabbitMQ and PostgreSQL; run only in the RabbitMQ tier
 * (CSMS_MESSAGING=rabbitmq), which starts the second node.
 */
package org.opencsms.it.cluster;
