// Who is this login? A citizen is recognised by the FranceConnect identity pivot (names, birth date,
// sex, birth place), the same five facts the civil registry holds; an agent by their work e-mail.
import type { OidcLogin, SessionUser, Sql } from '../platform/index.ts';

type AgentRow = {
  id: string;
  given_name: string;
  family_name: string;
  body: string | null;
  function: string;
  role: 'agent' | 'admin';
};
type PersonRow = { id: string; given_names: string; family_name: string; usage_name: string | null };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

const upsertAccount = async (
  db: Sql,
  login: OidcLogin,
  link: { personId?: string; agentId?: string; role: SessionUser['role'] },
) => {
  const [account] = await db.query<{ id: string }>(
    `insert into people.accounts (issuer, subject, person_id, agent_id, role) values ($1, $2, $3, $4, $5)
     on conflict (issuer, subject) do update
       set person_id = excluded.person_id, agent_id = excluded.agent_id, role = excluded.role, last_login_at = now()
     returning id`,
    [login.issuer, login.subject, link.personId ?? null, link.agentId ?? null, link.role],
  );
  return account!.id;
};

const resolveAgent = async (db: Sql, login: OidcLogin): Promise<SessionUser | null> => {
  const email = text(login.claims.email);
  if (!email) return null;
  const [agent] = await db.query<AgentRow>(
    'select id, given_name, family_name, body, function, role from people.agents where lower(email) = lower($1)',
    [email],
  );
  if (!agent) return null;
  const accountId = await upsertAccount(db, login, { agentId: agent.id, role: agent.role });
  return {
    accountId,
    role: agent.role,
    displayName: `${agent.given_name} ${agent.family_name}`,
    agentId: agent.id,
    ...(agent.body ? { body: agent.body } : {}),
    function: agent.function,
  };
};

// FranceConnect gives every given name ("Camille Marie"); people are recognised by the first one,
// their birth name, birth date, sex and birth place (a commune, or the country when born abroad).
const resolveCitizen = async (db: Sql, login: OidcLogin): Promise<SessionUser | null> => {
  const { claims } = login;
  const givenName = text(claims.given_name);
  const familyName = text(claims.family_name);
  const birthdate = text(claims.birthdate);
  const sex = claims.gender === 'female' ? 'F' : claims.gender === 'male' ? 'M' : null;
  const birthplace = text(claims.birthplace);
  const birthcountry = text(claims.birthcountry) || '99100';
  if (!givenName || !familyName || !/^\d{4}-\d{2}-\d{2}$/.test(birthdate) || !sex) return null;
  const matches = await db.query<PersonRow>(
    `select id, given_names, family_name, usage_name from people.persons
      where birth_date = $1::date and sex = $2
        and people.fold(family_name) = people.fold($3)
        and split_part(people.fold(given_names), ' ', 1) = split_part(people.fold($4), ' ', 1)
        and (case when $5 <> '' then birth_place = upper($5) else birth_country = $6 end)
      limit 2`,
    [birthdate, sex, familyName, givenName, birthplace, birthcountry],
  );
  // Two persons with the same pivot cannot be told apart: refuse rather than guess.
  if (matches.length !== 1) return null;
  const person = matches[0]!;
  const accountId = await upsertAccount(db, login, { personId: person.id, role: 'citizen' });
  const firstName = person.given_names.split(' ')[0]!;
  return {
    accountId,
    role: 'citizen',
    displayName: `${firstName} ${person.usage_name ?? person.family_name}`,
    personId: person.id,
  };
};

/**
 * Maps an OpenID Connect login to a Guichet account (the platform's `ResolveAccount`, given a
 * database): creates or reuses the `accounts` row; null when no person or agent matches.
 */
export const resolveAccount = (db: Sql, login: OidcLogin): Promise<SessionUser | null> =>
  login.kind === 'agent' ? resolveAgent(db, login) : resolveCitizen(db, login);
