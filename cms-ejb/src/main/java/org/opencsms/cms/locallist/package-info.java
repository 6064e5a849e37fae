/**
 * Local authorization lists: built from the id tags, versioned per charge point, sent with SendLocalList;
 * the list each charge point holds after its confirmed updates is kept for the next differential update.
 */
package org.opencsms.cms.locallist;
