package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Optional;

public record BootNotificationRequest(
        @MaxLength(20) String chargePointVendor,
        @MaxLength(20) String chargePointModel,
        @Optional @MaxLength(25) String chargePointSerialNumber,
        @Optional @MaxLength(25) String chargeBoxSerialNumber,
        @Optional @MaxLength(50) String firmwareVersion,
        @Optional @MaxLength(20) String iccid,
        @Optional @MaxLength(20) String imsi,
        @Optional @MaxLength(25) String meterType,
        @Optional @MaxLength(25) String meterSerialNumber) {
}
