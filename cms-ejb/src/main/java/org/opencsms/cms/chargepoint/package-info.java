/**
 * Charge points: registration, boot, heartbeat, connector status and where each one is connected.
 */
package org.opencsms.cms.chargepoint;
