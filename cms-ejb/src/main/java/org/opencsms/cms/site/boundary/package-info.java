/** Stateless facade of the site overview. */
package org.opencsms.cms.site.boundary;
