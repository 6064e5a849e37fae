/**
 * The gateway's side of the JMS contract: calls to the CMS correlated on this node's reply queue, and events.
 */
package org.opencsms.gateway.cms;
