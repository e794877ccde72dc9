-- A suspension of a partner's SSO accounts stops its minting too (issue #19): while a partner's row
-- is here, its single sign-on signs no one in and creates no account (403 partner-sso-suspended),
-- until an admin lifts it (the row goes). See src/partners/sso-accounts.ts.
create table if not exists partner_sso_suspensions (
  partner_id text primary key references partners (id) on delete cascade,
  reason text not null,
  suspended_at timestamptz not null default now(),
  suspended_by text references accounts (id) on delete set null
);

-- The links whose accounts a suspension disabled, so that lifting it enables those accounts and
-- no other (an account an admin disabled on its own stays disabled).
alter table partner_identities add column if not exists suspended_at timestamptz;

-- Suspensions made before this table existed: the audit log names the partner and the accounts.
insert into partner_sso_suspensions (partner_id, reason, suspended_at, suspended_by)
select distinct on (audit.subject_id) audit.subject_id, coalesce(audit.data ->> 'reason', ''), audit.at,
       (select id from accounts where id = audit.actor_id)
from audit_log audit
where audit.action = 'partner.sso_accounts_suspended'
  and exists (select 1 from partners where partners.id = audit.subject_id)
order by audit.subject_id, audit.at
on conflict (partner_id) do nothing;
update partner_identities identity set suspended_at = audit.at
from audit_log audit, accounts
where audit.action = 'partner.sso_accounts_suspended' and audit.subject_id = identity.partner_id
  and audit.data -> 'accountIds' ? identity.account_id
  and accounts.id = identity.account_id and accounts.disabled_at is not null
  and identity.suspended_at is null;
