// The catalogue: one line per benefit. Each folder holds benefit.yaml, formulas.ts, cases.yaml.
import type { Variable } from '../engine/variable.ts';
import { VARIABLES as af } from './af/formulas.ts';

export type BenefitModule = { id: string; variables: Variable[] };

export const BENEFITS: BenefitModule[] = [{ id: 'af', variables: af }];
