// A simulation: a population, inputs by variable and period, and a cache of computed columns.
// Any variable given as input overrides its formula. With `trace: true`, every value remembers
// the inputs, parameters (with their legal reference) and variables it was computed from.
import { filledColumn, newColumn, type Column } from './columns.ts';
import type { GroupKey } from './entities.ts';
import { NotSupportedError, SituationError } from './errors.ts';
import type { ParameterAt } from './parameters.ts';
import { dayNumber, ETERNITY, monthsOf, periodKey, startDate, yearsOf, type Period } from './period.ts';
import { entityCount, type Population } from './population.ts';
import type { TaxBenefitSystem } from './tax-benefit-system.ts';
import { formulaAt, type FormulaContext, type Variable } from './variable.ts';

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

type Options = { trace?: boolean };

type Input = { column: Column; projected: boolean };

/** A computed value and its trace key (`name@period`); the column is `null` while being computed. */
type CacheEntry = { column: Column | null; key: string };

/** A placeholder value of a trace node still being computed. */
const NO_VALUE = new Float64Array(0);

export class Simulation {
  readonly warnings = new Set<string>();
  readonly trace = new Map<string, TraceNode>();
  /** Inputs and computed columns by variable, then by period text: no key to build and hash on
   *  the engine's hottest path. */
  private readonly inputs = new Map<string, Map<string, Input>>();
  private readonly cache = new Map<string, Map<string, CacheEntry>>();
  /** One formula context per entity, made once: formulas read the traced node from the stack. */
  private readonly contexts = new Map<string, FormulaContext>();
  private readonly defaults = new Map<string, Column>();
  private readonly stack: TraceNode[] = [];
  private readonly isTracing: boolean;

  constructor(
    readonly system: TaxBenefitSystem,
    readonly population: Population,
    options: Options = {},
  ) {
    this.isTracing = options.trace ?? false;
  }

  /** Gives an input. A year (or several months) given for a monthly variable is spread over its
   *  months: amounts divided equally over the months not given otherwise (OpenFisca's
   *  set_input_divide_by_period), states and ages repeated (set_input_dispatch_by_period). */
  setInput(name: string, period: Period, column: Column): void {
    const variable = this.system.variable(name);
    const length = entityCount(this.population, variable.entity);
    if (column.length !== length)
      throw new SituationError(name, `${column.length} valeurs pour ${length} ${variable.entity}`);
    let byPeriod = this.inputs.get(name);
    if (!byPeriod) {
      byPeriod = new Map();
      this.inputs.set(name, byPeriod);
    }
    const inputs = byPeriod;
    if (variable.definitionPeriod === 'eternity' || period.unit === 'eternity') {
      inputs.set('eternity', { column, projected: false });
      return;
    }
    const parts =
      variable.definitionPeriod === 'month'
        ? monthsOf(period)
        : period.unit === 'year' && period.month === 1
          ? yearsOf(period)
          : undefined;
    if (!parts)
      throw new SituationError(
        `${name}.${periodKey(period)}`,
        `${name} est une donnée annuelle : donnez-la pour une année (2024), pas pour ${periodKey(period)}`,
      );
    if (parts.length === 1) {
      inputs.set(periodKey(parts[0]!), { column, projected: false });
      return;
    }
    const missing = parts.filter((part) => !inputs.has(periodKey(part)));
    if (!missing.length) return;
    let spread = column;
    if (variable.setInput === 'divide') {
      spread = new Float64Array(length);
      const known = parts.filter((part) => !missing.includes(part)).map((part) => inputs.get(periodKey(part))!.column);
      for (let i = 0; i < length; i++) {
        let rest = column[i]!;
        for (const other of known) rest -= other[i]!;
        spread[i] = rest / missing.length;
      }
    }
    // The months share one column: inputs are never written to after being set.
    for (const part of missing) inputs.set(periodKey(part), { column: spread, projected: true });
  }

  /** The value of a variable for a period of its definition unit (computing what it needs). */
  calculate(name: string, period: Period): Column {
    const variable = this.system.variable(name);
    const at = variable.definitionPeriod === 'eternity' ? ETERNITY : period;
    this.checkPeriod(variable, at);
    const periodText = periodKey(at);
    let byPeriod = this.cache.get(name);
    if (!byPeriod) {
      byPeriod = new Map();
      this.cache.set(name, byPeriod);
    }
    const cached = byPeriod.get(periodText);
    const parent = this.stack[this.stack.length - 1];
    if (cached) {
      // The key is made once per value: a dependency pushes the same string, nothing to build.
      if (parent) parent.variables.push(cached.key);
      if (cached.column) return cached.column;
      throw new Error(`dépendance circulaire en calculant ${cached.key}`);
    }
    const entry: CacheEntry = { column: null, key: `${name}@${periodText}` };
    if (parent) parent.variables.push(entry.key);
    byPeriod.set(periodText, entry);
    const node: TraceNode | undefined = this.isTracing
      ? {
          variable: name,
          period: periodText,
          entity: variable.entity,
          source: 'default',
          variables: [],
          parameters: [],
          value: NO_VALUE,
        }
      : undefined;
    if (node) this.stack.push(node);
    try {
      const column = this.compute(variable, at, periodText, node);
      entry.column = column;
      if (node) {
        node.value = column;
        this.trace.set(entry.key, node);
      }
      return column;
    } finally {
      if (node) this.stack.pop();
      // A failed calculation leaves nothing behind: asking again fails again, never "circular".
      if (!entry.column) byPeriod.delete(periodText);
    }
  }

  /** Sum of a monthly (or yearly) variable over a longer period, as OpenFisca's calculate_add. */
  add(name: string, period: Period): Float64Array {
    const variable = this.system.variable(name);
    const parts = variable.definitionPeriod === 'month' ? monthsOf(period) : yearsOf(period);
    const total = new Float64Array(entityCount(this.population, variable.entity));
    for (const part of parts) {
      const column = this.calculate(name, part);
      for (let i = 0; i < total.length; i++) total[i]! += column[i]!;
    }
    return total;
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

  private compute(variable: Variable, period: Period, periodText: string, node: TraceNode | undefined): Column {
    const input = this.inputs.get(variable.name)?.get(periodText);
    if (input) {
      if (node) node.source = input.projected ? 'projected input' : 'input';
      return input.column;
    }
    const length = entityCount(this.population, variable.entity);
    const found =
      variable.definitionPeriod === 'eternity'
        ? formulaAt(variable, '9999-12-31')
        : formulaAt(variable, startDate(period));
    if (!found) {
      // A computed variable asked before its first formula: Guichet does not know that law.
      if (variable.formulaStarts.length) {
        throw new NotSupportedError(
          `non pris en charge : ${variable.name} n'est calculé qu'à partir du ${variable.formulaStarts[0]} (demandé pour ${periodKey(period)})`,
        );
      }
      return this.defaultColumn(variable, length);
    }
    if (node) {
      node.source = 'formula';
      node.formulaStart = found.start;
    }
    const column = found.formula(this.context(variable.entity, length), period);
    if (column.length !== length)
      throw new Error(`${variable.name} : la formule rend ${column.length} valeurs pour ${length}`);
    return column;
  }

  /** A column of the variable's default value, shared by every variable and period with the same
   *  entity, type and default (columns are never written to once made): over a million
   *  households, a few columns instead of one per month of each variable nobody gave. */
  private defaultColumn(variable: Variable, length: number): Column {
    const key = `${variable.entity}:${variable.valueType}:${variable.defaultValue}`;
    let column = this.defaults.get(key);
    if (!column) {
      column = filledColumn(variable.valueType, length, variable.defaultValue);
      this.defaults.set(key, column);
    }
    return column;
  }

  private context(entity: string, length: number): FormulaContext {
    const made = this.contexts.get(entity);
    if (made) return made;
    const population = this.population;
    const param = (name: string, period: Period): ParameterAt => {
      const found = this.system.parameters.at(name, startDate(period));
      if (found.warning) this.warnings.add(found.warning);
      // The formula asking is the traced node on top of the stack (its nested calculations are done).
      const node = this.stack[this.stack.length - 1];
      if (node) node.parameters.push(found);
      return found;
    };
    const groupOf = (group: GroupKey) => population.groups[group];
    const context: FormulaContext = {
      length,
      calc: (name, period) => this.calculate(name, period),
      add: (name, period) => this.add(name, period),
      param: (name, period) => {
        const { value } = param(name, period);
        if (typeof value !== 'number') throw new Error(`${name} n'est pas un nombre`);
        return value;
      },
      paramDate: (name, period) => dayNumber(String(param(name, period).value)),
      sum: (group, values, role) => {
        const { group: of, role: roles, count } = groupOf(group);
        const total = new Float64Array(count);
        for (let i = 0; i < of.length; i++) if (role === undefined || roles[i] === role) total[of[i]!]! += values[i]!;
        return total;
      },
      count: (group, values, role) => {
        const { group: of, role: roles, count } = groupOf(group);
        const total = new Int32Array(count);
        for (let i = 0; i < of.length; i++)
          if ((role === undefined || roles[i] === role) && values[i]) total[of[i]!]!++;
        return total;
      },
      project: (group, values) => {
        const { group: of } = groupOf(group);
        const projected = newColumn(
          values instanceof Float64Array ? 'float' : values instanceof Uint8Array ? 'bool' : 'int',
          of.length,
        );
        for (let i = 0; i < of.length; i++) projected[i] = values[of[i]!]!;
        return projected;
      },
      members: (group) => groupOf(group),
    };
    this.contexts.set(entity, context);
    return context;
  }
}
