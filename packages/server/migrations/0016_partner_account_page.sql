-- A partner's account page (issue #18): the page of its site embedding the widgets, where the
-- confirmation and password-reset mail of its members leads (`<page>#wsc-confirm-email=<token>`).
-- Null: those links lead to the community's own pages. See src/partners/account-page.ts.
alter table partners add column if not exists account_page_url text;

-- Wrong current passwords sent to change an account's address, counted per account and hour, so
-- whoever holds a session alone cannot guess the password (src/identity/current-password.ts).
create table if not exists current_password_guesses (
  account_id text not null references accounts (id) on delete cascade,
  window_start timestamptz not null,
  count integer not null,
  primary key (account_id, window_start)
);
