/** What a SendLocalList carries, computed from the tags and the list a charge point holds: plain logic. */
package org.opencsms.cms.locallist.control;
