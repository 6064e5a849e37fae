-- Commands sent to chargers and what became of them. Runs unchanged on H2 and PostgreSQL.
create sequence charger_command_seq start with 50 increment by 50;
create table charger_command (
    id                 bigint primary key,
    charge_point_id    bigint        not null references charge_point (id) on delete cascade,
    action             varchar(50)   not null,
    payload            varchar       not null,
    requested_by       varchar(100)  not null,
    requested_at       timestamp with time zone not null,
    node_id            varchar(64)   not null,
    outcome            varchar(20),
    response           varchar,
    error_code         varchar(50),
    error_description  varchar(1000),
    completed_at       timestamp with time zone
);
create index charger_command_cp_idx on charger_command (charge_point_id, id);
