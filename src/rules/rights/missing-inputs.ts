// What the evaluation had to take by default and would change a result: the inputs (variables
// without a formula) the trace read for a person or group the situation says nothing about. Each
// is tried with a few plausible values; it is reported, with the benefits it changes, only when
// one of them changes an amount. The questionnaire asks exactly these, nothing hand-picked.
import { newColumn } from '../engine/columns.ts';
import { ENTITIES, GROUP_KEYS, type EntityKey } from '../engine/entities.ts';
import { buildSimulation } from '../engine/evaluate.ts';
import { dayNumber, offset, parsePeriod, periodKey, startDate, type Period } from '../engine/period.ts';
import type { Situation } from '../engine/situation.ts';
import type { TraceNode } from '../engine/simulation.ts';
import type { TaxBenefitSystem } from '../engine/tax-benefit-system.ts';
import type { Variable } from '../engine/variable.ts';
import type { RightsEntry, Texts } from './catalogue.ts';
import { computeBenefits, type BenefitValues } from './benefit-values.ts';
import { QUESTIONS, TOPIC_OF, TOPICS, VALUE_LABELS } from './questions.ts';

export type MissingInput = {
  /** `variable:entityId`, unique in an estimate. */
  key: string;
  variable: string;
  label: string;
  question: Texts;
  entity: EntityKey;
  entityId: string;
  /** Where to write the answer in the situation: `{ [period]: value }` for each of these. */
  periods: string[];
  valueType: Variable['valueType'];
  unit: NonNullable<Variable['unit']> | null;
  /** For an amount: whether the answer is a month's amount or a year's total. */
  amountPer: 'month' | 'year' | null;
  possibleValues: Array<{ value: string; label: Texts }> | null;
  /** The yes/no that gathers this input with others of the same person (see TOPICS). */
  topic: { id: string; label: Texts } | null;
  /** The benefits whose amount changes with this input. */
  affects: string[];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `entity:id:variable` for every value the situation gives. */
const givenValues = (situation: Situation): Set<string> => {
  const given = new Set<string>();
  const add = (entity: EntityKey, groups: unknown) => {
    if (!isRecord(groups)) return;
    for (const [id, fields] of Object.entries(groups))
      if (isRecord(fields)) for (const name of Object.keys(fields)) given.add(`${entity}:${id}:${name}`);
  };
  add('individu', situation.individus);
  for (const key of GROUP_KEYS) {
    add(key, situation[ENTITIES[key].plural]);
    if (isRecord(situation[key])) add(key, { [key]: situation[key] });
  }
  return given;
};

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const monthName = (key: string, names: string[]) => `${names[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;

/** « en 2024 », « en mai 2026 », « de février à avril 2026 ». */
const periodWords = (periods: string[]): Texts => {
  const sorted = [...periods].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (first === 'eternity') return { fr: '', en: '' };
  if (first.length === 4) return { fr: `en ${first}`, en: `in ${first}` };
  if (sorted.length === 1) return { fr: `en ${monthName(first, MONTHS_FR)}`, en: `in ${monthName(first, MONTHS_EN)}` };
  return {
    fr: `de ${monthName(first, MONTHS_FR)} à ${monthName(last, MONTHS_FR)}`,
    en: `from ${monthName(first, MONTHS_EN)} to ${monthName(last, MONTHS_EN)}`,
  };
};

/** Months of a past year all needed become that year (an amount declared for the year). */
const answerPeriods = (
  variable: Variable,
  periods: string[],
  month: Period,
): { periods: string[]; amountPer: 'month' | 'year' | null } => {
  const isAmount = variable.unit === 'currency';
  if (variable.definitionPeriod !== 'month')
    return { periods, amountPer: isAmount ? (variable.definitionPeriod === 'year' ? 'year' : null) : null };
  const byYear = new Map<string, string[]>();
  for (const period of periods) byYear.set(period.slice(0, 4), [...(byYear.get(period.slice(0, 4)) ?? []), period]);
  const result: string[] = [];
  let isYearly = false;
  for (const [y, months] of byYear) {
    if (months.length === 12 && Number(y) < month.year && variable.setInput === 'divide') {
      result.push(y);
      isYearly = true;
    } else result.push(...months);
  }
  return { periods: result.sort(), amountPer: isAmount ? (isYearly ? 'year' : 'month') : null };
};

/** Values worth trying for an input, in the column's own encoding. */
const probeValues = (variable: Variable, month: Period): number[] => {
  switch (variable.valueType) {
    case 'bool':
      return [variable.defaultValue ? 0 : 1];
    case 'enum':
      return (variable.possibleValues ?? [])
        .map((_, index) => index)
        .filter((index) => index !== variable.defaultValue);
    case 'date': {
      const start = startDate(month);
      const yearsBefore = (n: number) => dayNumber(`${Number(start.slice(0, 4)) - n}${start.slice(4)}`);
      return [
        dayNumber(startDate(offset(month, -1, 'month'))),
        yearsBefore(2),
        yearsBefore(10),
        yearsBefore(35),
        yearsBefore(70),
      ];
    }
    case 'int':
      return [1, 3];
    default:
      if (variable.unit === 'currency') {
        const factor = variable.definitionPeriod === 'year' ? 12 : 1;
        return [400, 1500, 4000, 10_000].map((amount) => amount * factor);
      }
      return [0.5, 0.8];
  }
};

type Options = {
  month: Period;
  trace: ReadonlyMap<string, TraceNode>;
  ids: Record<EntityKey, string[]>;
  entries: RightsEntry[];
  baseline: BenefitValues;
};

const CHILD_QUESTIONS = new Set([
  'date_naissance',
  'taux_incapacite',
  'aah_restriction_substantielle_durable_acces_emploi',
  'adoption',
  'date_adoption',
]);

type Candidate = { key: string; variable: Variable; row: number; periods: string[] };
type Probe = { candidate: Candidate; value: number };

/** Needed inputs split so that one answer fits each: one entry per past year, one for the months. */
const candidateKey = (variable: Variable, id: string, period: string, month: Period) =>
  /^\d{4}$/.test(period) && Number(period) < month.year ? `${variable.name}:${id}:${period}` : `${variable.name}:${id}`;

/** The inputs taken by default that change at least one benefit, with the benefits they change. */
export const findMissingInputs = (system: TaxBenefitSystem, situation: Situation, options: Options): MissingInput[] => {
  const { month, trace, ids, entries } = options;
  const given = givenValues(situation);
  const ages = trace.get(`age@${periodKey(month)}`)?.value;
  const candidates = new Map<string, Candidate>();
  for (const node of trace.values()) {
    const variable = system.variable(node.variable);
    if (variable.formulaStarts.length) continue;
    const entity = variable.entity;
    ids[entity].forEach((id, row) => {
      if (given.has(`${entity}:${id}:${variable.name}`)) return;
      if (variable.name === 'date_naissance' && given.has(`individu:${id}:age`)) return;
      // A child under 15 has no income, work or pregnancy to declare (no work before 16,
      // apprenticeship at 15): only a disability or an adoption is asked about them.
      if (entity === 'individu' && ages && ages[row]! < 15 && !CHILD_QUESTIONS.has(variable.name)) return;
      const key = candidateKey(variable, id, node.period.slice(0, 4), month);
      const candidate = candidates.get(key) ?? { key, variable, row, periods: [] };
      candidate.periods.push(node.period);
      candidates.set(key, candidate);
    });
  }
  const byVariable = new Map<string, Probe[]>();
  for (const candidate of candidates.values()) {
    const probes = byVariable.get(candidate.variable.name) ?? [];
    probes.push(...probeValues(candidate.variable, month).map((value) => ({ candidate, value })));
    byVariable.set(candidate.variable.name, probes);
  }
  const changes = runProbes(system, situation, options, [...byVariable.values()]);
  const missing: MissingInput[] = [];
  for (const candidate of candidates.values()) {
    const affected = changes.get(candidate.key);
    if (!affected?.size) continue;
    const { variable, row } = candidate;
    const entityId = ids[variable.entity][row]!;
    const answer = answerPeriods(variable, candidate.periods, month);
    const words = periodWords(answer.periods);
    const question = QUESTIONS[variable.name] ?? {
      fr: `${variable.label} ({person}), {period}`,
      en: `${variable.label} ({person}), {period}`,
    };
    const fill = (text: string, lang: 'fr' | 'en') =>
      text.replaceAll('{person}', entityId).replaceAll('{period}', words[lang]).replace(/,\s*$/, '').trim();
    missing.push({
      key: candidate.key,
      variable: variable.name,
      label: variable.label,
      question: { fr: fill(question.fr, 'fr'), en: fill(question.en, 'en') },
      entity: variable.entity,
      entityId,
      periods: answer.periods,
      valueType: variable.valueType,
      unit: variable.unit ?? null,
      amountPer: answer.amountPer,
      possibleValues: variable.possibleValues
        ? variable.possibleValues.map((value) => ({
            value,
            label: VALUE_LABELS[variable.name]?.[value] ?? { fr: value, en: value },
          }))
        : null,
      topic: TOPIC_OF[variable.name]
        ? { id: TOPIC_OF[variable.name]!, label: TOPICS[TOPIC_OF[variable.name]!]! }
        : null,
      affects: entries.filter((entry) => affected.has(entry.id)).map((entry) => entry.id),
    });
  }
  return missing;
};

/** Whether a copy's amounts (from row `start` of `copies`) differ from the household's by a cent or more. */
const differsFrom = (amounts: Float64Array, copies: Float64Array, start: number) => {
  for (let row = 0; row < amounts.length; row++)
    if (Math.abs(amounts[row]! - copies[start + row]!) >= 0.005) return true;
  return false;
};

/**
 * Every probe in one simulation of as many copies of the household (the engine is column
 * oriented: a hundred copies cost little more than one). A benefit some copy makes "not
 * supported" fails for all copies: the probes are then split in halves, variable by variable,
 * until the variable at fault is found (that it makes the benefit not supported is a change worth
 * asking about). Returns, by candidate, the benefits whose amount changed for one of its values.
 */
const runProbes = (
  system: TaxBenefitSystem,
  situation: Situation,
  options: Options,
  groups: Probe[][],
  entries = options.entries,
  changes = new Map<string, Set<string>>(),
): Map<string, Set<string>> => {
  const probes = groups.flat();
  if (!probes.length || !entries.length) return changes;
  const { month, trace, ids, baseline } = options;
  // Copy k of the household is changed by probe k; its rows follow those of copy k - 1.
  const { simulation } = buildSimulation(system, situation, { period: month, copies: probes.length });
  const byInput = new Map<string, Array<{ k: number; row: number; value: number }>>();
  probes.forEach(({ candidate, value }, k) => {
    for (const period of candidate.periods) {
      const key = `${candidate.variable.name}@${period}`;
      const sets = byInput.get(key);
      if (sets) sets.push({ k, row: candidate.row, value });
      else byInput.set(key, [{ k, row: candidate.row, value }]);
    }
  });
  for (const [key, sets] of byInput) {
    const [name, period] = key.split('@') as [string, string];
    const variable = system.variable(name);
    const width = ids[variable.entity].length;
    const base = trace.get(key)!.value;
    const column = newColumn(variable.valueType, width * probes.length);
    for (let k = 0; k < probes.length; k++) column.set(base, k * width);
    for (const { k, row, value } of sets) column[k * width + row] = value;
    simulation.setInput(name, parsePeriod(period), column);
  }
  const probed = computeBenefits(simulation, entries, month);
  const mark = (candidate: Candidate, id: string) => {
    const set = changes.get(candidate.key) ?? new Set<string>();
    set.add(id);
    changes.set(candidate.key, set);
  };
  const failed: RightsEntry[] = [];
  for (const entry of entries) {
    const before = baseline.get(entry.id);
    const after = probed.get(entry.id);
    if (!before || !after) continue;
    if (after.error && !before.error) {
      if (groups.length === 1) for (const { candidate } of probes) mark(candidate, entry.id);
      else failed.push(entry);
      continue;
    }
    const width = ids[entry.entity].length;
    probes.forEach(({ candidate }, k) => {
      const isChanged =
        Boolean(before.error) !== Boolean(after.error) ||
        before.values.some((column, p) => differsFrom(column, after.values[p]!, k * width));
      if (isChanged) mark(candidate, entry.id);
    });
  }
  if (failed.length > 0 && groups.length > 1) {
    const half = Math.ceil(groups.length / 2);
    runProbes(system, situation, options, groups.slice(0, half), failed, changes);
    runProbes(system, situation, options, groups.slice(half), failed, changes);
  }
  return changes;
};
