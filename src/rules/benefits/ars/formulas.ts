// Allocation de rentrée scolaire (CSS art. L543-1, R543-1 to R543-6-1, D543-1 to D543-2): once a
// year, per child of school age, a share of the BMAF by age band; the ceiling on N-2 resources
// rises with each dependent child; just above it a differential amount is paid, if at least
// the minimum. Yearly variable, as in OpenFisca-France; amounts gross of CRDS.
// Ages follow R543-2: a child counts if 6 before 1 February of the next year and not yet 18 on
// 15 September; its band is the age it reaches during the calendar year (11 and 15 raise it).
import { roundCents } from '../../engine/columns.ts';
import { FAMILLE_ENFANT } from '../../engine/entities.ts';
import { fullYears, month } from '../../engine/period.ts';
import { defineVariable } from '../../engine/variable.ts';

const PF = 'prestations_sociales.prestations_familiales';
const ARS = `${PF}.ars`;

export const ars = defineVariable({
  name: 'ars',
  entity: 'famille',
  definitionPeriod: 'year',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocation de rentrée scolaire (brute de CRDS), versée en août',
  reference: [
    'Code de la sécurité sociale, art. L543-1',
    'Code de la sécurité sociale, art. R543-2, R543-5 et R543-6-1',
    'Code de la sécurité sociale, art. D543-1 et D543-2',
  ],
  documentation:
    "Montant annuel brut de CRDS. BMAF et nombre d'enfants à charge d'octobre (comme OpenFisca-France), ressources N-2 comparées au plafond de l'année. Scolarité supposée pour les 16-18 ans.",
  formulas: {
    '2012-09-03': (ctx, period) => {
      const y = period.year;
      const octobre = month(y, 10);
      const janvier = month(y, 1);
      const birth = ctx.calc('date_naissance', octobre);
      const autonome = ctx.calc('autonomie_financiere', octobre);
      const { role } = ctx.members('famille');
      const entree = ctx.param(`${ARS}.age_entree_primaire`, octobre);
      const college = ctx.param(`${ARS}.age_entree_college`, octobre);
      const lycee = ctx.param(`${ARS}.age_entree_lycee`, octobre);
      const sortie = ctx.param(`${ARS}.age_sortie`, octobre);
      const bmaf = ctx.param(`${PF}.bmaf`, octobre);
      const amounts = [
        roundCents(bmaf * ctx.param(`${ARS}.taux_primaire`, octobre)),
        roundCents(bmaf * ctx.param(`${ARS}.taux_college`, octobre)),
        roundCents(bmaf * ctx.param(`${ARS}.taux_lycee`, octobre)),
      ];
      const perChild = new Float64Array(role.length);
      const counted = new Uint8Array(role.length);
      for (let i = 0; i < role.length; i++) {
        if (role[i] !== FAMILLE_ENFANT || autonome[i]) continue;
        const b = birth[i]!;
        if (fullYears(b, y + 1, 1, 31) < entree || fullYears(b, y, 9, 15) >= sortie) continue;
        const reached = fullYears(b, y, 12, 31);
        perChild[i] = amounts[reached >= lycee ? 2 : reached >= college ? 1 : 0]!;
        counted[i] = 1;
      }
      const base = ctx.sum('famille', perChild);
      const plafond = ctx.param(`${ARS}.plafond`, janvier);
      const parEnfant = ctx.param(`${ARS}.majoration_par_enfant`, janvier);
      const nbenf = ctx.calc('af_nbenf', octobre);
      const ressources = ctx.calc('prestations_familiales_base_ressources', janvier);
      const minimum = ctx.param(`${ARS}.montant_minimum`, octobre);
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < ctx.length; g++) {
        if (base[g]! <= 0) continue;
        const excess = Math.max(0, ressources[g]! - (plafond + nbenf[g]! * parEnfant));
        // R543-6-1: the differential is the ceiling plus the year's ARS, less the resources.
        const amount = roundCents(Math.max(0, base[g]! - excess));
        result[g] = amount >= minimum ? amount : 0;
      }
      return result;
    },
  },
});

export const VARIABLES = [ars];
