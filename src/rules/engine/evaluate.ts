// One household: reads an OpenFisca situation, computes the asked variables for a period and
// returns their values by entity id, the warnings (parameters past their confirmed validity),
// and the trace of how each value was produced.
import { isoDate, monthCount, parsePeriod, periodKey, type Period } from './period.ts';
import type { Column } from './columns.ts';
import { GROUP_KEYS } from './entities.ts';
import type { Population } from './population.ts';
import { parseSituation, type ParsedSituation, type Situation } from './situation.ts';
import { Simulation, type TraceNode } from './simulation.ts';
import type { TaxBenefitSystem } from './tax-benefit-system.ts';

export type Value = number | boolean | string;

export type TraceEntry = Omit<TraceNode, 'value'> & { value: Record<string, Value> };

export type Evaluation = {
  period: string;
  /** values[variable][entity id] for the asked period. */
  values: Record<string, Record<string, Value>>;
  warnings: string[];
  /** Every computed value, keyed `variable@period`, when asked with `trace: true`. */
  trace?: Record<string, TraceEntry>;
};

type Options = {
  period: string | Period;
  variables: string[];
  trace?: boolean;
  parseNumber?: (text: string) => number;
};

export const evaluate = (system: TaxBenefitSystem, situation: Situation, options: Options): Evaluation => {
  const period = typeof options.period === 'string' ? parsePeriod(options.period) : options.period;
  const { simulation, ids } = buildSimulation(system, situation, {
    period,
    trace: options.trace,
    parseNumber: options.parseNumber,
  });
  const values: Evaluation['values'] = {};
  for (const name of options.variables) {
    const variable = system.variable(name);
    const column =
      variable.definitionPeriod === 'month' && period.unit !== 'month'
        ? simulation.add(name, period)
        : simulation.calculate(name, period);
    values[name] = byId(column, ids[variable.entity], variable.valueType, variable.possibleValues);
  }
  const result: Evaluation = { period: periodKey(period), values, warnings: [...simulation.warnings] };
  if (options.trace) {
    result.trace = {};
    for (const [key, node] of simulation.trace) {
      const variable = system.variable(node.variable);
      result.trace[key] = {
        ...node,
        value: byId(node.value, ids[variable.entity], variable.valueType, variable.possibleValues),
      };
    }
  }
  return result;
};

/** `copies` times the household read, copy k's rows of every entity after copy k-1's: in one
 *  column-oriented simulation, as many variants of it as there are copies, each changed by
 *  writing its rows (see `rights/missing-inputs.ts`). */
const repeated = ({ population, inputs }: ParsedSituation, copies: number) => {
  const repeat = <C extends Column>(column: C): C => {
    const result = new (column.constructor as new (length: number) => C)(column.length * copies);
    for (let k = 0; k < copies; k++) result.set(column, k * column.length);
    return result;
  };
  const groups = {} as Population['groups'];
  for (const key of GROUP_KEYS) {
    const { count, group, role, rank } = population.groups[key];
    const groupOfCopies = repeat(group);
    for (let i = 0; i < groupOfCopies.length; i++) groupOfCopies[i]! += Math.floor(i / group.length) * count;
    groups[key] = { count: count * copies, group: groupOfCopies, role: repeat(role), rank: repeat(rank) };
  }
  return {
    population: { persons: population.persons * copies, groups },
    inputs: inputs.map((input) => ({ ...input, column: repeat(input.column) })),
  };
};

export const buildSimulation = (
  system: TaxBenefitSystem,
  situation: Situation,
  options: { period: Period; trace?: boolean; parseNumber?: (text: string) => number; copies?: number },
) => {
  const parsed = parseSituation(system, situation, { period: options.period, parseNumber: options.parseNumber });
  const { population, inputs } = options.copies ? repeated(parsed, options.copies) : parsed;
  const simulation = new Simulation(system, population, { trace: options.trace });
  // Shorter periods first, so a year given beside one of its months spreads only what is left.
  const sorted = [...inputs].sort((a, b) => monthCount(a.period) - monthCount(b.period));
  for (const input of sorted) simulation.setInput(input.name, input.period, input.column);
  return { simulation, ids: parsed.ids };
};

const byId = (
  column: ArrayLike<number>,
  ids: string[],
  type: string,
  possibleValues: readonly string[] = [],
): Record<string, Value> => {
  const result: Record<string, Value> = {};
  ids.forEach((id, i) => {
    const raw = column[i]!;
    result[id] =
      type === 'bool'
        ? raw !== 0
        : type === 'date'
          ? isoDate(raw)
          : type === 'enum'
            ? (possibleValues[raw] ?? raw)
            : raw;
  });
  return result;
};

/** The inputs a traced value depends on, transitively: what the person told us that mattered. */
export const traceInputs = (trace: Record<string, TraceEntry>, key: string): string[] => {
  const seen = new Set<string>();
  const inputs: string[] = [];
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    const node = trace[k];
    if (!node) return;
    if (node.source === 'input' || node.source === 'projected input') inputs.push(k);
    node.variables.forEach(visit);
  };
  visit(key);
  return inputs;
};
