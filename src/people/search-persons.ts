// An agent looks a person up: by NIR (exact) when the query is one, else by name, ignoring case
// and accents and tolerating a typo (trigram similarity).
import type { Sql } from '../platform/index.ts';
import { checkNir, normalizeNir } from './nir.ts';

export const SEARCH_PAGE_SIZE_MAX = 20;

export type PersonHit = {
  id: string;
  nir: string | null;
  givenNames: string;
  familyName: string;
  usageName: string | null;
  birthDate: string;
  sex: 'F' | 'M';
  communeName: string | null;
};

export type SearchPersonsResult = {
  items: PersonHit[];
  page: number;
  pageSize: number;
  total: number;
  matchedBy: 'nir' | 'name';
};

type HitRow = {
  id: string;
  nir: string | null;
  given_names: string;
  family_name: string;
  usage_name: string | null;
  birth_date: string;
  sex: 'F' | 'M';
  address_commune_name: string | null;
  total: number;
};

const HIT_COLUMNS =
  'id, nir, given_names, family_name, usage_name, birth_date, sex, address_commune_name, count(*) over () as total';

const toHit = (row: HitRow): PersonHit => ({
  id: row.id,
  nir: row.nir,
  givenNames: row.given_names,
  familyName: row.family_name,
  usageName: row.usage_name,
  birthDate: row.birth_date,
  sex: row.sex,
  communeName: row.address_commune_name,
});

/** 13 characters (no key) or a valid 15: the query is a NIR, looked up exactly. */
const asNir = (q: string) => {
  const normalized = normalizeNir(q);
  if (/^[1-478]\d{4}(\d{2}|2A|2B)\d{6}$/.test(normalized)) return { prefix: normalized };
  return checkNir(normalized).ok ? { exact: normalized } : null;
};

/** Finds persons by NIR or by name; at most 20 per page, best matches first. */
export const searchPersons = async (
  db: Sql,
  { q, page = 1, pageSize = SEARCH_PAGE_SIZE_MAX }: { q: string; page?: number; pageSize?: number },
): Promise<SearchPersonsResult> => {
  const size = Math.min(Math.max(pageSize, 1), SEARCH_PAGE_SIZE_MAX);
  const offset = (Math.max(page, 1) - 1) * size;
  const nir = asNir(q);
  if (nir) {
    const rows = await db.query<HitRow>(
      `select ${HIT_COLUMNS} from people.persons
        where ${nir.exact ? 'nir = $1' : 'left(nir, 13) = $1'}
        order by family_name, given_names, id limit $2 offset $3`,
      [nir.exact ?? nir.prefix, size, offset],
    );
    return {
      items: rows.map(toHit),
      page: Math.max(page, 1),
      pageSize: size,
      total: rows[0]?.total ?? 0,
      matchedBy: 'nir',
    };
  }
  // Every word must appear (accents and case ignored), or the whole name be close enough (typos).
  // Words travel as one string split in SQL: an array parameter here made PGlite hang. Closeness
  // is `similarity() >= threshold`, not the `%` operator: on PGlite `%` intermittently returns no
  // rows at all (not even count(*)'s) or hangs the database.
  const words = q
    .trim()
    .replace(/[\\%_]/g, '\\$&')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
  const rows = await db.query<HitRow>(
    `with query as (select people.fold($1) as text,
                           array(select '%' || w || '%' from regexp_split_to_table(people.fold($2), ' ') w) as patterns)
     select ${HIT_COLUMNS} from people.persons, query
      where search_name like all (query.patterns) or similarity(search_name, query.text) >= 0.3
      order by similarity(search_name, query.text) desc, family_name, given_names, id
      limit $3 offset $4`,
    [q, words, size, offset],
  );
  return {
    items: rows.map(toHit),
    page: Math.max(page, 1),
    pageSize: size,
    total: rows[0]?.total ?? 0,
    matchedBy: 'name',
  };
};
