/**
 * Reservations: made with ReserveNow and ended with CancelReservation through the command component, used by a
 * StartTransaction that names them, expired by a sweep. Kept with their status history for auditing.
 */
package org.opencsms.cms.reservation;
