-- Organisation membership is granted, never claimed. Before this migration a member made
-- themself part of any organisation by editing `stakeholders.organization_id`, and with it an
-- organiser of that organisation's events and eligible for its members' rules.
--
-- From now on a member asks (`pending`); the organisation's managers or an admin approve or
-- refuse; managers remove members. A confirmed e-mail address on one of the organisation's
-- verified domains joins without approval. `stakeholders.organization_id` stays, as the one
-- approved organisation of the member (what the public profile shows and every rule reads),
-- written only by the membership service in the same transaction as the approval or removal.

create table if not exists organization_memberships (
  organization_id text not null references organizations (id) on delete cascade,
  account_id text not null references accounts (id) on delete cascade,
  status text not null check (status in ('pending', 'approved', 'refused', 'removed')),
  role text not null default 'member' check (role in ('member', 'manager')),
  -- How the current status came about: a request, a verified e-mail domain, an admin's or a
  -- manager's decision.
  basis text not null check (basis in ('request', 'email-domain', 'decision')),
  note text,
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by text references accounts (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (organization_id, account_id),
  -- Only an approved member manages.
  check (role = 'member' or status = 'approved')
);
-- One approved organisation per member, as the profile shows one.
create unique index if not exists organization_memberships_one_approved
  on organization_memberships (account_id) where status = 'approved';
-- Managers' lists: an organisation's requests or members, oldest first.
create index if not exists organization_memberships_list_idx
  on organization_memberships (organization_id, status, requested_at, account_id);

-- Domains whose confirmed addresses join without approval (set by admins).
alter table organizations add column if not exists verified_domains text[] not null default '{}';

-- When the member proved the address is theirs; null until e-mail confirmation exists.
alter table accounts add column if not exists email_confirmed_at timestamptz;

-- Every organisation members set on themselves so far was a claim: it becomes a request the
-- organisation decides on, and grants nothing meanwhile.
insert into organization_memberships (organization_id, account_id, status, basis, requested_at)
select stakeholders.organization_id, stakeholders.id, 'pending', 'request', stakeholders.updated_at
from stakeholders
join accounts on accounts.id = stakeholders.id
where stakeholders.organization_id is not null and accounts.deleted_at is null
on conflict do nothing;
update stakeholders set organization_id = null where organization_id is not null;
