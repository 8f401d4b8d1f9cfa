// A variable as OpenFisca-France declares it: name, entity, definition period, value type and
// meaning, plus Guichet's formulas. Formulas are dated (a reform is a new formula from its start
// date) and written over columns, so the same code serves one household and a million.
import type { Column, ValueType } from './columns.ts';
import type { EntityKey, GroupKey } from './entities.ts';
import type { ParameterAt } from './parameters.ts';
import {
  ETERNITY,
  monthsOf,
  MonthTable,
  periodKey,
  startDate,
  yearsOf,
  type Period,
  type PeriodUnit,
} from './period.ts';

/** What a formula may ask of the simulation; every call is recorded in the trace. */
export type FormulaContext = {
  /** Rows of the formula's entity. */
  readonly length: number;
  /** A variable for a period of its own definition unit. */
  calc: (name: string, period: Period) => Column;
  /** The sum of a variable over the months or years of a longer period (OpenFisca's calculate_add). */
  add: (name: string, period: Period) => Float64Array;
  /** A parameter's value at the start of `period` (throws "not supported" before its first value). */
  param: (name: string, period: Period) => number;
  /** A date parameter's value at the start of `period`, as days since 1970-01-01. */
  paramDate: (name: string, period: Period) => number;
  /** Sum over each group of its members' values, optionally only members with `role`. */
  sum: (group: GroupKey, personValues: Column, role?: number) => Float64Array;
  /** Count per group of members for which `personValues` is non-zero. */
  count: (group: GroupKey, personValues: Column, role?: number) => Int32Array;
  /** Marks the rows of `entity` where `test(value, row)` holds (a non-zero value without `test`;
   *  with a column instead of a function, a non-zero value in a row where that column is non-zero)
   *  as "not supported" for `reason`. One household: throws NotSupportedError. In batch, only
   *  those rows (and every value computed from them) are not supported; the others compute.
   *  A column costs no call per row, which counts for checks run over months of a whole batch. */
  refuse: (
    reason: string,
    entity: EntityKey,
    values: ArrayLike<number>,
    test?: ((value: number, row: number) => unknown) | ArrayLike<number>,
  ) => void;
  /** Each person gets the value of its group. */
  project: (group: GroupKey, groupValues: Column) => Column;
  /** For each person, the index of its group, its role and its rank in the group. */
  members: (group: GroupKey) => { group: Int32Array; role: Uint8Array; rank: Int32Array; count: number };
};

export type Formula = (ctx: FormulaContext, period: Period) => Column;

/** How an input given for a longer period is spread over the months of a monthly variable. */
export type SetInputPolicy = 'divide' | 'dispatch';

export type VariableDefinition = {
  name: string;
  entity: EntityKey;
  definitionPeriod: PeriodUnit;
  valueType: ValueType;
  label: string;
  /** Unit for amounts: `currency` (euros) or `/1` (a rate); empty for counts and flags. */
  unit?: 'currency' | '/1' | 'year';
  /** For `enum` variables: OpenFisca's possible values, by name; columns hold their index. */
  possibleValues?: readonly string[];
  /** Value when neither an input nor a formula gives one (OpenFisca's default_value). */
  defaultValue?: number;
  /** Spreading of an input given for a year onto months: amounts are divided, states dispatched. */
  setInput?: SetInputPolicy;
  /** Legal basis, shown in traces and variable pages. */
  reference?: string[];
  /** Formulas by start date (ISO), the latest start on or before the period applies. */
  formulas?: Record<string, Formula>;
  /** OpenFisca's convention worth saying (e.g. "brut de CRDS"). */
  documentation?: string;
};

export type Variable = VariableDefinition & {
  defaultValue: number;
  setInput: SetInputPolicy;
  /** Formula start dates, ascending. */
  formulaStarts: string[];
  /** Key of the shared column of the default value (same entity, type and default). */
  defaultKey: string;
  /** Plans of this variable by year and month (0 for a year; an eternal variable's one plan at
   *  year 0), made once per process (see `planOf`). */
  plans: MonthTable<Plan>;
  /** Plans of the parts of each longer period this variable was summed over (see `plansOver`). */
  sums: Map<number, Plan[]>;
};

/** What stays the same for a variable and a period from one simulation to the next: the
 *  period's text, the trace key, the formula in force; and a slot, the index of its value in a
 *  simulation's arrays. Made once per process: a calculation then builds no text and compares
 *  no dates. */
export type Plan = {
  slot: number;
  variable: Variable;
  period: Period;
  periodText: string;
  /** `name@period`, the key of traces. */
  key: string;
  /** The formula in force at the start of the period, if any. */
  formula: { start: string; formula: Formula } | undefined;
  /** What the formula asked, in order, the first time it ran with the system `askedBy` (see
   *  `Simulation`'s replay; another system may hold other parameters under the same names). */
  asked: AskedRecord | undefined;
  askedBy: object | undefined;
  /** The same record as a trace node's lists: the keys of the values asked (a sum's parts each)
   *  and the parameters, shared by the nodes of every run that replayed it whole. */
  askedKeys: string[];
  askedParameters: ParameterAt[];
};

/** The kinds of things a formula asks: a variable (answered by a plan), a sum (its plans) or a
 *  parameter (its value at the period). */
export const ASKED_PLAN = 0;
export const ASKED_PLANS = 1;
export const ASKED_PARAMETER = 2;
export type AskedKind = typeof ASKED_PLAN | typeof ASKED_PLANS | typeof ASKED_PARAMETER;

/** What a formula asked, in order, flat: for each request its kind, the name, the period object
 *  (never written to) and what was found. One array read four slots at a time, rather than an
 *  object per request: replaying a record is the engine's hottest path, and each object read
 *  there was one more memory access. */
export type AskedRecord = Array<AskedKind | string | Period | Plan | Plan[] | ParameterAt>;
/** Slots per request in an `AskedRecord`. */
export const ASKED_STRIDE = 4;

/** Declares a variable; formulas are kept sorted by start date. Every field is set, in the same
 *  order, whether the definition gives it or not: all variables share one object shape, so the
 *  engine's reads of them stay fast (one shape per set of optional fields would make them slow). */
export const defineVariable = (definition: VariableDefinition): Variable => ({
  name: definition.name,
  entity: definition.entity,
  definitionPeriod: definition.definitionPeriod,
  valueType: definition.valueType,
  label: definition.label,
  unit: definition.unit,
  possibleValues: definition.possibleValues,
  reference: definition.reference,
  formulas: definition.formulas,
  documentation: definition.documentation,
  defaultValue: definition.defaultValue ?? 0,
  setInput:
    definition.setInput ?? (definition.valueType === 'float' && definition.unit === 'currency' ? 'divide' : 'dispatch'),
  formulaStarts: Object.keys(definition.formulas ?? {}).sort(),
  defaultKey: `${definition.entity}:${definition.valueType}:${definition.defaultValue ?? 0}`,
  plans: new MonthTable(),
  sums: new Map(),
});

/** The formula in force at `date`, or undefined (an input variable, or before its first formula). */
export const formulaAt = (variable: Variable, date: string): { start: string; formula: Formula } | undefined => {
  let start: string | undefined;
  for (const candidate of variable.formulaStarts) if (candidate <= date) start = candidate;
  return start === undefined ? undefined : { start, formula: variable.formulas![start]! };
};

let slots = 0;

/** How many plans exist (the length of a simulation's arrays by slot, which grow past it). */
export const planCount = (): number => slots;

/** The plan of a variable for one period of its own unit (any period for an eternal one). */
export const planOf = (variable: Variable, period: Period): Plan => {
  const isEternal = variable.definitionPeriod === 'eternity';
  const year = isEternal ? 0 : period.year;
  const month = isEternal || period.unit !== 'month' ? 0 : period.month;
  let plan = variable.plans.get(year, month);
  if (!plan) {
    const at = isEternal ? ETERNITY : period;
    const periodText = periodKey(at);
    plan = {
      slot: slots++,
      variable,
      period: at,
      periodText,
      key: `${variable.name}@${periodText}`,
      formula: formulaAt(variable, at.unit === 'eternity' ? '9999-12-31' : startDate(at)),
      asked: undefined,
      askedBy: undefined,
      askedKeys: [],
      askedParameters: [],
    };
    variable.plans.set(year, month, plan);
  }
  return plan;
};

/** The plans of the months (or years) of a longer period, in order: what `add` sums. Made once
 *  per process for each variable and period; the array is also the key of a simulation's sums. */
export const plansOver = (variable: Variable, period: Period): Plan[] => {
  // A number, not a text, as the key: no string to build on each sum.
  const key = (((period.year * 13 + period.month) * 3 + UNITS.indexOf(period.unit)) * 1024 + period.size) | 0;
  let plans = period.size < 1024 ? variable.sums.get(key) : undefined;
  if (!plans) {
    const parts = variable.definitionPeriod === 'month' ? monthsOf(period) : yearsOf(period);
    plans = parts.map((part) => planOf(variable, part));
    if (period.size < 1024) variable.sums.set(key, plans);
  }
  return plans;
};

const UNITS: PeriodUnit[] = ['month', 'year', 'eternity'];
