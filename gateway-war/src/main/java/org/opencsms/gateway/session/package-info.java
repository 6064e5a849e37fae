/**
 * Per-charge point connections on this node: the registry, the outgoing call discipline and keep-alive pings.
 */
package org.opencsms.gateway.session;
