-- Stemmed full-text search for Russian and English, beside the 'simple' search_vector of 0002:
-- 'simple' only finds the exact word form, so ПРОБКАХ (locative plural) missed Пробки and
-- "leaking" missed "leaks". One column per table holds both stemmers' lexemes (Russian text
-- through the 'russian' config, English text through 'english'); a query is stemmed both ways
-- and the two are OR-ed (see src/community/text-search.ts).
-- PGlite ships the same snowball configurations as PostgreSQL.
alter table pain_points add column if not exists search_vector_stemmed tsvector generated always as (
  to_tsvector(
    'russian'::regconfig,
    coalesce(title ->> 'ru', '') || ' ' || coalesce(description ->> 'ru', '')
  ) ||
  to_tsvector(
    'english'::regconfig,
    coalesce(title ->> 'en', '') || ' ' || coalesce(description ->> 'en', '')
  )
) stored;
create index if not exists pain_points_search_vector_stemmed_idx ON pain_points using gin (search_vector_stemmed);

alter table standards add column if not exists search_vector_stemmed tsvector generated always as (
  to_tsvector('russian'::regconfig, coalesce(title ->> 'ru', '')) ||
  to_tsvector('english'::regconfig, coalesce(title ->> 'en', ''))
) stored;
create index if not exists standards_search_vector_stemmed_idx ON standards using gin (search_vector_stemmed);
