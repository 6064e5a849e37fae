/**
 * Firmware updates and diagnostics uploads as jobs: UpdateFirmware or GetDiagnostics sent, the answer, and
 * the status notifications the charge point sends afterwards, until a final status closes the job.
 */
package org.opencsms.cms.firmware;
