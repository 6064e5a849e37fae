/** Stateless facade of the console users: administration and the password check. */
package org.opencsms.cms.user.boundary;
