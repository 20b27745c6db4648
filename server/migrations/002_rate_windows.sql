-- Requests counted per token (or address) and minute, shared by every server process: a limit
-- kept in each process's memory would let a client behind a load balancer send N times as many.
-- Unlogged: the counts are worth nothing after a crash, and need no write-ahead log.
create unlogged table rate_windows (
  key text primary key,
  started_at timestamptz not null,
  count integer not null
);
