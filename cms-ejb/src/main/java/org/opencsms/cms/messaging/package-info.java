/**
 * Message-driven beans: they unwrap a gateway message, delegate to a boundary in one call and
 * rethrow failures so the message is redelivered (and dead-lettered after the broker's limit).
 */
package org.opencsms.cms.messaging;
