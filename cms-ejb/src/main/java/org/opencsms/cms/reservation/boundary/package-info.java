/** Stateless facade of the reservation component: the exchange with the charge point and the records. */
package org.opencsms.cms.reservation.boundary;
