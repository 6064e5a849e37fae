/** The local list updates sent and the entries each charge point holds. */
package org.opencsms.cms.locallist.entity;
