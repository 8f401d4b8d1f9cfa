// A simulation: a population, inputs by variable and period, and a cache of computed columns.
// Any variable given as input overrides its formula. With `trace: true`, every value remembers
// the inputs, parameters (with their legal reference) and variables it was computed from.
import v8 from 'node:v8';
import { filledColumn, isAllZero, newColumn, type Column } from './columns.ts';
import type { EntityKey, GroupKey } from './entities.ts';
import { NotSupportedError, SituationError } from './errors.ts';
import type { ParameterAt } from './parameters.ts';
import { dayNumber, ETERNITY, periodKey, startDate, type Period } from './period.ts';
import { entityCount, rowsIn, type Population } from './population.ts';
import type { TaxBenefitSystem } from './tax-benefit-system.ts';
import {
  ASKED_PARAMETER,
  ASKED_PLAN,
  ASKED_PLANS,
  ASKED_STRIDE,
  planCount,
  planOf,
  plansOver,
  type AskedKind,
  type AskedRecord,
  type FormulaContext,
  type Plan,
  type Variable,
} from './variable.ts';

export type TraceNode = {
  variable: string;
  period: string;
  entity: string;
  source: 'input' | 'projected input' | 'formula' | 'default';
  /** Start date of the formula used (a reform shows as a later start). */
  formulaStart?: string;
  value: Column;
  /** Keys (`name@period`) of the variables this value was computed from. */
  variables: string[];
  parameters: ParameterAt[];
};

// V8's allocation-site pretenuring, off for the process: a scavenge during its first, slow
// households (the JIT still compiling) may find every trace node of one alive, and V8 then
// allocates all later ones in old space, for good: one household's p99 was 6 ms instead of 1 ms
// in one process in three. Set for the whole process: Guichet's long-lived objects are few and
// made at start, where pretenuring would save little.
v8.setFlagsFromString('--no-allocation-site-pretenuring');

type Options = {
  trace?: boolean;
  /** Batch: a row a formula refuses is "not supported" alone (see `notSupported`), the other rows
   *  compute; without it, a refusal throws NotSupportedError (one household, one answer). */
  refuseRows?: boolean;
};

type Input = { column: Column; projected: boolean };

/** Rows of an entity a formula refused, and why. */
export type Refusal = { reason: string; entity: EntityKey; rows: Uint8Array };

/** The dependencies of a node that asked for none (shared: never written to). */
const NO_KEYS = Object.freeze([]) as unknown as string[];
const NO_PARAMETERS = Object.freeze([]) as unknown as ParameterAt[];

/** The element `depth` from the top of a stack, or undefined: never a negative index, which V8
 *  looks up as a property name on the prototype chain (a slow path on every calculation). */
const top = <T>(stack: T[], depth = 1): T | undefined =>
  stack.length >= depth ? stack[stack.length - depth] : undefined;

// A formula mostly passes on its own period, the same object from one household to the next (its
// plan's): compared by identity first.
const isSamePeriod = (recorded: Period, period: Period) =>
  recorded === period ||
  (recorded.year === period.year &&
    recorded.month === period.month &&
    recorded.unit === period.unit &&
    recorded.size === period.size);

/** The key of each value (a sum's parts each) and each parameter found by a record's requests
 *  before `end`, in order: a trace node's lists. */
const eachFound = (
  record: AskedRecord,
  end: number,
  onKey: (key: string) => unknown,
  onParameter: (parameter: ParameterAt) => unknown,
) => {
  for (let i = 0; i < end; i += ASKED_STRIDE) {
    const found = record[i + 3];
    if (record[i] === ASKED_PARAMETER) onParameter(found as ParameterAt);
    else if (record[i] === ASKED_PLANS) for (const plan of found as Plan[]) onKey(plan.key);
    else onKey((found as Plan).key);
  }
};

/** Adds the refusals not already in `to`. */
const mergeRefusals = (to: Refusal[], from: Refusal[]) => {
  for (const refusal of from) if (!to.includes(refusal)) to.push(refusal);
};

export class Simulation {
  readonly warnings = new Set<string>();
  /** The traced values in the order they were computed, and their keys: two arrays to push to,
   *  on the engine's hottest path, rather than a map to insert into (made when read, see `trace`). */
  private readonly tracedKeys: string[] = [];
  private readonly tracedNodes: TraceNode[] = [];
  private tracedMap: Map<string, TraceNode> | undefined;
  /** Inputs and computed values by plan slot (see `planOf`): no text to build or hash on the
   *  engine's hottest path. */
  private readonly inputs: Array<Input | undefined>;
  /** A computed column, or `null` while it is being computed (no object per value: one less
   *  allocation for each of the hundreds of values of a household). */
  private readonly cache: Array<Column | null | undefined>;
  /** The refused rows each value was computed from (batch only). */
  private readonly cacheRefusals: Array<Refusal[] | undefined>;
  /** One formula context per entity, made once (by entity: individu, famille, foyer_fiscal, menage;
   *  an index, not a map: it is read before every formula). */
  private readonly contexts: Array<EntityContext | undefined> = [undefined, undefined, undefined, undefined];
  private readonly defaults = new Map<string, Column>();
  /** Sums made by `add`, by the plans summed (never written to once made, like every column). */
  private readonly sums = new Map<Plan[], Float64Array>();
  /** A formula asks the same things in the same order from one household to the next: what it
   *  asked the first time is recorded on its plan, and later runs check each request against the
   *  record (the same text, the same period) instead of looking the name up, the period checked
   *  and the plan found again. A request that differs ends the replay for that run; the answer
   *  is the same. The running formula's state (the record it replays, the index of its next
   *  request in it, what it records) is held here and saved by `compute` around each formula, in
   *  its locals: no frame object to read on each request. */
  private replaying: AskedRecord | undefined = undefined;
  private next = 0;
  private recording: AskedRecord | undefined = undefined;
  /** How many formulas are running. */
  private depth = 0;
  /** The keys of values and the parameters asked by the traced formulas under way, one after the
   *  other, copied into arrays of their exact size when a formula is done. A formula replaying
   *  its plan's record writes nothing here (its node takes the plan's lists) unless it departs
   *  from it (see `endReplay`). */
  private readonly askedVariables: string[] = [];
  private readonly askedParameters: ParameterAt[] = [];
  private askedVariableCount = 0;
  private askedParameterCount = 0;
  /** Refusals gathered by each calculation under way (batch only). */
  private readonly refusals: Refusal[][] = [];
  private readonly isTracing: boolean;
  private readonly refusesRows: boolean;

  constructor(
    readonly system: TaxBenefitSystem,
    readonly population: Population,
    options: Options = {},
  ) {
    this.isTracing = options.trace ?? false;
    this.refusesRows = options.refuseRows ?? false;
    this.inputs = new Array<Input | undefined>(planCount());
    this.cache = new Array<Column | null | undefined>(planCount());
    this.cacheRefusals = new Array<Refusal[] | undefined>(this.refusesRows ? planCount() : 0);
  }

  /** Every traced value by key (`name@period`), in the order they were computed. */
  get trace(): ReadonlyMap<string, TraceNode> {
    if (!this.tracedMap) {
      this.tracedMap = new Map();
      for (let i = 0; i < this.tracedKeys.length; i++) this.tracedMap.set(this.tracedKeys[i]!, this.tracedNodes[i]!);
    }
    return this.tracedMap;
  }

  /** Gives an input. A year (or several months) given for a monthly variable is spread over its
   *  months: amounts divided equally over the months not given otherwise (OpenFisca's
   *  set_input_divide_by_period), states and ages repeated (set_input_dispatch_by_period). */
  setInput(name: string, period: Period, column: Column): void {
    const variable = this.system.variable(name);
    const length = entityCount(this.population, variable.entity);
    if (column.length !== length)
      throw new SituationError(name, `${column.length} valeurs pour ${length} ${variable.entity}`);
    const inputs = this.inputs;
    if (variable.definitionPeriod === 'eternity' || period.unit === 'eternity') {
      inputs[planOf(variable, ETERNITY).slot] = { column, projected: false };
      return;
    }
    // The months (or years) the input covers, found once per process (see `plansOver`).
    const parts =
      variable.definitionPeriod === 'month' || (period.unit === 'year' && period.month === 1)
        ? plansOver(variable, period)
        : undefined;
    if (!parts)
      throw new SituationError(
        `${name}.${periodKey(period)}`,
        `${name} est une donnée annuelle : donnez-la pour une année (2024), pas pour ${periodKey(period)}`,
      );
    if (parts.length === 1) {
      inputs[parts[0]!.slot] = { column, projected: false };
      return;
    }
    let missing = 0;
    for (const part of parts) if (!inputs[part.slot]) missing++;
    if (!missing) return;
    let spread = column;
    if (variable.setInput === 'divide') {
      const rest = new Float64Array(column);
      for (const part of parts) {
        const known = inputs[part.slot]?.column;
        if (known) for (let i = 0; i < length; i++) rest[i]! -= known[i]!;
      }
      spread = new Float64Array(length);
      for (let i = 0; i < length; i++) spread[i] = rest[i]! / missing;
    }
    // The months share one column (and one input): inputs are never written to after being set.
    const projected = { column: spread, projected: true };
    for (const part of parts) if (!inputs[part.slot]) inputs[part.slot] = projected;
  }

  /** The value of a variable for a period of its definition unit (computing what it needs). */
  calculate(name: string, period: Period): Column {
    const replayed = this.replayed(ASKED_PLAN, name, period) as Plan | undefined;
    if (replayed) return this.calculatePlan(replayed);
    const variable = this.system.variable(name);
    this.checkPeriod(variable, period);
    const plan = planOf(variable, period);
    this.recording?.push(ASKED_PLAN, name, period, plan);
    return this.calculatePlan(plan);
  }

  /** What was found for the running formula's next request in its plan's record, when it asks
   *  the same kind of thing by the same name for the same period; otherwise the replay ends for
   *  this run (and undefined). */
  private replayed(kind: AskedKind, name: string, period: Period): unknown {
    const record = this.replaying;
    if (record === undefined) return undefined;
    const i = this.next;
    if (
      i < record.length &&
      record[i] === kind &&
      record[i + 1] === name &&
      isSamePeriod(record[i + 2] as Period, period)
    ) {
      this.next = i + ASKED_STRIDE;
      return record[i + 3];
    }
    this.endReplay();
    return undefined;
  }

  /** Ends the running formula's replay: what it asked so far, read from the record, goes to the
   *  trace's lists as if written request by request. */
  private endReplay(): void {
    const record = this.replaying!;
    this.replaying = undefined;
    if (!this.isTracing) return;
    eachFound(
      record,
      this.next,
      (key) => (this.askedVariables[this.askedVariableCount++] = key),
      (parameter) => (this.askedParameters[this.askedParameterCount++] = parameter),
    );
  }

  private calculatePlan(plan: Plan): Column {
    const cached = this.cache[plan.slot];
    // The running formula's request, for its trace node (unless it replays its record).
    if (this.isTracing && this.depth !== 0 && this.replaying === undefined)
      this.askedVariables[this.askedVariableCount++] = plan.key;
    if (cached !== undefined) {
      const cachedRefusals = this.refusesRows ? this.cacheRefusals[plan.slot] : undefined;
      if (cachedRefusals) mergeRefusals(top(this.refusals) ?? [], cachedRefusals);
      if (cached) return cached;
      throw new Error(`dépendance circulaire en calculant ${plan.key}`);
    }
    this.cache[plan.slot] = null;
    let computed = false;
    const refusals: Refusal[] | undefined = this.refusesRows ? [] : undefined;
    if (refusals) this.refusals.push(refusals);
    try {
      const column = this.compute(plan);
      this.cache[plan.slot] = column;
      computed = true;
      if (refusals?.length) {
        this.cacheRefusals[plan.slot] = refusals;
        const outer = top(this.refusals, 2);
        if (outer) mergeRefusals(outer, refusals);
      }
      return column;
    } finally {
      if (refusals) this.refusals.pop();
      // A failed calculation leaves nothing behind: asking again fails again, never "circular".
      if (!computed) this.cache[plan.slot] = undefined;
    }
  }

  /** Adds a computed value to the trace, its node's fields all set at once (a field added
   *  afterwards would give the node another shape and an extra allocation). */
  private traced(
    plan: Plan,
    value: Column,
    source: TraceNode['source'],
    formulaStart: string | undefined,
    variables: string[],
    parameters: ParameterAt[],
  ): void {
    const { variable } = plan;
    this.tracedKeys.push(plan.key);
    this.tracedNodes.push({
      variable: variable.name,
      period: plan.periodText,
      entity: variable.entity,
      source,
      formulaStart,
      value,
      variables,
      parameters,
    });
    this.tracedMap = undefined;
  }

  /** Sum of a monthly (or yearly) variable over a longer period, as OpenFisca's calculate_add. */
  add(name: string, period: Period): Float64Array {
    let plans = this.replayed(ASKED_PLANS, name, period) as Plan[] | undefined;
    if (!plans) {
      plans = plansOver(this.system.variable(name), period);
      this.recording?.push(ASKED_PLANS, name, period, plans);
    }
    // Each month is still asked (the trace records the dependencies and the batch the refusals,
    // both cheap once computed), but the sum is made once per simulation: the family benefits
    // of every month of a year sum the same twelve months of N-2 salaries.
    const made = this.sums.get(plans);
    if (made) {
      for (const plan of plans) this.calculatePlan(plan);
      return made;
    }
    const total = new Float64Array(entityCount(this.population, plans[0]!.variable.entity));
    for (const plan of plans) {
      const column = this.calculatePlan(plan);
      for (let i = 0; i < total.length; i++) total[i]! += column[i]!;
    }
    this.sums.set(plans, total);
    return total;
  }

  /** The rows of a computed variable's entity that are "not supported", by reason (batch only):
   *  a row is when a value it was computed from was refused for a row of its household. */
  notSupported(name: string, period: Period): Array<{ reason: string; rows: Int32Array }> {
    const variable = this.system.variable(name);
    const refusals = this.cacheRefusals[planOf(variable, period).slot] ?? [];
    const byReason = new Map<string, Uint8Array>();
    for (const refusal of refusals) {
      const flags = rowsIn(this.population, refusal, variable.entity);
      const merged = byReason.get(refusal.reason);
      if (merged) for (let i = 0; i < flags.length; i++) merged[i]! |= flags[i]!;
      else byReason.set(refusal.reason, flags);
    }
    return [...byReason].map(([reason, flags]) => {
      const rows: number[] = [];
      for (let i = 0; i < flags.length; i++) if (flags[i]) rows.push(i);
      return { reason, rows: Int32Array.from(rows) };
    });
  }

  private checkPeriod(variable: Variable, period: Period) {
    if (variable.definitionPeriod === 'eternity') return;
    const isOk =
      period.size === 1 && period.unit === variable.definitionPeriod && (period.unit === 'month' || period.month === 1);
    if (!isOk) {
      throw new NotSupportedError(
        `${variable.name} est défini par ${variable.definitionPeriod === 'month' ? 'mois' : 'année'} : la période ${periodKey(period)} ne lui convient pas`,
      );
    }
  }

  private compute(plan: Plan): Column {
    const input = this.inputs[plan.slot];
    if (input) {
      const source = input.projected ? 'projected input' : 'input';
      if (this.isTracing) this.traced(plan, input.column, source, undefined, NO_KEYS, NO_PARAMETERS);
      return input.column;
    }
    const { variable, period, formula: found } = plan;
    const context = this.context(variable.entity);
    if (!found) {
      // A computed variable asked before its first formula: Guichet does not know that law.
      if (variable.formulaStarts.length) {
        throw new NotSupportedError(
          `non pris en charge : ${variable.name} n'est calculé qu'à partir du ${variable.formulaStarts[0]} (demandé pour ${plan.periodText})`,
        );
      }
      const column = this.defaultColumn(variable, context.length);
      if (this.isTracing) this.traced(plan, column, 'default', undefined, NO_KEYS, NO_PARAMETERS);
      return column;
    }
    // The state of the formula that asked for this one, restored when this one is done.
    const outerReplaying = this.replaying;
    const outerNext = this.next;
    const outerRecording = this.recording;
    const variablesFrom = this.askedVariableCount;
    const parametersFrom = this.askedParameterCount;
    const record = plan.askedBy === this.system ? plan.asked : undefined;
    this.replaying = record;
    this.next = 0;
    this.recording = record ? undefined : [];
    this.depth++;
    try {
      const column = found.formula(context, period);
      if (column.length !== context.length)
        throw new Error(`${variable.name} : la formule rend ${column.length} valeurs pour ${context.length}`);
      // A formula that asked only the start of its record (it returned earlier) asked that start.
      const replayedWhole = this.replaying !== undefined && this.next === record!.length;
      if (this.replaying !== undefined && !replayedWhole) this.endReplay();
      // Recorded once the formula has answered (a failed run records nothing).
      if (this.recording) this.keepRecord(plan, this.recording);
      if (this.isTracing) {
        let variables = NO_KEYS;
        let parameters = NO_PARAMETERS;
        if (replayedWhole) {
          if (plan.askedKeys.length) variables = plan.askedKeys;
          if (plan.askedParameters.length) parameters = plan.askedParameters;
        } else {
          if (this.askedVariableCount > variablesFrom)
            variables = this.askedVariables.slice(variablesFrom, this.askedVariableCount);
          if (this.askedParameterCount > parametersFrom)
            parameters = this.askedParameters.slice(parametersFrom, this.askedParameterCount);
        }
        this.traced(plan, column, 'formula', found.start, variables, parameters);
      }
      return column;
    } finally {
      this.depth--;
      this.replaying = outerReplaying;
      this.next = outerNext;
      this.recording = outerRecording;
      this.askedVariableCount = variablesFrom;
      this.askedParameterCount = parametersFrom;
    }
  }

  /** Keeps what a plan's formula asked, for later runs to replay (see `replaying`). */
  private keepRecord(plan: Plan, record: AskedRecord): void {
    const keys: string[] = [];
    const parameters: ParameterAt[] = [];
    eachFound(
      record,
      record.length,
      (key) => keys.push(key),
      (parameter) => parameters.push(parameter),
    );
    plan.asked = record;
    plan.askedBy = this.system;
    plan.askedKeys = keys;
    plan.askedParameters = parameters;
  }

  /** A column of the variable's default value, shared by every variable and period with the same
   *  entity, type and default (columns are never written to once made): over a million
   *  households, a few columns instead of one per month of each variable nobody gave. */
  private defaultColumn(variable: Variable, length: number): Column {
    const key = variable.defaultKey;
    let column = this.defaults.get(key);
    if (!column) {
      column = filledColumn(variable.valueType, length, variable.defaultValue);
      this.defaults.set(key, column);
    }
    return column;
  }

  private context(entity: EntityKey): EntityContext {
    const index = entity === 'individu' ? 0 : entity === 'famille' ? 1 : entity === 'foyer_fiscal' ? 2 : 3;
    return (this.contexts[index] ??= new EntityContext(this, entityCount(this.population, entity)));
  }

  /** A parameter a formula asks, recorded in the trace (see `EntityContext`). */
  parameter(name: string, period: Period): ParameterAt {
    let found = this.replayed(ASKED_PARAMETER, name, period) as ParameterAt | undefined;
    if (!found) {
      found =
        period.unit === 'eternity'
          ? this.system.parameters.at(name, startDate(period))
          : this.system.parameters.atMonth(name, period.year, period.month);
      this.recording?.push(ASKED_PARAMETER, name, period, found);
    }
    if (found.warning) this.warnings.add(found.warning);
    if (this.isTracing && this.depth !== 0 && this.replaying === undefined)
      this.askedParameters[this.askedParameterCount++] = found;
    return found;
  }

  /** Refuses the flagged rows of `entity` for `reason` (see `FormulaContext.refuse`). */
  refuseRows(reason: string, entity: EntityKey, rows: Uint8Array): void {
    if (!this.refusesRows) throw new NotSupportedError(reason);
    top(this.refusals)!.push({ reason, entity, rows });
  }
}

/** What a formula of one entity may ask of its simulation. A class, made once per entity and
 *  simulation: its methods are shared (closures made for each simulation cost more, and under
 *  tsx each was also named with a property definition). */
class EntityContext implements FormulaContext {
  constructor(
    private readonly simulation: Simulation,
    readonly length: number,
  ) {}

  calc(name: string, period: Period): Column {
    return this.simulation.calculate(name, period);
  }

  add(name: string, period: Period): Float64Array {
    return this.simulation.add(name, period);
  }

  param(name: string, period: Period): number {
    const { value } = this.simulation.parameter(name, period);
    if (typeof value !== 'number') throw new Error(`${name} n'est pas un nombre`);
    return value;
  }

  paramDate(name: string, period: Period): number {
    return dayNumber(String(this.simulation.parameter(name, period).value));
  }

  sum(group: GroupKey, values: Column, role?: number): Float64Array {
    const { group: of, role: roles, count } = this.members(group);
    const total = new Float64Array(count);
    for (let i = 0; i < of.length; i++) if (role === undefined || roles[i] === role) total[of[i]!]! += values[i]!;
    return total;
  }

  count(group: GroupKey, values: Column, role?: number): Int32Array {
    const { group: of, role: roles, count } = this.members(group);
    const total = new Int32Array(count);
    for (let i = 0; i < of.length; i++) if ((role === undefined || roles[i] === role) && values[i]) total[of[i]!]!++;
    return total;
  }

  project(group: GroupKey, values: Column): Column {
    const { group: of } = this.members(group);
    const projected = newColumn(
      values instanceof Float64Array ? 'float' : values instanceof Uint8Array ? 'bool' : 'int',
      of.length,
    );
    for (let i = 0; i < of.length; i++) projected[i] = values[of[i]!]!;
    return projected;
  }

  members(group: GroupKey) {
    // Each group by its own name: a lookup by a name held in a variable is a slower, generic one.
    const { groups } = this.simulation.population;
    return group === 'famille' ? groups.famille : group === 'menage' ? groups.menage : groups.foyer_fiscal;
  }

  refuse(
    reason: string,
    of: EntityKey,
    values: ArrayLike<number>,
    test?: ((value: number, row: number) => unknown) | ArrayLike<number>,
  ): void {
    // Mostly inputs nobody gave, a shared column of zeros: nothing to refuse.
    if (typeof test !== 'function' && isAllZero(values)) return;
    const holds = typeof test === 'function' ? test : undefined;
    const among = typeof test === 'function' ? undefined : test;
    let rows: Uint8Array | undefined;
    for (let i = 0; i < values.length; i++) {
      if (holds ? !holds(values[i]!, i) : !values[i] || (among && !among[i])) continue;
      rows ??= new Uint8Array(values.length);
      rows[i] = 1;
    }
    if (rows) this.simulation.refuseRows(reason, of, rows);
  }
}
