-- A charge point registered without a password is security profile 0 (its id is its only credential),
-- not 1 as it was recorded before.
update charge_point set security_profile = 0 where password_hash is null;
