// Allocation de soutien familial (CSS art. L523-1 to L523-3, R523-7, D523-3): for each child
// under 20 raised by a single parent without the other parent's support, a share of the BMAF,
// less the alimony received (ASF différentielle), not paid under the minimum. Amounts are
// gross of CRDS. Orphans of both parents (higher rate) are not supported yet.
import { isAllZero, roundCents } from '../../engine/columns.ts';
import { FAMILLE_ENFANT } from '../../engine/entities.ts';
import { defineVariable } from '../../engine/variable.ts';

const PF = 'prestations_sociales.prestations_familiales';
const PF_BMAF = `${PF}.bmaf`;
const ASF = `${PF}.asf`;
const ASF_SEUIL_VERSEMENT = `${ASF}.seuil_versement`;
const ASF_TAUX_UN_PARENT = `${ASF}.taux_un_parent`;

export const asf_elig_enfant = defineVariable({
  name: 'asf_elig_enfant',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Enfant pouvant ouvrir droit à l'ASF (à charge, moins de 20 ans)",
  reference: ['Code de la sécurité sociale, art. L523-1 et L512-3'],
  formulas: {
    '0001-01-01': (ctx, period) => ctx.calc('prestations_familiales_enfant_a_charge', period),
  },
});

export const asf_elig = defineVariable({
  name: 'asf_elig',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Éligibilité à l'ASF (parent isolé privé de l'aide de l'autre parent)",
  reference: ['Code de la sécurité sociale, art. L523-1'],
  documentation:
    "Par défaut, comme OpenFisca-France : tout parent isolé. L'absence de soutien de l'autre parent (décès, non-reconnaissance, pension non versée ou inférieure à l'ASF) est à confirmer : donner asf_elig si elle est connue.",
  formulas: {
    '0001-01-01': (ctx, period) => {
      const couple = ctx.calc('en_couple', period);
      const result = new Uint8Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = couple[g] ? 0 : 1;
      return result;
    },
  },
});

export const asf_montant = defineVariable({
  name: 'asf_montant',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Montant de l'ASF avant seuil de versement (par enfant, moins les pensions alimentaires perçues)",
  reference: [
    'Code de la sécurité sociale, art. R523-7',
    'Code de la sécurité sociale, art. L523-1, II (ASF différentielle)',
  ],
  formulas: {
    '2022-11-01': (ctx, period) => {
      const parEnfant = roundCents(ctx.param(PF_BMAF, period) * ctx.param(ASF_TAUX_UN_PARENT, period));
      const enfants = ctx.count('famille', ctx.calc('asf_elig_enfant', period), FAMILLE_ENFANT);
      const pensions = ctx.sum('famille', ctx.calc('pensions_alimentaires_percues', period));
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < result.length; g++)
        result[g] = Math.max(0, roundCents(enfants[g]! * parEnfant - pensions[g]!));
      return result;
    },
  },
});

export const asf = defineVariable({
  name: 'asf',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocation de soutien familial (brute de CRDS)',
  reference: [
    'Code de la sécurité sociale, art. L523-1 à L523-3',
    'Code de la sécurité sociale, art. D523-3 (seuil de versement)',
  ],
  documentation: 'Montant brut de CRDS, comme OpenFisca-France.',
  formulas: {
    '2022-11-01': (ctx, period) => {
      const eligible = ctx.calc('asf_elig', period);
      // No family eligible (most often, for one household): the amount is not asked.
      if (isAllZero(eligible)) return new Float64Array(ctx.length);
      const montant = ctx.calc('asf_montant', period);
      const seuil = ctx.param(ASF_SEUIL_VERSEMENT, period);
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = eligible[g] && montant[g]! > seuil ? montant[g]! : 0;
      return result;
    },
  },
});

export const VARIABLES = [asf_elig_enfant, asf_elig, asf_montant, asf];
