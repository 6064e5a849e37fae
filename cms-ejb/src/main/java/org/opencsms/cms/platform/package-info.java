/** Start-up concerns of the CMS: schema migrations and settings from the environment. */
package org.opencsms.cms.platform;
