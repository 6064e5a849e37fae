package org.opencsms.api.cms;

import java.util.List;

/**
 * A local list update as an operator asks for it.
 *
 * @param updateType  "Full" (the charge point's list is replaced) or "Differential" (entries are added,
 *                    changed or removed)
 * @param idTags      the tags to send; null: every tag of the CMS
 * @param listVersion the version to give the list; null: the next one for the charge point
 */
public record LocalListRequest(String updateType, List<String> idTags, Integer listVersion) {
}
