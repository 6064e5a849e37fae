-- Runs unchanged on H2 (embedded) and PostgreSQL.
-- EclipseLink takes each value as the END of a block of 50: the first block is 1..50
create sequence charge_point_seq start with 50 increment by 50;
create sequence connector_seq start with 50 increment by 50;

create table charge_point (
    id                     bigint primary key,
    identity               varchar(48)  not null,
    password_hash          varchar(255),
    security_profile       integer      not null,
    registration_status    varchar(16),
    vendor                 varchar(20),
    model                  varchar(20),
    serial_number          varchar(25),
    charge_box_serial      varchar(25),
    firmware_version       varchar(50),
    iccid                  varchar(20),
    imsi                   varchar(20),
    meter_type             varchar(25),
    meter_serial_number    varchar(25),
    ocpp_version           varchar(16),
    last_seen              timestamp with time zone,
    last_boot              timestamp with time zone,
    session_node           varchar(64),
    session_id             varchar(64),
    session_since          timestamp with time zone,
    closed_session_id      varchar(64),
    created_at             timestamp with time zone not null,
    constraint charge_point_identity_uk unique (identity)
);

create table connector (
    id                  bigint primary key,
    charge_point_id     bigint       not null references charge_point (id) on delete cascade,
    connector_id        integer      not null,
    status              varchar(20),
    error_code          varchar(30),
    info                varchar(50),
    vendor_id           varchar(255),
    vendor_error_code   varchar(50),
    status_time         timestamp with time zone,
    updated_at          timestamp with time zone not null,
    constraint connector_uk unique (charge_point_id, connector_id)
);

-- gateway nodes and when they last said they were alive: sessions on a silent node are stale
create table gateway_node (
    node_id     varchar(64) primary key,
    last_seen   timestamp with time zone not null,
    started_at  timestamp with time zone
);
