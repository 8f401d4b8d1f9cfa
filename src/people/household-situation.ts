// A person's household as an OpenFisca-France situation (individus, familles, foyers_fiscaux,
// menages), from what Guichet knows of them: birth dates, salaries, pensions and unemployment
// benefits, pregnancy, housing. Persons are named by their first given name (made unique), so an
// explanation reads « Léa » rather than an identifier. The caller says for which months the
// monthly amounts hold (the situation as recorded is taken to have held over those months).
import type { Sql } from '../platform/index.ts';

export type OpenFiscaSituation = {
  individus: Record<string, Record<string, unknown>>;
  familles: Record<string, Record<string, unknown>>;
  foyers_fiscaux: Record<string, Record<string, unknown>>;
  menages: Record<string, Record<string, unknown>>;
};

type Row = {
  person_id: string;
  given_names: string;
  birth_date: string;
  famille_id: string | null;
  famille_role: string | null;
  foyer_fiscal_id: string | null;
  foyer_fiscal_role: string | null;
  menage_id: string | null;
  menage_role: string | null;
  statut_marital: string | null;
  monthly_net_salary_cents: number | null;
  monthly_unemployment_benefit_cents: number | null;
  monthly_pension_cents: number | null;
  disability_rate: number | null;
  is_pregnant: boolean | null;
  pregnancy_due_date: string | null;
  statut_occupation_logement: string | null;
  loyer_cents: number | null;
  zone_apl: string | null;
  depcom: string | null;
};

// Everyone sharing a famille, foyer fiscal or ménage with the person, with their group and role.
const HOUSEHOLD = `
  with mine as (
    select famille_id as group_id from people.famille_members where person_id = $1
    union select foyer_fiscal_id from people.foyer_fiscal_members where person_id = $1
    union select menage_id from people.menage_members where person_id = $1
  ), members as (
    select person_id from people.famille_members where famille_id in (select group_id from mine)
    union select person_id from people.foyer_fiscal_members where foyer_fiscal_id in (select group_id from mine)
    union select person_id from people.menage_members where menage_id in (select group_id from mine)
    union select $1::uuid
  )
  select p.id as person_id, p.given_names, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date,
         fm.famille_id, fm.role as famille_role, ff.foyer_fiscal_id, ff.role as foyer_fiscal_role,
         mm.menage_id, mm.role as menage_role,
         s.statut_marital, s.monthly_net_salary_cents, s.monthly_unemployment_benefit_cents, s.monthly_pension_cents,
         s.disability_rate, s.is_pregnant, to_char(s.pregnancy_due_date, 'YYYY-MM-DD') as pregnancy_due_date,
         h.statut_occupation_logement, h.loyer_cents, h.zone_apl, h.depcom
    from members m
    join people.persons p on p.id = m.person_id
    left join people.person_situations s on s.person_id = p.id
    left join people.famille_members fm on fm.person_id = p.id
    left join people.foyer_fiscal_members ff on ff.person_id = p.id
    left join people.menage_members mm on mm.person_id = p.id
    left join people.menages h on h.id = mm.menage_id
   order by p.birth_date, p.id`;

const byMonth = (months: string[], cents: number | null) =>
  cents ? Object.fromEntries(months.map((month) => [month, cents / 100])) : undefined;

/**
 * The person's household in OpenFisca-France's vocabulary; monthly amounts are stated for each
 * of `months` (YYYY-MM). A pregnancy adds the child to be born, born on the due date, as
 * OpenFisca-France describes it. Null when the person is unknown.
 */
export const householdSituation = async (
  db: Sql,
  personId: string,
  { months }: { months: string[] },
): Promise<OpenFiscaSituation | null> => {
  const rows = await db.query<Row>(HOUSEHOLD, [personId]);
  if (!rows.some((row) => row.person_id === personId)) return null;
  const situation: OpenFiscaSituation = { individus: {}, familles: {}, foyers_fiscaux: {}, menages: {} };
  const taken = new Set<string>();
  const uniqueName = (wanted: string) => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted} (${n})`;
    taken.add(name);
    return name;
  };
  const groupIds = new Map<string, string>();
  const groupId = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    if (!groupIds.has(key)) groupIds.set(key, `${kind}_${groupIds.size + 1}`);
    return groupIds.get(key)!;
  };
  const join = (groups: Record<string, Record<string, unknown>>, group: string, role: string, person: string) => {
    const members = (groups[group] ??= {});
    if (role === 'personne_de_reference' || role === 'conjoint') members[role] = person;
    else members[role] = [...((members[role] as string[] | undefined) ?? []), person];
  };
  for (const row of rows) {
    const id = uniqueName(row.given_names.split(/\s+/)[0] ?? row.given_names);
    const person: Record<string, unknown> = { date_naissance: row.birth_date };
    if (row.statut_marital) person.statut_marital = row.statut_marital;
    const amounts = {
      salaire_net: row.monthly_net_salary_cents,
      chomage_net: row.monthly_unemployment_benefit_cents,
      retraite_brute: row.monthly_pension_cents,
    };
    for (const [name, cents] of Object.entries(amounts)) {
      const values = byMonth(months, cents);
      if (values) person[name] = values;
    }
    if (row.disability_rate) person.taux_incapacite = row.disability_rate / 100;
    if (row.is_pregnant) person.enceinte = Object.fromEntries(months.map((month) => [month, true]));
    situation.individus[id] = person;
    if (row.famille_id && row.famille_role)
      join(situation.familles, groupId('famille', row.famille_id), row.famille_role, id);
    if (row.foyer_fiscal_id && row.foyer_fiscal_role)
      join(situation.foyers_fiscaux, groupId('foyer_fiscal', row.foyer_fiscal_id), row.foyer_fiscal_role, id);
    if (row.menage_id && row.menage_role) {
      const menage = groupId('menage', row.menage_id);
      join(situation.menages, menage, row.menage_role, id);
      const housing = situation.menages[menage]!;
      if (row.statut_occupation_logement) housing.statut_occupation_logement = row.statut_occupation_logement;
      if (row.loyer_cents) housing.loyer = row.loyer_cents / 100;
      if (row.zone_apl) housing.zone_apl = row.zone_apl;
      if (row.depcom) housing.depcom = row.depcom;
    }
    if (row.is_pregnant && row.pregnancy_due_date) {
      const unborn = uniqueName('Enfant à naître');
      situation.individus[unborn] = { date_naissance: row.pregnancy_due_date };
      if (row.famille_id) join(situation.familles, groupId('famille', row.famille_id), 'enfants', unborn);
    }
  }
  return situation;
};
