/**
 * Message-driven beans: each unwraps a gateway message and calls one boundary operation. Their failure
 * policies differ and each bean's comment states its own: requests are answered once and never
 * redelivered (the charge point's call has a timeout), events are retried until stored or kept as dead
 * letters, command replies are used once or dropped.
 */
package org.opencsms.cms.messaging;
