package org.opencsms.api.cms;

import java.time.Instant;

/**
 * One exchange about a charge point's local list: a SendLocalList the CMS sent, or a GetLocalListVersion.
 *
 * @param action      SendLocalList or GetLocalListVersion
 * @param updateType  Full or Differential; null for GetLocalListVersion
 * @param listVersion the version sent, or the one the charge point reported (null until it did)
 * @param entries     tags sent with their idTagInfo
 * @param removals    tags sent without idTagInfo (removed from the charge point's list)
 * @param outcome     null while waiting; RESULT, CALL_ERROR, INVALID_RESPONSE, TIMEOUT or NOT_CONNECTED
 * @param status      SendLocalList's answer: Accepted, Failed, NotSupported or VersionMismatch
 * @param confirmed   whether the charge point holds {@code listVersion} since (an accepted update, a reported version)
 */
public record LocalListUpdateView(long id, String chargePointId, String action, String updateType, Integer listVersion,
                                  int entries, int removals, String requestedBy, Instant requestedAt, Long commandId,
                                  String outcome, String status, String errorCode, String errorDescription,
                                  Instant completedAt, boolean confirmed) {
}
