// A person and the three OpenFisca groups they belong to, as the citizen and the agent see them.
import type { Sql } from '../platform/index.ts';
import type {
  EmploymentStatus,
  FamilleRole,
  FoyerFiscalRole,
  MenageRole,
  StatutMarital,
  StatutOccupationLogement,
  ZoneApl,
} from './vocabulary.ts';

export type Address = {
  label: string;
  postcode: string;
  communeCode: string;
  communeName: string;
  lat: number | null;
  lon: number | null;
};

export type Situation = {
  employmentStatus: EmploymentStatus;
  statutMarital: StatutMarital;
  monthlyNetSalaryCents: number;
  monthlyUnemploymentBenefitCents: number;
  monthlyPensionCents: number;
  disabilityRate: number;
  isPregnant: boolean;
  pregnancyDueDate: string | null;
};

export type Person = {
  id: string;
  nir: string | null;
  givenNames: string;
  familyName: string;
  usageName: string | null;
  birthDate: string;
  birthPlace: string;
  birthCountry: string;
  sex: 'F' | 'M';
  email: string | null;
  phone: string | null;
  address: Address | null;
  situation: Situation | null;
};

/** Another member of a group: enough to recognise them, no NIR nor contact details. */
export type Member<R extends string> = {
  role: R;
  id: string;
  givenNames: string;
  familyName: string;
  usageName: string | null;
  birthDate: string;
  sex: 'F' | 'M';
  employmentStatus: EmploymentStatus | null;
};

export type PersonFile = {
  person: Person;
  famille: { id: string; members: Member<FamilleRole>[] } | null;
  foyerFiscal: { id: string; members: Member<FoyerFiscalRole>[] } | null;
  menage: {
    id: string;
    statutOccupationLogement: StatutOccupationLogement;
    loyerCents: number;
    zoneApl: ZoneApl | null;
    depcom: string | null;
    members: Member<MenageRole>[];
  } | null;
};

type PersonRow = {
  id: string;
  nir: string | null;
  given_names: string;
  family_name: string;
  usage_name: string | null;
  birth_date: string;
  birth_place: string;
  birth_country: string;
  sex: 'F' | 'M';
  email: string | null;
  phone: string | null;
  address_label: string | null;
  address_postcode: string | null;
  address_commune_code: string | null;
  address_commune_name: string | null;
  address_lat: number | null;
  address_lon: number | null;
  employment_status: EmploymentStatus | null;
  statut_marital: StatutMarital | null;
  monthly_net_salary_cents: number | null;
  monthly_unemployment_benefit_cents: number | null;
  monthly_pension_cents: number | null;
  disability_rate: number | null;
  is_pregnant: boolean | null;
  pregnancy_due_date: string | null;
};

export const PERSON_COLUMNS = `p.id, p.nir, p.given_names, p.family_name, p.usage_name, p.birth_date, p.birth_place, p.birth_country,
  p.sex, p.email, p.phone, p.address_label, p.address_postcode, p.address_commune_code, p.address_commune_name,
  p.address_lat, p.address_lon, s.employment_status, s.statut_marital, s.monthly_net_salary_cents,
  s.monthly_unemployment_benefit_cents, s.monthly_pension_cents, s.disability_rate, s.is_pregnant, s.pregnancy_due_date`;

export const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  nir: row.nir,
  givenNames: row.given_names,
  familyName: row.family_name,
  usageName: row.usage_name,
  birthDate: row.birth_date,
  birthPlace: row.birth_place,
  birthCountry: row.birth_country,
  sex: row.sex,
  email: row.email,
  phone: row.phone,
  address:
    row.address_label && row.address_postcode && row.address_commune_code && row.address_commune_name
      ? {
          label: row.address_label,
          postcode: row.address_postcode,
          communeCode: row.address_commune_code,
          communeName: row.address_commune_name,
          lat: row.address_lat,
          lon: row.address_lon,
        }
      : null,
  situation: row.employment_status
    ? {
        employmentStatus: row.employment_status,
        statutMarital: row.statut_marital ?? 'celibataire',
        monthlyNetSalaryCents: row.monthly_net_salary_cents ?? 0,
        monthlyUnemploymentBenefitCents: row.monthly_unemployment_benefit_cents ?? 0,
        monthlyPensionCents: row.monthly_pension_cents ?? 0,
        disabilityRate: row.disability_rate ?? 0,
        isPregnant: row.is_pregnant ?? false,
        pregnancyDueDate: row.pregnancy_due_date,
      }
    : null,
});

/** One person with their situation, or null. */
export const findPerson = async (db: Sql, personId: string): Promise<Person | null> => {
  const [row] = await db.query<PersonRow>(
    `select ${PERSON_COLUMNS} from people.persons p left join people.person_situations s on s.person_id = p.id where p.id = $1`,
    [personId],
  );
  return row ? toPerson(row) : null;
};

type MemberRow = {
  group_kind: 'famille' | 'foyer_fiscal' | 'menage';
  group_id: string;
  role: string;
  id: string;
  given_names: string;
  family_name: string;
  usage_name: string | null;
  birth_date: string;
  sex: 'F' | 'M';
  employment_status: EmploymentStatus | null;
  statut_occupation_logement: StatutOccupationLogement | null;
  loyer_cents: number | null;
  zone_apl: ZoneApl | null;
  depcom: string | null;
};

// One round trip: the person as a JSON row and the members of their three groups as a JSON array,
// in role order as OpenFisca lists them, then the eldest first.
const PERSON_FILE = `
  with mine as (
    select 'famille' as group_kind, famille_id as group_id from people.famille_members where person_id = $1
    union all select 'foyer_fiscal', foyer_fiscal_id from people.foyer_fiscal_members where person_id = $1
    union all select 'menage', menage_id from people.menage_members where person_id = $1
  ), members as (
    select 'famille' as group_kind, famille_id as group_id, person_id, role from people.famille_members
      where famille_id = (select group_id from mine where group_kind = 'famille')
    union all select 'foyer_fiscal', foyer_fiscal_id, person_id, role from people.foyer_fiscal_members
      where foyer_fiscal_id = (select group_id from mine where group_kind = 'foyer_fiscal')
    union all select 'menage', menage_id, person_id, role from people.menage_members
      where menage_id = (select group_id from mine where group_kind = 'menage')
  ), member_rows as (
    select m.group_kind, m.group_id, m.role, p.id, p.given_names, p.family_name, p.usage_name, p.birth_date, p.sex,
           s.employment_status, h.statut_occupation_logement, h.loyer_cents, h.zone_apl, h.depcom,
           row_number() over (
             order by m.group_kind,
                      array_position(array['parents', 'declarants', 'personne_de_reference', 'conjoint', 'enfants',
                                           'personnes_a_charge', 'autres'], m.role),
                      p.birth_date, p.id) as position
      from members m
      join people.persons p on p.id = m.person_id
      left join people.person_situations s on s.person_id = p.id
      left join people.menages h on m.group_kind = 'menage' and h.id = m.group_id
  )
  select (select row_to_json(person) from (
            select ${PERSON_COLUMNS} from people.persons p
              left join people.person_situations s on s.person_id = p.id where p.id = $1) person) as person,
         (select coalesce(json_agg(member_rows order by position), '[]') from member_rows) as members`;

const toMember = <R extends string>(row: MemberRow): Member<R> => ({
  role: row.role as R,
  id: row.id,
  givenNames: row.given_names,
  familyName: row.family_name,
  usageName: row.usage_name,
  birthDate: row.birth_date,
  sex: row.sex,
  employmentStatus: row.employment_status,
});

/** The person and their famille, foyer fiscal and ménage with every member; null if unknown. */
export const getPersonFile = async (db: Sql, personId: string): Promise<PersonFile | null> => {
  const [{ person: personRow, members: rows }] = (await db.query<{ person: PersonRow | null; members: MemberRow[] }>(
    PERSON_FILE,
    [personId],
  )) as [{ person: PersonRow | null; members: MemberRow[] }];
  if (!personRow) return null;
  const person = toPerson(personRow);
  const of = (kind: MemberRow['group_kind']) => rows.filter((row) => row.group_kind === kind);
  const famille = of('famille');
  const foyer = of('foyer_fiscal');
  const menage = of('menage');
  return {
    person,
    famille: famille[0] ? { id: famille[0].group_id, members: famille.map(toMember<FamilleRole>) } : null,
    foyerFiscal: foyer[0] ? { id: foyer[0].group_id, members: foyer.map(toMember<FoyerFiscalRole>) } : null,
    menage: menage[0]
      ? {
          id: menage[0].group_id,
          statutOccupationLogement: menage[0].statut_occupation_logement ?? 'non_renseigne',
          loyerCents: menage[0].loyer_cents ?? 0,
          zoneApl: menage[0].zone_apl,
          depcom: menage[0].depcom,
          members: menage.map(toMember<MenageRole>),
        }
      : null,
  };
};

/**
 * Citizens' own files read in the last few seconds (PERSON_CACHE_SECONDS), per database: "Mon
 * espace" and the pages around it read the same file several times a minute. Any write to a person
 * in this process forgets them all (writes are rare); one made by another process is seen within
 * that delay.
 */
let recentFiles = new WeakMap<Sql, Map<string, { file: PersonFile; until: number }>>();
const RECENT_FILES_MAX = 10_000;

export const getRecentPersonFile = async (db: Sql, personId: string, seconds: number) => {
  const now = Date.now();
  let entries = recentFiles.get(db);
  if (!entries) recentFiles.set(db, (entries = new Map()));
  const cached = entries.get(personId);
  if (cached && cached.until > now) return cached.file;
  entries.delete(personId);
  const file = await getPersonFile(db, personId);
  if (file && seconds > 0) {
    // A Map iterates in insertion order: the first key is the oldest entry.
    if (entries.size >= RECENT_FILES_MAX) entries.delete(entries.keys().next().value!);
    entries.set(personId, { file, until: now + seconds * 1000 });
  }
  return file;
};

export const forgetRecentPersonFiles = () => {
  recentFiles = new WeakMap();
};
