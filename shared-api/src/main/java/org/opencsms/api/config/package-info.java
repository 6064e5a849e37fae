/**
 * Settings from system properties and the environment, read the same way by every module.
 */
package org.opencsms.api.config;
