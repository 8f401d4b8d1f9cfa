// The catalogue: one line per benefit. Each folder holds benefit.yaml, formulas.ts, cases.yaml.
import type { Variable } from '../engine/variable.ts';
import { VARIABLES as af } from './af/formulas.ts';
import { VARIABLES as cf } from './cf/formulas.ts';
import { VARIABLES as paje_base } from './paje_base/formulas.ts';
import { VARIABLES as paje_naissance } from './paje_naissance/formulas.ts';
import { VARIABLES as paje_adoption } from './paje_adoption/formulas.ts';
import { VARIABLES as ars } from './ars/formulas.ts';
import { VARIABLES as asf } from './asf/formulas.ts';
import { VARIABLES as rsa } from './rsa/formulas.ts';
import { VARIABLES as ppa } from './ppa/formulas.ts';
import { VARIABLES as aspa } from './aspa/formulas.ts';
import { VARIABLES as aides_logement } from './aides_logement/formulas.ts';
import { VARIABLES as aah } from './aah/formulas.ts';
import { VARIABLES as ij_maternite } from './ij_maternite/formulas.ts';
import { VARIABLES as ij_paternite } from './ij_paternite/formulas.ts';
import { VARIABLES as css } from './css/formulas.ts';

export type BenefitModule = { id: string; variables: Variable[] };

export const BENEFITS: BenefitModule[] = [
  { id: 'af', variables: af },
  { id: 'cf', variables: cf },
  { id: 'paje_base', variables: paje_base },
  { id: 'paje_naissance', variables: paje_naissance },
  { id: 'paje_adoption', variables: paje_adoption },
  { id: 'ars', variables: ars },
  { id: 'asf', variables: asf },
  { id: 'rsa', variables: rsa },
  { id: 'ppa', variables: ppa },
  { id: 'aspa', variables: aspa },
  { id: 'aides_logement', variables: aides_logement },
  { id: 'aah', variables: aah },
  { id: 'ij_maternite', variables: ij_maternite },
  { id: 'ij_paternite', variables: ij_paternite },
  { id: 'css', variables: css },
];
