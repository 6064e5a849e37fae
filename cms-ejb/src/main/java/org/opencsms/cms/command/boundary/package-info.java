/** Stateless facade of the command component. */
package org.opencsms.cms.command.boundary;
