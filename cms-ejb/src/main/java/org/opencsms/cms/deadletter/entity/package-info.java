/** The dead-letter table. */
package org.opencsms.cms.deadletter.entity;
