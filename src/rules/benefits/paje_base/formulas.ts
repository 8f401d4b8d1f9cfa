// PAJE allocation de base (CSS art. L531-3, D531-3): for a child under 3, a share of the BMAF at
// full rate under the CF ceiling, half of it under the higher "taux partiel" ceiling (the
// prime's). Children born or adopted since 1 April 2018 (every child under 3 from 2021 on).
// Amounts are gross of CRDS, as in OpenFisca-France.
import { roundCents } from '../../engine/columns.ts';
import { FAMILLE_ENFANT } from '../../engine/entities.ts';
import { defineVariable } from '../../engine/variable.ts';
import { ceilingScale, familyCeiling } from '../../variables/plafonds-paje.ts';

const PF = 'prestations_sociales.prestations_familiales';
const PF_BMAF = `${PF}.bmaf`;
const PAJE = `${PF}.paje`;
const PAJE_PLAFOND_TAUX_PLEIN = ceilingScale({
  base: `${PAJE}.plafond.taux_plein`,
  majoration: `${PAJE}.plafond.taux_plein`,
  rates: `${PAJE}.plafond`,
});
const PAJE_PLAFOND_TAUX_PARTIEL = ceilingScale({
  base: `${PAJE}.plafond.taux_partiel`,
  majoration: `${PAJE}.plafond.taux_partiel`,
  rates: `${PAJE}.plafond`,
});
const PAJE_ALLOCATION_BASE_AGE_LIMITE = `${PAJE}.allocation_base.age_limite`;
const PAJE_ALLOCATION_BASE_TAUX_PARTIEL = `${PAJE}.allocation_base.taux_partiel`;
const PAJE_ALLOCATION_BASE_TAUX_PLEIN = `${PAJE}.allocation_base.taux_plein`;

export const enfant_eligible_paje = defineVariable({
  name: 'enfant_eligible_paje',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Enfant ouvrant droit à l'allocation de base de la PAJE (moins de 3 ans)",
  reference: ['Code de la sécurité sociale, art. L531-3'],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const ageLimite = ctx.param(PAJE_ALLOCATION_BASE_AGE_LIMITE, period);
      const age = ctx.calc('age', period);
      const autonome = ctx.calc('autonomie_financiere', period);
      const { role } = ctx.members('famille');
      // Due from the month after birth (age 0 on the 1st of the month means born before it).
      const result = new Uint8Array(ctx.length);
      for (let i = 0; i < result.length; i++)
        result[i] = role[i] === FAMILLE_ENFANT && age[i]! >= 0 && age[i]! < ageLimite && !autonome[i] ? 1 : 0;
      return result;
    },
  },
});

export const paje_base = defineVariable({
  name: 'paje_base',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocation de base de la PAJE (brute de CRDS)',
  reference: [
    'Code de la sécurité sociale, art. L531-3 et D531-3',
    'Code de la sécurité sociale, art. R522-2 (plafond à taux plein)',
  ],
  documentation:
    'Montant brut de CRDS, comme OpenFisca-France. Une seule allocation par famille (naissances multiples non prises en charge).',
  formulas: {
    '2018-04-01': (ctx, period) => {
      const eligible = ctx.count('famille', ctx.calc('enfant_eligible_paje', period), FAMILLE_ENFANT);
      const nbenf = ctx.calc('af_nbenf', period);
      const ressources = ctx.calc('prestations_familiales_base_ressources', period);
      const plein = familyCeiling(ctx, period, PAJE_PLAFOND_TAUX_PLEIN, nbenf);
      const partiel = familyCeiling(ctx, period, PAJE_PLAFOND_TAUX_PARTIEL, nbenf);
      const bmaf = ctx.param(PF_BMAF, period);
      const montantPlein = roundCents(bmaf * ctx.param(PAJE_ALLOCATION_BASE_TAUX_PLEIN, period));
      const montantPartiel = roundCents(bmaf * ctx.param(PAJE_ALLOCATION_BASE_TAUX_PARTIEL, period));
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < ctx.length; g++) {
        if (!eligible[g]) continue;
        const r = ressources[g]!;
        result[g] = r <= plein[g]! ? montantPlein : r <= partiel[g]! ? montantPartiel : 0;
      }
      return result;
    },
  },
});

export const VARIABLES = [enfant_eligible_paje, paje_base];
