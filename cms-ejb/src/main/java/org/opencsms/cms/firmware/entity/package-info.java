/** Firmware and diagnostics jobs and the statuses notified for them. */
package org.opencsms.cms.firmware.entity;
