// Reads an OpenFisca situation (`individus`, `familles`, `foyers_fiscaux`, `menages`, or the
// singular `famille:`/`foyer_fiscal:`/`menage:` of OpenFisca's YAML tests, or flat inputs of one
// person) into a population and its inputs. Errors name the path at fault.
//
// Rules Guichet follows, as OpenFisca does:
// - a value without a period applies to the simulation's period (for a yearly variable, the
//   year containing it);
// - a person listed in no group of an entity gets a group of its own, in the entity's first role;
// - an input given for one member sets that variable for all of them: the others get the
//   variable's default value, not its formula.
// And one of Guichet's: a person with an `age` but no `date_naissance` is taken as born on the
// first day of the period's month, `age` years before (so "14 in March 2026" is born 2012-03-01).
import { newColumn, type Column } from './columns.ts';
import { ENTITIES, GROUP_KEYS, ROLE_FIELDS, roleField, type EntityKey, type GroupKey } from './entities.ts';
import { SituationError } from './errors.ts';
import { dayNumber, parsePeriod, PeriodError, periodKey, startDate, thisYear, type Period } from './period.ts';
import { membership, type Population } from './population.ts';
import type { TaxBenefitSystem } from './tax-benefit-system.ts';

export type Situation = Record<string, unknown>;

export type SituationInput = { name: string; period: Period; column: Column };

export type ParsedSituation = {
  population: Population;
  inputs: SituationInput[];
  /** Ids of each entity's rows, in order. */
  ids: Record<EntityKey, string[]>;
};

/** `parseNumber` reads a number written as text (OpenFisca's tests write `1412.64 / 12`); its
 *  error's message is given with the value's path. */
type Options = { period: Period; parseNumber?: (text: string) => number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PERIOD_KEY = /^(\d{4}(-\d{2})?|(month|year):\d{4}(-\d{2})?(:\d+)?|eternity|ETERNITY)$/;
const isPeriodKey = (key: string) => PERIOD_KEY.test(key);

/** The path of an input in the situation, written only for an error (most requests have none). */
const pathOf = (entity: EntityKey, id: string, name: string, periodText?: string) =>
  `${ENTITIES[entity].plural}.${id}.${name}${periodText === undefined ? '' : `.${periodText}`}`;

const defaultNumber = (text: string): number => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new ValueError(`« ${text} » n'est pas un nombre`);
  return value;
};

export const parseSituation = (system: TaxBenefitSystem, situation: Situation, options: Options): ParsedSituation => {
  const parseNumber = options.parseNumber ?? defaultNumber;
  const normalised = normalise(system, situation);
  const personEntries = Object.entries(normalised.individus);
  if (!personEntries.length) throw new SituationError('individus', 'la situation ne contient aucune personne');
  const personIndex = new Map(personEntries.map(([id], index) => [id, index]));
  const ids: Record<EntityKey, string[]> = {
    individu: personEntries.map(([id]) => id),
    famille: [],
    foyer_fiscal: [],
    menage: [],
  };
  const groupVariables: Record<GroupKey, Array<[string, Record<string, unknown>]>> = {
    famille: [],
    foyer_fiscal: [],
    menage: [],
  };
  const groups = {} as Population['groups'];

  for (const key of GROUP_KEYS) {
    const entity = ENTITIES[key];
    const group = new Int32Array(personEntries.length).fill(-1);
    const role = new Uint8Array(personEntries.length);
    const order: number[] = [];
    let count = 0;
    const groupsGiven = normalised[key];
    for (const groupId in groupsGiven) {
      const raw = groupsGiven[groupId];
      const path = `${entity.plural}.${groupId}`;
      if (!isRecord(raw)) throw new SituationError(path, 'un groupe se décrit par ses rôles et ses variables');
      const variables: Record<string, unknown> = {};
      const roleFields = ROLE_FIELDS[key];
      for (const field in raw) if (!roleFields.has(field)) variables[field] = raw[field];
      entity.roles.forEach((r, roleIndex) => {
        const listed = raw[roleField(r)];
        if (listed === undefined || listed === null) return;
        const members = Array.isArray(listed) ? listed : [listed];
        if (r.max !== undefined && members.length > r.max)
          throw new SituationError(`${path}.${roleField(r)}`, `au plus ${r.max} personne(s) dans ce rôle`);
        for (const member of members) {
          const index = personIndex.get(String(member));
          if (index === undefined)
            throw new SituationError(
              `${path}.${roleField(r)}`,
              `personne inconnue « ${String(member)} » : elle doit figurer dans individus`,
            );
          if (group[index] !== -1)
            throw new SituationError(
              `${path}.${roleField(r)}`,
              `« ${String(member)} » appartient déjà à un autre groupe ${entity.key}`,
            );
          group[index] = count;
          role[index] = roleIndex;
          order.push(index);
        }
      });
      ids[key].push(groupId);
      groupVariables[key].push([groupId, variables]);
      count++;
    }
    for (let i = 0; i < personEntries.length; i++) {
      if (group[i] !== -1) continue;
      group[i] = count++;
      role[i] = 0;
      ids[key].push(`${personEntries[i]![0]}_${key}`);
      groupVariables[key].push([`${personEntries[i]![0]}_${key}`, {}]);
      order.push(i);
    }
    groups[key] = rankedMembership(count, group, role, order);
  }

  const population: Population = { persons: personEntries.length, groups, ids };
  const inputs = new Map<string, SituationInput & { given: Uint8Array }>();
  const addValues = (entityKey: EntityKey, rows: Array<[string, Record<string, unknown>]>) => {
    rows.forEach(([rowId, variables], row) => {
      for (const name in variables) {
        const raw = variables[name];
        if (raw === null || raw === undefined) continue;
        const variable = system.variable(name);
        if (variable.entity !== entityKey)
          throw new SituationError(
            pathOf(entityKey, rowId, name),
            `${name} se rapporte à l'entité ${variable.entity}, pas ${entityKey}`,
          );
        const byPeriod =
          isRecord(raw) && Object.keys(raw).every(isPeriodKey) ? raw : { [periodKey(options.period)]: raw };
        for (const periodText in byPeriod) {
          const value = byPeriod[periodText];
          if (value === null || value === undefined) continue;
          let period: Period;
          try {
            period = parsePeriod(periodText);
          } catch (error) {
            throw new SituationError(
              pathOf(entityKey, rowId, name, periodText),
              error instanceof PeriodError ? error.message : String(error),
            );
          }
          if (variable.definitionPeriod === 'year' && period.unit === 'month' && !isRecord(raw))
            period = thisYear(period);
          const key = `${name}@${periodKey(period)}`;
          let input = inputs.get(key);
          if (!input) {
            const length = rows.length;
            input = { name, period, column: newColumn(variable.valueType, length), given: new Uint8Array(length) };
            if (variable.defaultValue) input.column.fill(variable.defaultValue);
            inputs.set(key, input);
          }
          try {
            input.column[row] = convert(variable.valueType, value, parseNumber, variable.possibleValues);
          } catch (error) {
            if (!(error instanceof ValueError)) throw error;
            throw new SituationError(pathOf(entityKey, rowId, name, periodText), error.message);
          }
          input.given[row] = 1;
        }
      }
    });
  };
  addValues(
    'individu',
    personEntries.map(([id, raw]) => [id, isRecord(raw) ? raw : {}]),
  );
  for (const key of GROUP_KEYS) addValues(key, groupVariables[key]);
  deriveBirthDates(system, inputs, population.persons);
  return {
    population,
    inputs: [...inputs.values()].map(({ name, period, column }) => ({ name, period, column })),
    ids,
  };
};

const rankedMembership = (count: number, group: Int32Array, role: Uint8Array, order: number[]) => {
  const m = membership(count, group, role);
  const seen = new Int32Array(count);
  for (const index of order) m.rank[index] = seen[group[index]!]!++;
  return m;
};

/** A value that is not of its variable's type (its path is added by the caller). */
class ValueError extends Error {}

const parseText = (text: string, parseNumber: (text: string) => number): number => {
  try {
    return parseNumber(text);
  } catch (error) {
    throw new ValueError(error instanceof Error ? error.message : String(error));
  }
};

const convert = (
  type: string,
  value: unknown,
  parseNumber: (text: string) => number,
  possibleValues: readonly string[] = [],
): number => {
  if (type === 'enum') {
    const index = possibleValues.indexOf(String(value));
    if (index < 0) throw new ValueError(`valeur inconnue « ${String(value)} » : attendu ${possibleValues.join(', ')}`);
    return index;
  }
  if (type === 'bool') {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value === 0 || value === 1) return value;
    throw new ValueError('attendu true ou false');
  }
  if (type === 'date') {
    if (typeof value !== 'string') throw new ValueError('attendu une date AAAA-MM-JJ');
    try {
      return dayNumber(value);
    } catch (error) {
      throw new ValueError(error instanceof Error ? error.message : String(error));
    }
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' ? parseText(value, parseNumber) : NaN;
  if (!Number.isFinite(number)) throw new ValueError('attendu un nombre');
  if (type === 'int' && !Number.isInteger(number)) throw new ValueError('attendu un nombre entier');
  return number;
};

/** Singular test-format groups and flat inputs, brought to the plural form. Flat inputs
 *  (`age: 40` or OpenFisca's vectorised `age: [29, 30]`) describe one person per array row,
 *  each alone in its groups; a group variable among them goes to that person's groups. */
const normalise = (
  system: TaxBenefitSystem,
  situation: Situation,
): Record<'individus' | GroupKey, Record<string, unknown>> => {
  const result: Record<'individus' | GroupKey, Record<string, unknown>> = {
    individus: {},
    famille: {},
    foyer_fiscal: {},
    menage: {},
  };
  const known = new Set(['individus', ...GROUP_KEYS, ...GROUP_KEYS.map((k) => ENTITIES[k].plural)]);
  const flat = Object.keys(situation).filter((k) => !known.has(k));
  if (situation.individus === undefined && flat.length) {
    const rows = Math.max(
      1,
      ...flat.map((k) => (Array.isArray(situation[k]) ? (situation[k] as unknown[]).length : 1)),
    );
    const valueAt = (value: unknown, row: number): unknown => {
      if (Array.isArray(value)) return value[row];
      if (isRecord(value))
        return Object.fromEntries(Object.entries(value).map(([p, v]) => [p, Array.isArray(v) ? v[row] : v]));
      return value;
    };
    for (let row = 0; row < rows; row++) {
      const id = rows === 1 ? 'individu' : `individu_${row}`;
      const person: Record<string, unknown> = {};
      const groups: Record<GroupKey, Record<string, unknown>> = { famille: {}, foyer_fiscal: {}, menage: {} };
      for (const key of flat) {
        const entity = system.variable(key).entity;
        (entity === 'individu' ? person : groups[entity])[key] = valueAt(situation[key], row);
      }
      result.individus[id] = person;
      for (const key of GROUP_KEYS)
        result[key][`${id}_${key}`] = { [roleField(ENTITIES[key].roles[0]!)]: [id], ...groups[key] };
    }
    return result;
  }
  if (flat.length)
    throw new SituationError(flat[0]!, 'clé inconnue : attendu individus, familles, foyers_fiscaux ou menages');
  if (!isRecord(situation.individus))
    throw new SituationError('individus', 'attendu un objet { identifiant: { variable: valeur } }');
  result.individus = situation.individus;
  for (const key of GROUP_KEYS) {
    const plural = situation[ENTITIES[key].plural];
    const singular = situation[key];
    if (plural !== undefined) {
      if (!isRecord(plural))
        throw new SituationError(ENTITIES[key].plural, 'attendu un objet { identifiant: { rôle: [...] } }');
      result[key] = plural;
    } else if (singular !== undefined) {
      result[key] = { [key]: singular };
    }
  }
  return result;
};

const deriveBirthDates = (
  system: TaxBenefitSystem,
  inputs: Map<string, SituationInput & { given: Uint8Array }>,
  persons: number,
) => {
  if (!system.variables.has('date_naissance') || !system.variables.has('age')) return;
  const ages = [...inputs.values()]
    .filter((input) => input.name === 'age')
    .sort((a, b) => (startDate(a.period) < startDate(b.period) ? -1 : 1));
  if (!ages.length) return;
  let birth = inputs.get('date_naissance@eternity');
  if (!birth) {
    const column = newColumn('date', persons);
    column.fill(system.variable('date_naissance').defaultValue);
    birth = {
      name: 'date_naissance',
      period: { unit: 'eternity', year: 0, month: 1, size: 1 },
      column,
      given: new Uint8Array(persons),
    };
  }
  let isDerived = false;
  for (let i = 0; i < persons; i++) {
    if (birth.given[i]) continue;
    const age = ages.find((input) => input.given[i]);
    if (!age) continue;
    const start = startDate(age.period);
    birth.column[i] = dayNumber(
      `${String(Number(start.slice(0, 4)) - age.column[i]!).padStart(4, '0')}-${start.slice(5, 7)}-01`,
    );
    birth.given[i] = 1;
    isDerived = true;
  }
  if (isDerived) inputs.set('date_naissance@eternity', birth);
};
