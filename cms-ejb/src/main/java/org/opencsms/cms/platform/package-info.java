/**
 * Start-up concerns of the CMS (schema migrations, settings from the environment) and what every component
 * uses the same way: times as the database keeps them, password hashes.
 */
package org.opencsms.cms.platform;
