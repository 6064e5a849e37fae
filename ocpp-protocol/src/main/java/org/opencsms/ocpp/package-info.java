/** Version-neutral OCPP-J layer: RPC framing, error kinds, action registries and the record codec.
 *  Each OCPP version contributes its typed messages and one {@link org.opencsms.ocpp.ActionRegistry}. */
package org.opencsms.ocpp;
