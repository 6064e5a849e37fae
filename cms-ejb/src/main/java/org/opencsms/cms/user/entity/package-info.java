/** JPA entity of the console users. */
package org.opencsms.cms.user.entity;
