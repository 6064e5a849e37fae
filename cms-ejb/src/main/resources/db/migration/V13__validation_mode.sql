-- How strictly a charge point's messages are validated: 'strict' (the default, every schema violation is a
-- CALLERROR) or 'relaxed' (the common mistakes of real firmware are tolerated and logged).
alter table charge_point add column validation_mode varchar(16) default 'strict' not null;
