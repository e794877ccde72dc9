-- An expert's note on a standard mapping is public text: moderators hide it as they hide a
-- comment (issue #19). Hidden, the API shows the note to moderators only and stored events
-- carry it no more; the expert's judgement (coverage, clause) stays.
alter table standard_mappings add column if not exists note_hidden_at timestamptz;
alter table standard_mappings add column if not exists note_hidden_reason text;
alter table standard_mappings add column if not exists note_hidden_by text
  references accounts (id) on delete set null;
