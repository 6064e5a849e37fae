/** Keeping, listing, replaying and deleting dead letters. */
package org.opencsms.cms.deadletter.boundary;
