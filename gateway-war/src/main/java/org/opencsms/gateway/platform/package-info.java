/**
 * Settings of a gateway node, read from system properties and the environment.
 */
package org.opencsms.gateway.platform;
