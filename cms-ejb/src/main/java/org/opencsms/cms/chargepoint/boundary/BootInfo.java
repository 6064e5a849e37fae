package org.opencsms.cms.chargepoint.boundary;

/** What a charge point tells about itself when it boots. */
public record BootInfo(String vendor, String model, String serialNumber, String chargeBoxSerialNumber,
                       String firmwareVersion, String iccid, String imsi, String meterType, String meterSerialNumber) {
}
