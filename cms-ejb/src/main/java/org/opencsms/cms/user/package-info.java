/**
 * The admin console's users besides the configured admin: a name, a role (admin or viewer) and a password
 * kept only as a salted PBKDF2 hash.
 */
package org.opencsms.cms.user;
