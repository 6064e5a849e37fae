/**
 * The site at a glance for the console's dashboard: counts over the charge point and transaction
 * components, energy per day, and the activity feed. Reads only.
 */
package org.opencsms.cms.site;
