-- Community features: pain points, votes, discussion, moderation reports, standards and mappings.
-- Owned by the community-features code (src/pain-points, src/votes, src/discussion, src/standards).
-- Written for PostgreSQL 15+ and PGlite (PostgreSQL 17+ in WASM, pg_trgm loaded as an extension).

-- Substring search in any script. Chinese has no spaces between words, so word-based full text
-- alone never finds a two-character word inside a sentence; trigram-indexed LIKE on lower-cased
-- text does, and it also matches inflected Russian and Arabic stems.
-- In schema public so every search_path (tests use one schema per file) finds its operators.
create extension if not exists pg_trgm with schema public;

-- The catalogue of international standards (seeded from @wsc/models/catalogue).
create table if not exists standards (
  id text primary key,
  body text not null check (body in ('IEC', 'ISO', 'ITU', 'joint')),
  reference text not null,
  title jsonb not null,
  committee text not null,
  status text not null check (status in ('published', 'under-development', 'withdrawn')),
  publication_year integer,
  domains text[] not null default '{}',
  url text not null,
  created_at timestamptz not null default now(),
  search_text text generated always as (
    lower(
      reference || ' ' || committee || ' ' ||
      coalesce(title ->> 'en', '') || ' ' || coalesce(title ->> 'fr', '') || ' ' ||
      coalesce(title ->> 'es', '') || ' ' || coalesce(title ->> 'ru', '') || ' ' ||
      coalesce(title ->> 'zh', '') || ' ' || coalesce(title ->> 'ar', '')
    )
  ) stored,
  search_vector tsvector generated always as (
    to_tsvector(
      'simple'::regconfig,
      reference || ' ' || committee || ' ' ||
      coalesce(title ->> 'en', '') || ' ' || coalesce(title ->> 'fr', '') || ' ' ||
      coalesce(title ->> 'es', '') || ' ' || coalesce(title ->> 'ru', '') || ' ' ||
      coalesce(title ->> 'zh', '') || ' ' || coalesce(title ->> 'ar', '')
    )
  ) stored
);
create index if not exists standards_body_idx ON standards (body, id);
create index if not exists standards_committee_idx ON standards (lower(committee));
create index if not exists standards_domains_idx ON standards using gin (domains);
create index if not exists standards_search_text_idx ON standards using gin (search_text public.gin_trgm_ops);
create index if not exists standards_search_vector_idx ON standards using gin (search_vector);

create table if not exists pain_points (
  id text primary key default gen_random_uuid()::text,
  -- Catalogue samples carry their catalogue slug so seeding is idempotent; members' posts may too.
  slug text unique,
  title jsonb not null,
  description jsonb not null,
  -- The language the author wrote in (the first fallback when the reader's language is missing).
  language text not null,
  domain text not null,
  city text,
  country text check (country ~ '^[A-Z]{2}$'),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  status text not null default 'open'
    check (status in ('open', 'under-review', 'mapped', 'addressed', 'closed', 'duplicate')),
  duplicate_of text references pain_points (id) on delete set null,
  -- Kept equal to count(votes) by the vote transaction (row lock on the pain point).
  vote_count integer not null default 0 check (vote_count >= 0),
  comment_count integer not null default 0 check (comment_count >= 0),
  -- "Hot" score, a pure function of (vote_count, created_at) so it is stored, indexed and
  -- keyset-paginated like the other sorts: log10(1 + votes) + seconds since 2016-01-18 / 45000.
  -- Every 12.5 hours of recency weighs as much as ten times the votes. See pain-points/trending.ts.
  trending_score double precision not null default 0,
  locked boolean not null default false,
  sample boolean not null default false,
  -- Authors who delete their account leave their pain points behind, anonymized.
  author_id text references accounts (id) on delete set null,
  partner_id text references partners (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (
    lower(
      coalesce(title ->> 'en', '') || ' ' || coalesce(title ->> 'fr', '') || ' ' ||
      coalesce(title ->> 'es', '') || ' ' || coalesce(title ->> 'ru', '') || ' ' ||
      coalesce(title ->> 'zh', '') || ' ' || coalesce(title ->> 'ar', '') || ' ' ||
      coalesce(description ->> 'en', '') || ' ' || coalesce(description ->> 'fr', '') || ' ' ||
      coalesce(description ->> 'es', '') || ' ' || coalesce(description ->> 'ru', '') || ' ' ||
      coalesce(description ->> 'zh', '') || ' ' || coalesce(description ->> 'ar', '') || ' ' ||
      coalesce(city, '')
    )
  ) stored,
  search_vector tsvector generated always as (
    to_tsvector(
      'simple'::regconfig,
      coalesce(title ->> 'en', '') || ' ' || coalesce(title ->> 'fr', '') || ' ' ||
      coalesce(title ->> 'es', '') || ' ' || coalesce(title ->> 'ru', '') || ' ' ||
      coalesce(title ->> 'zh', '') || ' ' || coalesce(title ->> 'ar', '') || ' ' ||
      coalesce(description ->> 'en', '') || ' ' || coalesce(description ->> 'fr', '') || ' ' ||
      coalesce(description ->> 'es', '') || ' ' || coalesce(description ->> 'ru', '') || ' ' ||
      coalesce(description ->> 'zh', '') || ' ' || coalesce(description ->> 'ar', '') || ' ' ||
      coalesce(city, '')
    )
  ) stored
);
-- One index per sort, each ending in id so the keyset (sort key, id) is total.
create index if not exists pain_points_top_idx ON pain_points (vote_count desc, id desc);
create index if not exists pain_points_new_idx ON pain_points (created_at desc, id desc);
create index if not exists pain_points_trending_idx ON pain_points (trending_score desc, id desc);
create index if not exists pain_points_domain_top_idx ON pain_points (domain, vote_count desc, id desc);
create index if not exists pain_points_status_idx ON pain_points (status);
create index if not exists pain_points_country_city_idx ON pain_points (country, lower(city));
create index if not exists pain_points_author_idx ON pain_points (author_id);
create index if not exists pain_points_search_text_idx ON pain_points using gin (search_text public.gin_trgm_ops);
create index if not exists pain_points_search_vector_idx ON pain_points using gin (search_vector);

-- One vote per member and pain point: the primary key makes a second PUT a no-op.
create table if not exists votes (
  pain_point_id text not null references pain_points (id) on delete cascade,
  account_id text not null references accounts (id) on delete cascade,
  partner_id text references partners (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (pain_point_id, account_id)
);
create index if not exists votes_account_idx ON votes (account_id);

-- Discussion, one level deep: a reply's parent is always a top-level comment.
create table if not exists comments (
  id text primary key default gen_random_uuid()::text,
  pain_point_id text not null references pain_points (id) on delete cascade,
  parent_id text references comments (id) on delete cascade,
  author_id text references accounts (id) on delete set null,
  partner_id text references partners (id) on delete set null,
  body text not null,
  language text,
  hidden boolean not null default false,
  -- 'reports' (three distinct reporters) or 'moderator'.
  hidden_reason text,
  hidden_at timestamptz,
  -- Set when a moderator restores the comment: only reports after it count towards auto-hiding.
  reviewed_at timestamptz,
  reply_count integer not null default 0 check (reply_count >= 0),
  created_at timestamptz not null default now(),
  edited_at timestamptz
);
create index if not exists comments_thread_idx ON comments (pain_point_id, parent_id, created_at, id);
create index if not exists comments_parent_idx ON comments (parent_id, created_at, id);
create index if not exists comments_author_idx ON comments (author_id);

-- One report per comment and reporter.
create table if not exists comment_reports (
  id text primary key default gen_random_uuid()::text,
  comment_id text not null references comments (id) on delete cascade,
  reporter_id text references accounts (id) on delete set null,
  partner_id text references partners (id) on delete set null,
  reason text not null,
  note text,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  unique (comment_id, reporter_id)
);
create index if not exists comment_reports_reporter_idx ON comment_reports (reporter_id);

-- An expert's judgement that a standard covers a pain point (one per pair; re-mapping updates it).
create table if not exists standard_mappings (
  id text primary key default gen_random_uuid()::text,
  pain_point_id text not null references pain_points (id) on delete cascade,
  standard_id text not null references standards (id) on delete cascade,
  coverage text not null check (coverage in ('full', 'partial', 'none')),
  clause text,
  note text,
  expert_id text references accounts (id) on delete set null,
  partner_id text references partners (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (pain_point_id, standard_id)
);
create index if not exists standard_mappings_standard_idx ON standard_mappings (standard_id, pain_point_id);
