// PAJE prime à la naissance (CSS art. L531-2, D531-2): a share of the BMAF per child expected,
// paid in the 7th month of pregnancy — as OpenFisca-France models it, in the month two months
// before the birth month — under the "taux partiel" N-2 resources ceiling, counting the
// expected children among the dependants. Amounts are gross of CRDS.
import { roundCents, mapColumn } from '../../engine/columns.ts';
import { FAMILLE_ENFANT } from '../../engine/entities.ts';
import { civilDate } from '../../engine/period.ts';
import { defineVariable } from '../../engine/variable.ts';
import { ceilingScale, familyCeiling } from '../../variables/plafonds-paje.ts';

const PF = 'prestations_sociales.prestations_familiales';
const PF_BMAF = `${PF}.bmaf`;
const PAJE = `${PF}.paje`;
const PAJE_PLAFOND_TAUX_PARTIEL = ceilingScale({
  base: `${PAJE}.plafond.taux_partiel`,
  majoration: `${PAJE}.plafond.taux_partiel`,
  rates: `${PAJE}.plafond`,
});
const PAJE_PRIME_NAISSANCE_TAUX = `${PAJE}.prime_naissance.taux`;

export const paje_naissance = defineVariable({
  name: 'paje_naissance',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Prime à la naissance de la PAJE (brute de CRDS), versée au 7e mois de grossesse',
  reference: [
    'Code de la sécurité sociale, art. L531-2 et D531-2',
    'Code de la sécurité sociale, art. R531-1 (plafond)',
  ],
  documentation:
    "Versée le mois situé deux mois avant le mois de naissance prévu (7e mois de grossesse), comme OpenFisca-France : donner la date de naissance prévue de l'enfant à naître.",
  formulas: {
    '2018-04-01': (ctx, period) => {
      const birth = ctx.calc('date_naissance', period);
      const { role } = ctx.members('famille');
      const target = period.year * 12 + period.month - 1 + 2;
      const expected = mapColumn(Uint8Array, birth, (b, i) => {
        if (role[i] !== FAMILLE_ENFANT) return 0;
        const d = civilDate(b);
        return d.y * 12 + d.m - 1 === target ? 1 : 0;
      });
      const naitre = ctx.count('famille', expected);
      const nbenf = ctx.calc('af_nbenf', period);
      const enfants = mapColumn(Float64Array, nbenf, (n, g) => n + naitre[g]!);
      const plafond = familyCeiling(ctx, period, PAJE_PLAFOND_TAUX_PARTIEL, enfants);
      const ressources = ctx.calc('prestations_familiales_base_ressources', period);
      const prime = roundCents(ctx.param(PF_BMAF, period) * ctx.param(PAJE_PRIME_NAISSANCE_TAUX, period));
      return mapColumn(Float64Array, naitre, (k, g) => (k > 0 && ressources[g]! <= plafond[g]! ? k * prime : 0));
    },
  },
});

export const VARIABLES = [paje_naissance];
