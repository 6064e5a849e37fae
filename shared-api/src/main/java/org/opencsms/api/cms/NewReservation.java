package org.opencsms.api.cms;

import java.time.Instant;

/**
 * A reservation to make with ReserveNow; the CMS assigns the reservationId.
 *
 * @param connectorId 0 reserves the charge point as a whole (if it supports that), else one connector
 * @param idTag       a known tag that is neither blocked nor expired
 * @param expiryDate  in the future
 * @param parentIdTag null: the tag's own parent, if it has one
 */
public record NewReservation(Integer connectorId, String idTag, Instant expiryDate, String parentIdTag) {
}
