/**
 * MicroProfile Health checks of this node.
 */
package org.opencsms.gateway.health;
