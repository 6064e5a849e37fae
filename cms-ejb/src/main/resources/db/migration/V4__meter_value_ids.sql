-- Meter values arrive by the thousand per second: ids are taken from the sequence in blocks of 1000
-- (the entity's allocationSize), not of 50, so that the writers rarely wait for the sequence.
alter sequence meter_value_seq increment by 1000;
