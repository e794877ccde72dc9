-- An SSO user token remembers the secret key that vouched for its user, so revoking that key
-- (a leaked or rotated key) ends the tokens it issued at once, instead of at their expiry.
-- Tokens issued before this migration have no key and live until they expire (at most 1 h).
alter table sessions add column if not exists partner_key_id text
  references partner_keys (id) on delete cascade;
-- Revoking a key finds its tokens by this column (and deleting a key cascades through it).
create index if not exists sessions_partner_key_idx on sessions (partner_key_id)
  where partner_key_id is not null;
