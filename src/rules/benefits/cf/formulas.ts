// Complément familial (CSS art. L522-1 to L522-3, R522-1 to R522-2, D522-1 to D522-2): for a
// family with at least three children aged 3 to 21, a share of the BMAF under an N-2 resources
// ceiling (couple with one income, or raised for two incomes and single parents), a higher
// amount under half that ceiling, and a differential amount just above it. Not paid with the
// PAJE allocation de base. Amounts are gross of CRDS, as in OpenFisca-France.
import { isAllZero, roundCents } from '../../engine/columns.ts';
import { FAMILLE_ENFANT } from '../../engine/entities.ts';
import { defineVariable } from '../../engine/variable.ts';
import { ceilingScale, familyCeiling } from '../../variables/plafonds-paje.ts';

const PF = 'prestations_sociales.prestations_familiales';
const PF_BMAF = `${PF}.bmaf`;
const CF = `${PF}.cf`;
const CF_PLAFOND = ceilingScale({ base: `${CF}.plafond`, majoration: `${CF}.plafond`, rates: `${CF}.plafond` });
const CF_AGE_MAXIMUM = `${CF}.age_maximum`;
const CF_AGE_MINIMUM = `${CF}.age_minimum`;
const CF_NB_ENFANTS_MIN = `${CF}.nb_enfants_min`;
const CF_PLAFOND_TAUX_PLAFOND_MAJORE = `${CF}.plafond.taux_plafond_majore`;
const CF_TAUX_BASE = `${CF}.taux_base`;
const CF_TAUX_MAJORE = `${CF}.taux_majore`;

export const cf_enfant_a_charge = defineVariable({
  name: 'cf_enfant_a_charge',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Complément familial - Enfant considéré à charge (moins de 21 ans)',
  reference: ['Code de la sécurité sociale, art. L512-3 et R512-2'],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const ageMax = ctx.param(CF_AGE_MAXIMUM, period);
      const age = ctx.calc('age', period);
      const autonome = ctx.calc('autonomie_financiere', period);
      const { role } = ctx.members('famille');
      const result = new Uint8Array(ctx.length);
      for (let i = 0; i < result.length; i++)
        result[i] = role[i] === FAMILLE_ENFANT && age[i]! >= 0 && age[i]! < ageMax && !autonome[i] ? 1 : 0;
      return result;
    },
  },
});

export const cf_enfant_eligible = defineVariable({
  name: 'cf_enfant_eligible',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Complément familial - Enfant pris en compte pour l'éligibilité (3 à 21 ans)",
  reference: ['Code de la sécurité sociale, art. L522-1 et R522-1'],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const ageMin = ctx.param(CF_AGE_MINIMUM, period);
      const age = ctx.calc('age', period);
      const aCharge = ctx.calc('cf_enfant_a_charge', period);
      const result = new Uint8Array(ctx.length);
      for (let i = 0; i < result.length; i++) result[i] = aCharge[i] && age[i]! >= ageMin ? 1 : 0;
      return result;
    },
  },
});

export const cf_base_ressources_individu = defineVariable({
  name: 'cf_base_ressources_individu',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Complément familial - Ressources N-2 de l'individu prises en compte",
  formulas: {
    '0001-01-01': (ctx, period) => {
      const ressources = ctx.calc('prestations_familiales_base_ressources_individu', period);
      const aCharge = ctx.calc('cf_enfant_a_charge', period);
      const { role } = ctx.members('famille');
      const result = new Float64Array(ctx.length);
      for (let i = 0; i < result.length; i++) result[i] = role[i] !== FAMILLE_ENFANT || aCharge[i] ? ressources[i]! : 0;
      return result;
    },
  },
});

export const cf_base_ressources = defineVariable({
  name: 'cf_base_ressources',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Complément familial - Ressources annuelles N-2 de la famille',
  reference: ['Code de la sécurité sociale, art. R532-1 à R532-3'],
  formulas: {
    '0001-01-01': (ctx, period) => ctx.sum('famille', ctx.calc('cf_base_ressources_individu', period)),
  },
});

export const cf_plafond = defineVariable({
  name: 'cf_plafond',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Complément familial - Plafond annuel de ressources (selon enfants à charge, deux revenus ou isolement)',
  reference: ['Code de la sécurité sociale, art. R522-2'],
  formulas: {
    '2018-04-01': (ctx, period) => {
      const enfants = ctx.count('famille', ctx.calc('cf_enfant_a_charge', period), FAMILLE_ENFANT);
      return familyCeiling(ctx, period, CF_PLAFOND, enfants);
    },
  },
});

export const cf_majore_plafond = defineVariable({
  name: 'cf_majore_plafond',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Complément familial - Plafond de ressources du montant majoré',
  reference: ['Code de la sécurité sociale, art. D522-2'],
  formulas: {
    '2018-04-01': (ctx, period) => {
      const taux = ctx.param(CF_PLAFOND_TAUX_PLAFOND_MAJORE, period);
      const plafond = ctx.calc('cf_plafond', period);
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = plafond[g]! * taux;
      return result;
    },
  },
});

export const cf_eligibilite_base = defineVariable({
  name: 'cf_eligibilite_base',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Complément familial - Au moins trois enfants de 3 à 21 ans (avant condition de ressources)',
  reference: ['Code de la sécurité sociale, art. L522-1'],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const nbMin = ctx.param(CF_NB_ENFANTS_MIN, period);
      const n = ctx.count('famille', ctx.calc('cf_enfant_eligible', period), FAMILLE_ENFANT);
      const result = new Uint8Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = n[g]! >= nbMin ? 1 : 0;
      return result;
    },
  },
});

export const cf_non_majore_avant_cumul = defineVariable({
  name: 'cf_non_majore_avant_cumul',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Complément familial - Montant de base, ou différentiel juste au-dessus du plafond',
  reference: [
    'Code de la sécurité sociale, art. D522-2',
    'Code de la sécurité sociale, art. L522-2 (complément différentiel)',
  ],
  formulas: {
    '2018-04-01': (ctx, period) => {
      const eligible = ctx.calc('cf_eligibilite_base', period);
      // No family eligible (most often, for one household): resources and ceilings are not asked.
      if (isAllZero(eligible)) return new Float64Array(ctx.length);
      const ressources = ctx.calc('cf_base_ressources', period);
      const plafond = ctx.calc('cf_plafond', period);
      const montant = roundCents(ctx.param(PF_BMAF, period) * ctx.param(CF_TAUX_BASE, period));
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < ctx.length; g++) {
        if (!eligible[g]) continue;
        const r = ressources[g]!;
        // Above the ceiling, the family keeps what its excess leaves of a year of CF, by month.
        result[g] = r <= plafond[g]! ? montant : Math.max(0, (plafond[g]! + 12 * montant - r) / 12);
      }
      return result;
    },
  },
});

export const cf_majore_avant_cumul = defineVariable({
  name: 'cf_majore_avant_cumul',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Complément familial - Montant majoré (ressources sous le plafond majoré)',
  reference: ['Code de la sécurité sociale, art. D522-2'],
  formulas: {
    '2018-04-01': (ctx, period) => {
      const eligible = ctx.calc('cf_eligibilite_base', period);
      // No family eligible (most often, for one household): resources and ceilings are not asked.
      if (isAllZero(eligible)) return new Float64Array(ctx.length);
      const ressources = ctx.calc('cf_base_ressources', period);
      const plafond = ctx.calc('cf_majore_plafond', period);
      const montant = roundCents(ctx.param(PF_BMAF, period) * ctx.param(CF_TAUX_MAJORE, period));
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = eligible[g] && ressources[g]! <= plafond[g]! ? montant : 0;
      return result;
    },
  },
});

export const cf_montant = defineVariable({
  name: 'cf_montant',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Complément familial - Montant avant règles de non-cumul',
  formulas: {
    '2018-04-01': (ctx, period) => {
      const base = ctx.calc('cf_non_majore_avant_cumul', period);
      const majore = ctx.calc('cf_majore_avant_cumul', period);
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = Math.max(base[g]!, majore[g]!);
      return result;
    },
  },
});

export const cf = defineVariable({
  name: 'cf',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Complément familial (brut de CRDS)',
  reference: [
    'Code de la sécurité sociale, art. L522-1 à L522-3',
    'Code de la sécurité sociale, art. L532-1 (non-cumul avec l’allocation de base de la PAJE)',
  ],
  documentation: 'Montant brut de CRDS, comme OpenFisca-France : la CAF verse ce montant moins 0,5 % de CRDS.',
  formulas: {
    '2018-04-01': (ctx, period) => {
      const montant = ctx.calc('cf_montant', period);
      const pajeBase = ctx.calc('paje_base', period);
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = pajeBase[g]! > 0 ? 0 : roundCents(montant[g]!);
      return result;
    },
  },
});

export const VARIABLES = [
  cf_enfant_a_charge,
  cf_enfant_eligible,
  cf_base_ressources_individu,
  cf_base_ressources,
  cf_plafond,
  cf_majore_plafond,
  cf_eligibilite_base,
  cf_non_majore_avant_cumul,
  cf_majore_avant_cumul,
  cf_montant,
  cf,
];
