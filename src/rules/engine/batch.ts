// A whole population at once: the same formulas over long columns, no trace.
import type { Column } from './columns.ts';
import { parsePeriod, type Period } from './period.ts';
import type { Population } from './population.ts';
import { Simulation } from './simulation.ts';
import type { TaxBenefitSystem } from './tax-benefit-system.ts';

export type BatchInput = { name: string; period: string | Period; column: Column };

/** Computes `variables` for `period` over the population; returns one column per variable. */
export const calculateBatch = (
  system: TaxBenefitSystem,
  population: Population,
  inputs: BatchInput[],
  variables: string[],
  period: string | Period,
): { columns: Record<string, Column>; warnings: string[] } => {
  const at = typeof period === 'string' ? parsePeriod(period) : period;
  const simulation = new Simulation(system, population);
  for (const input of inputs)
    simulation.setInput(
      input.name,
      typeof input.period === 'string' ? parsePeriod(input.period) : input.period,
      input.column,
    );
  const columns: Record<string, Column> = {};
  for (const name of variables) columns[name] = simulation.calculate(name, at);
  return { columns, warnings: [...simulation.warnings] };
};
