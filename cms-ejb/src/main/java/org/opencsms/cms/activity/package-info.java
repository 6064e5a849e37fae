/**
 * What happened at the charge points, as the console's dashboard lists it: one row per change that the
 * charge point and transaction components really applied, written in the same transaction, kept 30 days.
 */
package org.opencsms.cms.activity;
