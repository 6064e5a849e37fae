-- Reservations (ReserveNow / CancelReservation) and the operator's close of a transaction. Runs unchanged on
-- H2 and PostgreSQL.

-- reservation ids are OCPP's int32 reservationId, assigned by the system, unique across charge points
create sequence reservation_seq start with 50 increment by 50;
create table reservation (
    id                  integer primary key,
    charge_point_id     bigint       not null references charge_point (id) on delete cascade,
    connector_id        integer      not null,
    id_tag              varchar(20)  not null,
    parent_id_tag       varchar(20),
    expiry_date         timestamp with time zone not null,
    -- Pending, the charge point's answer (Accepted, Faulted, Occupied, Rejected, Unavailable), Error, NoAnswer,
    -- NotConnected, then Cancelled, Used or Expired
    status              varchar(16)  not null,
    status_at           timestamp with time zone not null,
    requested_by        varchar(100) not null,
    created_at          timestamp with time zone not null,
    reserve_command_id  bigint,
    -- the transaction that used it (no foreign key: the reservation's history outlives a transaction)
    transaction_id      integer,
    cancel_status       varchar(16),
    cancel_command_id   bigint,
    cancelled_by        varchar(100),
    note                varchar(1000)
);
create index reservation_cp_idx on reservation (charge_point_id, id);
-- the expiry sweep looks for reservations still holding by expiry
create index reservation_status_idx on reservation (status, expiry_date);

-- a transaction closed by an operator (its charge point will never report the stop): who and when
alter table charging_transaction add column closed_by varchar(100);
alter table charging_transaction add column closed_at timestamp with time zone;
