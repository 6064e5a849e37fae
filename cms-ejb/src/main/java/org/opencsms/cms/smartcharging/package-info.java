/**
 * Smart charging: the library of charging profiles, which of them each charge point has, and the
 * commands that set, clear and read them (through the command component's one operation).
 */
package org.opencsms.cms.smartcharging;
