/** JPA entities of the command component. */
package org.opencsms.cms.command.entity;
