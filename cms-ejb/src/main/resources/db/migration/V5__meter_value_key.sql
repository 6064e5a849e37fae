-- A sampled value is identified by its format and unit too: the signed copy (format SignedData,
-- Eichrecht / OCMF) of a Raw reading with the same time and measurand is a value of its own, not a
-- duplicate. A true repeat of a report (same values) is still stored once.
alter table meter_value drop constraint meter_value_uk;
alter table meter_value add constraint meter_value_uk
    unique (charge_point_id, connector_id, sampled_at, measurand, phase, location, context, format, unit);
