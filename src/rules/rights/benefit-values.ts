// The amounts of the computed benefits of the catalogue in one simulation: for each, one column
// (a value per row of its entity) per period it is read at, or the reason it is not supported.
import { NotSupportedError } from '../engine/errors.ts';
import { offset, year, type Period } from '../engine/period.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { RightsEntry } from './catalogue.ts';

export type BenefitValues = Map<string, { values: Float64Array[]; error?: NotSupportedError }>;

/** The periods a benefit is read at for a month asked: the month, its year, or the coming twelve months for a one-off grant. */
export const periodsOf = (entry: RightsEntry, month: Period): Period[] =>
  entry.period === 'year'
    ? [year(month.year)]
    : entry.isPaidOnce
      ? Array.from({ length: 12 }, (_, n) => offset(month, n, 'month'))
      : [month];

/** Each computed benefit's values at `periodsOf`, or the NotSupportedError that stopped it. */
export const computeBenefits = (simulation: Simulation, entries: RightsEntry[], month: Period): BenefitValues => {
  const result: BenefitValues = new Map();
  for (const entry of entries) {
    if (!entry.variable) continue;
    try {
      const values = periodsOf(entry, month).map((period) =>
        Float64Array.from(simulation.calculate(entry.variable!, period)),
      );
      result.set(entry.id, { values });
    } catch (error) {
      if (!(error instanceof NotSupportedError)) throw error;
      result.set(entry.id, { values: [], error });
    }
  }
  return result;
};
