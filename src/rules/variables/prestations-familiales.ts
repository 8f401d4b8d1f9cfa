// What all family benefits share: who is a dependent child, and the family's resources of
// year N-2 (net catégoriel: salaries after the 10 % deduction for professional expenses).
import { roundCents } from '../engine/columns.ts';
import { FAMILLE_ENFANT } from '../engine/entities.ts';
import { nMinus2 } from '../engine/period.ts';
import { defineVariable } from '../engine/variable.ts';

export const prestations_familiales_enfant_a_charge = defineVariable({
  name: 'prestations_familiales_enfant_a_charge',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Enfant considéré à charge au sens des prestations familiales',
  reference: ['Code de la sécurité sociale, art. L512-3 et R512-2'],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const ageLimite = ctx.param('prestations_sociales.prestations_familiales.def_pac.age_limite', period);
      const age = ctx.calc('age', period);
      const autonome = ctx.calc('autonomie_financiere', period);
      const { role } = ctx.members('famille');
      const result = new Uint8Array(ctx.length);
      for (let i = 0; i < result.length; i++) {
        result[i] = role[i] === FAMILLE_ENFANT && age[i]! >= 0 && age[i]! < ageLimite && !autonome[i] ? 1 : 0;
      }
      return result;
    },
  },
});

const ABATTEMENT = 'impot_revenu.abattement_frais_professionnels';
const ABATTEMENT_MINIMUM = `${ABATTEMENT}.minimum`;
const ABATTEMENT_PLAFOND = `${ABATTEMENT}.plafond`;
const ABATTEMENT_TAUX = `${ABATTEMENT}.taux`;

export const prestations_familiales_base_ressources_individu = defineVariable({
  name: 'prestations_familiales_base_ressources_individu',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Base ressources individuelle des prestations familiales (revenus de l'année N-2)",
  reference: ['Code de la sécurité sociale, art. R532-3', 'Code général des impôts, art. 83, 3°'],
  documentation:
    "Guichet compte pour l'instant les seuls salaires imposables de l'année N-2, après la déduction forfaitaire de 10 % (bornée).",
  formulas: {
    '0001-01-01': (ctx, period) => {
      const n2 = nMinus2(period);
      const salaires = ctx.add('salaire_imposable', n2);
      const taux = ctx.param(ABATTEMENT_TAUX, n2);
      const minimum = ctx.param(ABATTEMENT_MINIMUM, n2);
      const plafond = ctx.param(ABATTEMENT_PLAFOND, n2);
      const result = new Float64Array(ctx.length);
      for (let i = 0; i < result.length; i++) {
        const s = roundCents(salaires[i]!);
        const abattement = Math.min(s, Math.min(plafond, Math.max(minimum, s * taux)));
        result[i] = Math.max(0, s - abattement);
      }
      return result;
    },
  },
});

export const prestations_familiales_base_ressources = defineVariable({
  name: 'prestations_familiales_base_ressources',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Base ressources des prestations familiales (annuelle, revenus N-2 des parents)',
  reference: ['Code de la sécurité sociale, art. R532-1 à R532-3'],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const individuelle = ctx.calc('prestations_familiales_base_ressources_individu', period);
      return ctx.sum('famille', individuelle, 0);
    },
  },
});

export const af_nbenf = defineVariable({
  name: 'af_nbenf',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'int',
  label: "Nombre d'enfants dans la famille au sens des allocations familiales",
  formulas: {
    '0001-01-01': (ctx, period) =>
      ctx.count('famille', ctx.calc('prestations_familiales_enfant_a_charge', period), FAMILLE_ENFANT),
  },
});
