/** The job operations (they send through the command component) and the job records and status reports. */
package org.opencsms.cms.firmware.boundary;
