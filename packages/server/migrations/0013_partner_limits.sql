-- One partner is not many people (issue #19).

-- Who minted an account is read by account: the hiding rule weighs each reporter's source, and
-- organisers' attendee lists name the partner that asserted an address.
create index if not exists partner_identities_account_idx on partner_identities (account_id);
-- The hourly limit of new SSO accounts counts a partner's recent links.
create index if not exists partner_identities_partner_created_idx
  on partner_identities (partner_id, created_at);

-- An expert's note on a standard mapping is public text: moderators hide it as they hide a
-- comment. Hidden, the API shows the note to moderators only and stored events carry it no more;
-- the expert's judgement (coverage, clause) stays.
alter table standard_mappings add column if not exists note_hidden_at timestamptz;
alter table standard_mappings add column if not exists note_hidden_reason text;
alter table standard_mappings add column if not exists note_hidden_by text
  references accounts (id) on delete set null;
