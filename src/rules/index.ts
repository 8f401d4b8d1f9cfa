// The rights engine: OpenFisca-France's vocabulary (entities, periods, variables), dated
// parameters with their legal references, formulas over columns (one household or a million),
// traces of every value, and the runner of OpenFisca's YAML test cases.
import type { Situation } from './engine/situation.ts';
import { evaluate as evaluateWith, type Evaluation } from './engine/evaluate.ts';
import { getSystem } from './system.ts';

export { getSystem } from './system.ts';
export { calculateBatch, type BatchInput } from './engine/batch.ts';
export { traceInputs, type Evaluation, type TraceEntry, type Value } from './engine/evaluate.ts';
export { NotSupportedError, SituationError } from './engine/errors.ts';
export { parsePeriod, periodKey, type Period } from './engine/period.ts';
export { membership, type Population } from './engine/population.ts';
export { runCaseFiles, formatReport, type CasesReport, type CaseResult } from './cases-runner.ts';
export { BENEFITS } from './benefits/index.ts';
export type { Situation } from './engine/situation.ts';

/** Computes `variables` for one situation (OpenFisca JSON) and period, with warnings and, if asked, the trace. */
export const evaluate = (
  situation: Situation,
  options: { period: string; variables: string[]; trace?: boolean },
): Evaluation => evaluateWith(getSystem(), situation, options);
