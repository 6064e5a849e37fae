-- Smart charging: the library of charging profiles and the profiles installed on charge points. Runs
-- unchanged on H2 and PostgreSQL.

-- A profile's id is its OCPP chargingProfileId (an int32): one number at a time, from 1
create sequence charging_profile_seq start with 1 increment by 1;
create table charging_profile (
    id           integer       primary key,
    description  varchar(255),
    purpose      varchar(32)   not null,
    stack_level  integer       not null,
    -- the OCPP 1.6 ChargingProfile as JSON, its chargingProfileId = id
    document     varchar       not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

-- What a charge point accepted with SetChargingProfile, until it is cleared, replaced, its transaction
-- ends (TxProfile) or the charge point reboots; purpose and stack level as the profile had them then. A
-- profile installed somewhere cannot be deleted from the library.
create sequence installed_charging_profile_seq start with 50 increment by 50;
create table installed_charging_profile (
    id               bigint        primary key,
    charge_point_id  bigint        not null references charge_point (id) on delete cascade,
    connector_id     integer       not null,
    profile_id       integer       not null references charging_profile (id),
    purpose          varchar(32)   not null,
    stack_level      integer       not null,
    transaction_id   integer,
    installed_at     timestamp with time zone not null,
    command_id       bigint        not null
);
create index installed_charging_profile_cp_idx on installed_charging_profile (charge_point_id);
create index installed_charging_profile_profile_idx on installed_charging_profile (profile_id);
