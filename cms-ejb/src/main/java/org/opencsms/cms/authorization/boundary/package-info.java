/** Stateless facades of the authorization component. */
package org.opencsms.cms.authorization.boundary;
