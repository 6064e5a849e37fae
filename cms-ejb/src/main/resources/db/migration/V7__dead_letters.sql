-- Events the CMS could not store and will never be able to as they are (a permanent failure, or one
-- that kept failing while the database was reachable): kept here, after the charger was answered, until
-- an operator replays or deletes them (GET/POST/DELETE /api/dead-letters). Never silently dropped.
create sequence dead_letter_seq start with 50 increment by 50;
create table dead_letter (
    id                bigint        primary key,
    event_type        varchar(64)   not null,
    charge_point_id   varchar(64),
    body              varchar       not null,
    failure           varchar(2000) not null,
    attempts          integer       not null,
    first_failed_at   timestamp with time zone not null,
    last_failed_at    timestamp with time zone not null
);
