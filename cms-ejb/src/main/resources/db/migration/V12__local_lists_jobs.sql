-- Local authorization lists, firmware and diagnostics jobs, and the configuration charge points reported.
-- Runs unchanged on H2 and PostgreSQL. EclipseLink takes each sequence value as the END of a block of 50.

-- Every SendLocalList and GetLocalListVersion sent, with the answer. confirmed: the charge point holds
-- list_version since (an accepted update, or the version it reported)
create sequence local_list_update_seq start with 50 increment by 50;
create table local_list_update (
    id                 bigint primary key,
    charge_point_id    bigint        not null references charge_point (id) on delete cascade,
    action             varchar(20)   not null,
    update_type        varchar(12),
    list_version       integer,
    entries            integer       not null,
    removals           integer       not null,
    requested_by       varchar(100)  not null,
    requested_at       timestamp with time zone not null,
    command_id         bigint,
    outcome            varchar(20),
    status             varchar(20),
    error_code         varchar(50),
    error_description  varchar(1000),
    completed_at       timestamp with time zone,
    confirmed          boolean       not null
);
create index local_list_update_cp_idx on local_list_update (charge_point_id, requested_at);

-- The list as the charge point holds it after its confirmed updates: what the next differential update
-- is computed against. id_tag_key is the tag in upper case (OCPP: id tags compare case-insensitively)
create table local_list_entry (
    charge_point_id  bigint       not null references charge_point (id) on delete cascade,
    id_tag_key       varchar(20)  not null,
    id_tag           varchar(20)  not null,
    status           varchar(20)  not null,
    expiry_date      timestamp with time zone,
    parent_id_tag    varchar(20),
    primary key (charge_point_id, id_tag_key)
);

-- UpdateFirmware and GetDiagnostics jobs: the request, the command's answer, the latest status notified;
-- closed_at is set by a final status or a failed command
create sequence maintenance_job_seq start with 50 increment by 50;
create table maintenance_job (
    id                 bigint primary key,
    charge_point_id    bigint        not null references charge_point (id) on delete cascade,
    action             varchar(20)   not null,
    location           varchar(1000) not null,
    retrieve_date      timestamp with time zone,
    start_time         timestamp with time zone,
    stop_time          timestamp with time zone,
    retries            integer,
    retry_interval     integer,
    requested_by       varchar(100)  not null,
    requested_at       timestamp with time zone not null,
    command_id         bigint,
    outcome            varchar(20),
    error_code         varchar(50),
    error_description  varchar(1000),
    answered_at        timestamp with time zone,
    file_name          varchar(255),
    status             varchar(30),
    status_at          timestamp with time zone,
    closed_at          timestamp with time zone
);
create index maintenance_job_cp_idx on maintenance_job (charge_point_id, action, requested_at);

create sequence maintenance_job_status_seq start with 50 increment by 50;
create table maintenance_job_status (
    id           bigint primary key,
    job_id       bigint       not null references maintenance_job (id) on delete cascade,
    status       varchar(30)  not null,
    reported_at  timestamp with time zone not null
);
create index maintenance_job_status_job_idx on maintenance_job_status (job_id, reported_at);

-- The configuration keys of the newest GetConfiguration answers (each key with the time it was read)
create table configuration_key (
    charge_point_id  bigint       not null references charge_point (id) on delete cascade,
    config_key       varchar(50)  not null,
    read_only        boolean      not null,
    config_value     varchar(500),
    read_at          timestamp with time zone not null,
    command_id       bigint       not null,
    primary key (charge_point_id, config_key)
);
