// The checks a situation passes before the rights are estimated: every problem is a 400 naming the
// path in the situation (`individus.enfant_1.date_naissance`) and the reason, in French and English.
// Structure and values (unknown variable, impossible date, wrong type) are the engine's own parse;
// this adds what makes a household impossible: a negative income, a child older than a parent, a
// group without its first role, an unknown commune.
import { AppError, type Messages } from '../../platform/index.ts';
import { loadCommunes } from '../../people/index.ts';
import { ENTITIES, GROUP_KEYS, roleField, type GroupKey } from '../engine/entities.ts';
import { SituationError } from '../engine/errors.ts';
import type { Situation } from '../engine/situation.ts';
import type { TaxBenefitSystem } from '../engine/tax-benefit-system.ts';
import { getSystem } from '../system.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const invalidSituation = (field: string, messages: Messages) =>
  new AppError('invalid_situation', { status: 400, field, messages });

/** A SituationError of the engine as the API's 400 (the engine speaks French; English says where). */
export const fromSituationError = (error: SituationError, prefix = 'situation') =>
  invalidSituation(`${prefix}.${error.path}`, {
    fr: `Situation incorrecte à ${error.path} : ${error.message.slice(error.path.length + 3)}`,
    en: `Invalid situation at ${error.path}: ${error.message.slice(error.path.length + 3)}`,
  });

/** The groups of a situation in their plural form (`famille:` of the YAML tests becomes one group). */
const groupsOf = (situation: Situation, key: GroupKey): Record<string, Record<string, unknown>> => {
  const plural = situation[ENTITIES[key].plural];
  if (isRecord(plural)) return plural as Record<string, Record<string, unknown>>;
  const singular = situation[key];
  return isRecord(singular) ? { [key]: singular } : {};
};

const valuesByPeriod = (raw: unknown): Array<[string | undefined, unknown]> =>
  isRecord(raw) ? Object.entries(raw) : [[undefined, raw]];

const birthDateOf = (person: unknown): string | undefined => {
  if (!isRecord(person)) return undefined;
  const [first] = valuesByPeriod(person.date_naissance);
  return typeof first?.[1] === 'string' ? first[1] : undefined;
};

/** Throws the first problem found, as a 400 whose `field` is `${prefix}.<path>`. */
export const checkSituation = (
  system: TaxBenefitSystem,
  situation: Situation,
  { prefix = 'situation', period }: { prefix?: string; period: string },
): void => {
  const fail: (path: string, fr: string, en: string) => never = (path, fr, en) => {
    throw invalidSituation(`${prefix}.${path}`, { fr: `${path} : ${fr}`, en: `${path}: ${en}` });
  };
  const individus = isRecord(situation.individus) ? situation.individus : {};
  const rows: Array<[string, Record<string, unknown>, Set<string>]> = Object.entries(individus).map(([id, raw]) => [
    `individus.${id}`,
    isRecord(raw) ? raw : {},
    new Set(),
  ]);
  for (const key of GROUP_KEYS) {
    const roles = new Set(ENTITIES[key].roles.map(roleField));
    for (const [id, raw] of Object.entries(groupsOf(situation, key)))
      rows.push([`${ENTITIES[key].plural}.${id}`, isRecord(raw) ? raw : {}, roles]);
  }

  for (const [path, fields, roles] of rows) {
    for (const [name, raw] of Object.entries(fields)) {
      if (roles.has(name) || raw === null || raw === undefined) continue;
      if (name === 'depcom') {
        for (const [periodText, code] of valuesByPeriod(raw))
          if (typeof code !== 'string' || !loadCommunes().byCode.has(code))
            fail(
              periodText ? `${path}.depcom.${periodText}` : `${path}.depcom`,
              `commune inconnue « ${String(code)} » : attendu le code INSEE d'une commune (5 caractères, par exemple 75056)`,
              `unknown commune "${String(code)}": expected the INSEE code of a commune (5 characters, e.g. 75056)`,
            );
        if (!system.variables.has(name)) continue;
      }
      const variable = system.variables.get(name);
      if (!variable) {
        fail(
          `${path}.${name}`,
          `variable inconnue de Guichet (les noms sont ceux d'OpenFisca-France)`,
          `variable unknown to Guichet (names are OpenFisca-France's)`,
        );
      }
      if (variable.unit !== 'currency') continue;
      for (const [periodText, value] of valuesByPeriod(raw))
        if (typeof value === 'number' && value < 0)
          fail(
            periodText ? `${path}.${name}.${periodText}` : `${path}.${name}`,
            `un montant ne peut pas être négatif (${value})`,
            `an amount cannot be negative (${value})`,
          );
    }
  }

  for (const key of GROUP_KEYS) {
    const first = roleField(ENTITIES[key].roles[0]!);
    for (const [id, raw] of Object.entries(groupsOf(situation, key))) {
      if (!isRecord(raw)) continue;
      const hasMembers = ENTITIES[key].roles.some((role) => {
        const listed = raw[roleField(role)];
        return Array.isArray(listed) ? listed.length > 0 : listed !== undefined && listed !== null;
      });
      const firstRole = raw[first];
      const hasFirst = Array.isArray(firstRole) ? firstRole.length > 0 : typeof firstRole === 'string';
      if (hasMembers && !hasFirst)
        fail(
          `${ENTITIES[key].plural}.${id}.${first}`,
          `rôle manquant : ce groupe a des membres mais personne dans le rôle « ${first} »`,
          `missing role: this group has members but nobody in the role "${first}"`,
        );
    }
  }

  const periodYear = Number(period.slice(0, 4));
  for (const [id, person] of Object.entries(individus)) {
    const birth = birthDateOf(person);
    if (!birth || !/^\d{4}-\d{2}-\d{2}$/.test(birth)) continue;
    const year = Number(birth.slice(0, 4));
    if (year < periodYear - 125)
      fail(
        `individus.${id}.date_naissance`,
        `date de naissance impossible (${birth}) : plus de 125 ans`,
        `impossible date of birth (${birth}): over 125 years`,
      );
    if (year > periodYear + 1)
      fail(
        `individus.${id}.date_naissance`,
        `date de naissance trop lointaine (${birth}) : un enfant à naître se décrit par sa date de naissance prévue`,
        `date of birth too far ahead (${birth}): an unborn child is described by the expected date of birth`,
      );
  }

  for (const [id, famille] of Object.entries(groupsOf(situation, 'famille'))) {
    if (!isRecord(famille)) continue;
    const list = (value: unknown) =>
      Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
    const parents = list(famille.parents)
      .map((parent) => [parent, birthDateOf(individus[parent])] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
    for (const child of list(famille.enfants)) {
      const birth = birthDateOf(individus[child]);
      if (!birth) continue;
      const older = parents.find(([, parentBirth]) => birth < parentBirth);
      if (older)
        fail(
          `individus.${child}.date_naissance`,
          `l'enfant (né le ${birth}) serait plus âgé que son parent ${older[0]} (né le ${older[1]}) dans familles.${id}`,
          `the child (born ${birth}) would be older than their parent ${older[0]} (born ${older[1]}) in familles.${id}`,
        );
    }
  }
};

/** The situation the engine reads: a checked `depcom` is left out while no formula reads it. */
export const withoutUnreadCommune = (system: TaxBenefitSystem, situation: Situation): Situation => {
  if (system.variables.has('depcom')) return situation;
  const strip = (groups: unknown) =>
    isRecord(groups)
      ? Object.fromEntries(
          Object.entries(groups).map(([id, fields]) => [
            id,
            isRecord(fields)
              ? Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'depcom'))
              : fields,
          ]),
        )
      : groups;
  return {
    ...situation,
    ...(situation.menages !== undefined ? { menages: strip(situation.menages) } : {}),
    ...(isRecord(situation.menage)
      ? { menage: (strip({ menage: situation.menage }) as Record<string, unknown>).menage }
      : {}),
  };
};

/** Guichet's own records use OpenFisca's whole vocabulary; the engine reads what it implements. */
export const onlyKnownVariables = (situation: Situation): Situation => {
  const system = getSystem();
  const roles = new Set([
    'parents',
    'enfants',
    'declarants',
    'personnes_a_charge',
    'personne_de_reference',
    'conjoint',
    'autres',
  ]);
  return Object.fromEntries(
    Object.entries(situation).map(([plural, rows]) => [
      plural,
      Object.fromEntries(
        Object.entries(rows as Record<string, Record<string, unknown>>).map(([id, fields]) => [
          id,
          Object.fromEntries(
            Object.entries(fields).filter(
              ([name]) => roles.has(name) || system.variables.has(name) || name === 'depcom',
            ),
          ),
        ]),
      ),
    ]),
  );
};

/** A situation from Guichet's records reduced to what the engine reads (no commune while no formula reads it). */
export const engineSituation = (situation: Situation): Situation =>
  withoutUnreadCommune(getSystem(), onlyKnownVariables(situation));
