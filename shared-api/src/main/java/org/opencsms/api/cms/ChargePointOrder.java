package org.opencsms.api.cms;

/** The orders a charge point search can return. */
public enum ChargePointOrder { ID, VENDOR, MODEL, LAST_SEEN }
