package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Unit of a sampled value. "Celcius" is the specification's spelling; the 2019 schema errata added
 * "Celsius" to MeterValues (not to StopTransaction), accepted here in both. */
public enum UnitOfMeasure implements WireEnum {
    WH("Wh"),
    KWH("kWh"),
    VARH("varh"),
    KVARH("kvarh"),
    W("W"),
    KW("kW"),
    VA("VA"),
    KVA("kVA"),
    VAR("var"),
    KVAR("kvar"),
    A("A"),
    V("V"),
    K("K"),
    CELCIUS("Celcius"),
    CELSIUS("Celsius"),
    FAHRENHEIT("Fahrenheit"),
    PERCENT("Percent");

    private final String wire;

    UnitOfMeasure(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
