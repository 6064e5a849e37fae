package org.opencsms.api.cms;

import java.util.concurrent.CompletionStage;

import jakarta.ejb.Local;

/**
 * Local authorization lists (OCPP 1.6 feature profile LocalAuthListManagement): the CMS builds a charge
 * point's list from its id tags, versions it per charge point, sends it with SendLocalList and keeps what
 * the charge point confirmed, so that the next differential update carries what changed since.
 */
@Local
public interface LocalAuthorizationLists {
    /** The most authorization data entries one SendLocalList carries (the server's bound, see the README). */
    int MAX_ENTRIES = 1000;

    /**
     * Builds the list, assigns its version, sends SendLocalList and records the update. The stage completes
     * (never exceptionally, unless the record cannot be written) with the update as recorded, once the
     * charge point answered or the command failed or timed out.
     *
     * @throws CmsException INVALID for a bad request (unknown update type, unknown or malformed tag names,
     *                      a list over {@link #MAX_ENTRIES}, a version below 1), NOT_FOUND for an unknown
     *                      charge point, CONFLICT when it is not connected
     */
    CompletionStage<LocalListUpdateView> send(String chargePointId, LocalListRequest request, String requestedBy);

    /**
     * Sends GetLocalListVersion and records the version the charge point reports.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point, CONFLICT when it is not connected
     */
    CompletionStage<LocalListUpdateView> readVersion(String chargePointId, String requestedBy);

    /**
     * The version the charge point last confirmed and the updates, newest first.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point
     */
    LocalListView localList(String chargePointId, int offset, int limit);
}
