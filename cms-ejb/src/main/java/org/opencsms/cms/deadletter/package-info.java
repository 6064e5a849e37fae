/**
 * Events the CMS could not store, kept in the database instead of being dropped after the charge point was
 * answered, until an operator replays or deletes them.
 */
package org.opencsms.cms.deadletter;
