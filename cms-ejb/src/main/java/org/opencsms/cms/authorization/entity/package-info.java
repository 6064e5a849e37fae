/** JPA entities of the authorization component. */
package org.opencsms.cms.authorization.entity;
