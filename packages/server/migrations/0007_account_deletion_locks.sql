-- Deleting an account erases its e-mail. While `email_normalized` carried a unique constraint,
-- PostgreSQL counted that update as a change of the row's key and locked the account row
-- FOR UPDATE, which waits for every open transaction that inserted a row referencing the
-- account (its reply, its vote: they hold FOR KEY SHARE on it) while those waited for rows the
-- deletion had just anonymized (the comment replied to, the pain point counted): a deadlock,
-- answered 500. Uniqueness of live e-mails now comes from a partial index, which PostgreSQL does
-- not count as a key, so the deletion locks the row FOR NO KEY UPDATE and lets them through.
alter table accounts drop constraint if exists accounts_email_normalized_key;
create unique index if not exists accounts_email_normalized_live_idx
  on accounts (email_normalized) where deleted_at is null;
