-- Teams, their agents and tokens, the records they share, claims on posts, and the audit log.
create table teams (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  -- The team's change counter: every record written takes the next value, in commit order.
  version bigint not null default 0,
  created_at timestamptz not null default now()
);

create table agents (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references teams on delete cascade,
  name text not null,
  role text not null check (role in ('admin', 'agent')),
  created_at timestamptz not null default now(),
  unique (team_id, name)
);

-- Only a token's SHA-256 is kept: a copy of the database gives nobody a way in.
create table tokens (
  hash bytea primary key,
  team_id uuid not null references teams on delete cascade,
  agent_id uuid not null references agents on delete cascade,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- Each record as the team has it now; doc is null for a deleted record (a tombstone).
create table records (
  team_id uuid not null references teams on delete cascade,
  kind text not null,
  key text not null,
  doc jsonb,
  version bigint not null,
  updated_by uuid references agents on delete set null,
  updated_at timestamptz not null default now(),
  primary key (team_id, kind, key)
);
create index records_by_version on records (team_id, version);

-- Every part of a client mutation applied, by its client id: a retried push is not applied twice.
create table applied (
  team_id uuid not null references teams on delete cascade,
  client_id uuid not null,
  part integer not null,
  agent_id uuid references agents on delete set null,
  name text not null,
  made_at timestamptz not null,
  version bigint not null,
  changes integer not null,
  received_at timestamptz not null default now(),
  primary key (team_id, client_id, part)
);

-- A claim is a lease on a post: the agent holds it until expires_at unless they renew it.
create table claims (
  team_id uuid not null references teams on delete cascade,
  post text not null,
  agent_id uuid not null references agents on delete cascade,
  claimed_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (team_id, post)
);

create table audit (
  id bigserial primary key,
  team_id uuid not null references teams on delete cascade,
  agent_id uuid references agents on delete set null,
  action text not null,
  detail jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_by_time on audit (team_id, at);
