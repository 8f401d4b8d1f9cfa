// PAJE prime à l'adoption (CSS art. L531-2, D531-2): a share of the BMAF per child under 20
// adopted or placed for adoption, paid in the month after its arrival in the home, under the
// same N-2 resources ceiling as the prime à la naissance. Amounts are gross of CRDS.
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
const PAJE_PRIME_ADOPTION_AGE_LIMITE = `${PAJE}.prime_adoption.age_limite`;
const PAJE_PRIME_ADOPTION_TAUX = `${PAJE}.prime_adoption.taux`;

export const paje_adoption = defineVariable({
  name: 'paje_adoption',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Prime à l'adoption de la PAJE (brute de CRDS), versée le mois suivant l'arrivée de l'enfant",
  reference: [
    'Code de la sécurité sociale, art. L531-2 et D531-2',
    'Code de la sécurité sociale, art. R531-1 (plafond)',
  ],
  formulas: {
    '2018-04-01': (ctx, period) => {
      const adopte = ctx.calc('adoption', period);
      const arrivee = ctx.calc('date_adoption', period);
      const age = ctx.calc('age', period);
      const ageLimite = ctx.param(PAJE_PRIME_ADOPTION_AGE_LIMITE, period);
      const { role } = ctx.members('famille');
      const previous = period.year * 12 + period.month - 2;
      const arrived = mapColumn(Uint8Array, adopte, (a, i) => {
        if (!a || role[i] !== FAMILLE_ENFANT || age[i]! >= ageLimite || arrivee[i] === 0) return 0;
        const d = civilDate(arrivee[i]!);
        return d.y * 12 + d.m - 1 === previous ? 1 : 0;
      });
      const adoptes = ctx.count('famille', arrived);
      // The adopted child is already a dependant: the ceiling counts the family's children as they are.
      const nbenf = ctx.calc('af_nbenf', period);
      const plafond = familyCeiling(ctx, period, PAJE_PLAFOND_TAUX_PARTIEL, nbenf);
      const ressources = ctx.calc('prestations_familiales_base_ressources', period);
      const prime = roundCents(ctx.param(PF_BMAF, period) * ctx.param(PAJE_PRIME_ADOPTION_TAUX, period));
      return mapColumn(Float64Array, adoptes, (k, g) => (k > 0 && ressources[g]! <= plafond[g]! ? k * prime : 0));
    },
  },
});

export const VARIABLES = [paje_adoption];
