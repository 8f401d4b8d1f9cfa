// Guichet's tax-benefit system: shared variables, every benefit of the catalogue, and the dated
// parameters of src/rules/parameters/. Loaded once per process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParameters } from './engine/parameters.ts';
import { taxBenefitSystem, type TaxBenefitSystem } from './engine/tax-benefit-system.ts';
import { BENEFITS } from './benefits/index.ts';
import { loadCatalogue, type CatalogueEntry } from './catalogue.ts';
import { COMMON_VARIABLES } from './variables/index.ts';

export const RULES_DIR = path.dirname(fileURLToPath(import.meta.url));

let system: TaxBenefitSystem | undefined;

/** The system with every implemented variable and the parameters folder. */
export const getSystem = (): TaxBenefitSystem => {
  system ??= taxBenefitSystem(
    [...COMMON_VARIABLES, ...BENEFITS.flatMap((benefit) => benefit.variables)],
    loadParameters(path.join(RULES_DIR, 'parameters')),
  );
  return system;
};

let catalogue: CatalogueEntry[] | undefined;

/** Every entry of the catalogue (benefits/<id>/benefit.yaml), computed or not, sorted by id. */
export const getCatalogue = (): CatalogueEntry[] => {
  catalogue ??= loadCatalogue(path.join(RULES_DIR, 'benefits'));
  return catalogue;
};
