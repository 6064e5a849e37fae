/** The activity table, read through JPA; its rows are inserted by {@code ActivityLog}. */
package org.opencsms.cms.activity.entity;
