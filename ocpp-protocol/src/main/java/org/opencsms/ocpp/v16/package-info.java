/** OCPP 1.6 JSON messages as records, following the official 1.6 JSON schemas (2019-12 errata); the
 *  connectorId / stackLevel minimums come from the specification's field tables, which the schemas omit. */
package org.opencsms.ocpp.v16;
