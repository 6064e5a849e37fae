/**
 * Charging transactions and their meter values: each recorded exactly once, whatever charge points
 * repeat or replay and whatever the broker redelivers.
 */
package org.opencsms.cms.transaction;
