/**
 * OCPP 1.6: the one place where 1.6 messages are mapped to and from the CMS's version-neutral calls.
 */
package org.opencsms.gateway.ocpp.v16;
