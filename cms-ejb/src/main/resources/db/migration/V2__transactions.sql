-- Id tags, transactions, meter values, data transfers. Runs unchanged on H2 and PostgreSQL.
alter table charge_point add column firmware_status varchar(30);
alter table charge_point add column firmware_status_at timestamp with time zone;
alter table charge_point add column diagnostics_status varchar(30);
alter table charge_point add column diagnostics_status_at timestamp with time zone;

create sequence id_tag_seq start with 50 increment by 50;
create table id_tag (
    id                   bigint primary key,
    id_tag               varchar(20) not null,
    -- OCPP IdTokens compare case-insensitively: the upper-case form is the key
    id_tag_key           varchar(20) not null,
    status               varchar(16) not null,
    expiry_date          timestamp with time zone,
    parent_id_tag        varchar(20),
    allow_concurrent_tx  boolean     not null,
    created_at           timestamp with time zone not null,
    constraint id_tag_uk unique (id_tag_key)
);

-- transaction ids are OCPP's int32 transactionId, unique across the system
create sequence transaction_seq start with 50 increment by 50;
create table charging_transaction (
    id                 integer primary key,
    charge_point_id    bigint      not null references charge_point (id) on delete cascade,
    connector_id       integer     not null,
    id_tag             varchar(20) not null,
    id_tag_key         varchar(20) not null,
    start_status       varchar(16) not null,
    meter_start        integer     not null,
    start_timestamp    timestamp with time zone not null,
    reservation_id     integer,
    start_received_at  timestamp with time zone not null,
    meter_stop         integer,
    stop_timestamp     timestamp with time zone,
    stop_reason        varchar(20),
    stop_id_tag        varchar(20),
    stop_received_at   timestamp with time zone,
    -- a charger that lost our answer repeats the same StartTransaction: it must find this row
    constraint charging_transaction_start_uk unique (charge_point_id, connector_id, id_tag, start_timestamp, meter_start)
);
create index charging_transaction_tag_idx on charging_transaction (id_tag_key, stop_timestamp);
create index charging_transaction_start_idx on charging_transaction (start_timestamp);

create sequence meter_value_seq start with 50 increment by 50;
create table meter_value (
    id                bigint primary key,
    charge_point_id   bigint       not null references charge_point (id) on delete cascade,
    connector_id      integer      not null,
    transaction_id    integer      references charging_transaction (id) on delete cascade,
    sampled_at        timestamp with time zone not null,
    sample_value      varchar      not null,
    measurand         varchar(50)  not null,
    phase             varchar(8)   not null,
    unit              varchar(20)  not null,
    context           varchar(30)  not null,
    location          varchar(10)  not null,
    format            varchar(16)  not null,
    received_at       timestamp with time zone not null,
    -- one row per sampled value: a redelivered or repeated report adds nothing ('' = no phase)
    constraint meter_value_uk unique (charge_point_id, connector_id, sampled_at, measurand, phase, location, context)
);
create index meter_value_transaction_idx on meter_value (transaction_id, sampled_at);

create sequence data_transfer_seq start with 50 increment by 50;
create table data_transfer (
    id                bigint primary key,
    charge_point_id   bigint       not null references charge_point (id) on delete cascade,
    vendor_id         varchar(255) not null,
    message_id        varchar(50),
    data              varchar,
    status            varchar(20)  not null,
    received_at       timestamp with time zone not null
);
