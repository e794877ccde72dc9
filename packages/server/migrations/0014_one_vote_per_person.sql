-- One vote per person (issue #19): the same person voting through a community session and
-- through a partner's single sign-on counted twice. A vote now counts once per voter key: the
-- normalised e-mail address of the account that cast it (a community account's address, an SSO
-- account's address as its partner asserted it), hashed so the vote tables hold no address.
-- Two accounts with one address add one to the count; each keeps its own vote, which only its
-- own token can withdraw. A deleted account's votes carry 'deleted:<account id>' instead.
-- See src/votes/repository.ts.
alter table votes add column if not exists voter_key text;
update votes set voter_key = case
    when accounts.deleted_at is not null then 'deleted:' || accounts.id
    else encode(sha256(convert_to(lower(trim(accounts.email)), 'UTF8')), 'hex')
  end
from accounts
where accounts.id = votes.account_id and votes.voter_key is null;
alter table votes alter column voter_key set not null;

-- The people voting for each pain point, with how many of their accounts do: `vote_count` is
-- the number of these rows, kept by the vote statement (a row comes with the first account of a
-- voter key and goes with the last).
create table if not exists pain_point_voters (
  pain_point_id text not null references pain_points (id) on delete cascade,
  voter_key text not null,
  votes integer not null check (votes > 0),
  primary key (pain_point_id, voter_key)
);
insert into pain_point_voters (pain_point_id, voter_key, votes)
select pain_point_id, voter_key, count(*) from votes group by pain_point_id, voter_key
on conflict (pain_point_id, voter_key) do nothing;

-- Counts already inflated by one person's several accounts come down to the people; the
-- trending score follows (pain-points/trending.ts).
update pain_points
set vote_count = people.voters,
    trending_score = log((1 + people.voters)::double precision)
      + extract(epoch from (pain_points.created_at - '2016-01-18T00:00:00Z'::timestamptz))::double precision / 45000
from (
  select pain_points.id, count(pain_point_voters.voter_key)::integer as voters
  from pain_points left join pain_point_voters on pain_point_voters.pain_point_id = pain_points.id
  group by pain_points.id
) people
where people.id = pain_points.id and pain_points.vote_count <> people.voters;
