package org.opencsms.cms.chargepoint.boundary;

/**
 * What the CMS knows of a gateway node's health: the database answered, the node's start announcement
 * (an event) has been stored, and how many events wait as dead letters.
 */
public record NodeHealth(boolean databaseUp, boolean eventsFromNode, long deadLetters) {
}
