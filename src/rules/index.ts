// The rights engine: OpenFisca-France's vocabulary (entities, periods, variables), dated
// parameters with their legal references, formulas over columns (one household or a million),
// traces of every value, and the runner of OpenFisca's YAML test cases.
import type { Situation } from './engine/situation.ts';
import { evaluate as evaluateWith, type Evaluation } from './engine/evaluate.ts';
import { getSystem } from './system.ts';
import type { GuichetModule } from '../platform/index.ts';
import { mountOpenfiscaApi } from './openfisca-api.ts';

/** The OpenFisca Web API's /calculate and /trace as functions (for benchmarks and other callers). */
export {
  calculate as openfiscaCalculate,
  trace as openfiscaTrace,
  OpenfiscaApiError,
} from './openfisca-api-calculate.ts';
import { mountRightsRoutes } from './rights/routes.ts';

/** The module's manifest: no schema of its own, the OpenFisca Web API under /api/openfisca and the rights API under /api/v1/rights. */
export const rulesModule: GuichetModule = {
  name: 'rules',
  routes: async (app, context) => {
    await mountOpenfiscaApi(app, context);
    mountRightsRoutes(app, context);
  },
};

export { getCatalogue, getSystem } from './system.ts';
export type { CatalogueEntry, ComputedCatalogueEntry } from './catalogue.ts';
export { calculateBatch, type BatchInput, type BatchRequest, type BatchResult } from './engine/batch.ts';
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

/** Every right of the catalogue for a situation, explained, with the questions that would change a result (POST /api/v1/rights). */
export { estimateRights } from './rights/estimate-rights.ts';

/** A situation from Guichet's records (OpenFisca's whole vocabulary) reduced to what the engine reads. */
export { engineSituation } from './rights/check-situation.ts';
