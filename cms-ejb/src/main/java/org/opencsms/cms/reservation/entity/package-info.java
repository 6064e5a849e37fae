/** JPA entities of the reservation component. */
package org.opencsms.cms.reservation.entity;
