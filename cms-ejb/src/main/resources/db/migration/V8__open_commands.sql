-- the sweep that closes commands no node waits for any more looks for open ones by age
create index charger_command_open_idx on charger_command (outcome, requested_at);
