/** Stateless facades of the smart charging component: the profile library, the installed records, the commands. */
package org.opencsms.cms.smartcharging.boundary;
