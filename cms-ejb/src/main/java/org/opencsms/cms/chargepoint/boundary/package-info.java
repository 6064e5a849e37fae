/**
 * Stateless facades: the only transaction entry points of the charge point component, called by the
 * message listeners (charge point traffic) and by the REST API (administration).
 */
package org.opencsms.cms.chargepoint.boundary;
