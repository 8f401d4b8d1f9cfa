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
const PF_BMAF = `${PF}.bmaf`;
const ARS = `${PF}.ars`;
const ARS_AGE_ENTREE_COLLEGE = `${ARS}.age_entree_college`;
const ARS_AGE_ENTREE_LYCEE = `${ARS}.age_entree_lycee`;
const ARS_AGE_ENTREE_PRIMAIRE = `${ARS}.age_entree_primaire`;
const ARS_AGE_SORTIE = `${ARS}.age_sortie`;
const ARS_MAJORATION_PAR_ENFANT = `${ARS}.majoration_par_enfant`;
const ARS_MONTANT_MINIMUM = `${ARS}.montant_minimum`;
const ARS_PLAFOND = `${ARS}.plafond`;
const ARS_TAUX_COLLEGE = `${ARS}.taux_college`;
const ARS_TAUX_LYCEE = `${ARS}.taux_lycee`;
const ARS_TAUX_PRIMAIRE = `${ARS}.taux_primaire`;

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
      const entree = ctx.param(ARS_AGE_ENTREE_PRIMAIRE, octobre);
      const college = ctx.param(ARS_AGE_ENTREE_COLLEGE, octobre);
      const lycee = ctx.param(ARS_AGE_ENTREE_LYCEE, octobre);
      const sortie = ctx.param(ARS_AGE_SORTIE, octobre);
      const bmaf = ctx.param(PF_BMAF, octobre);
      const amounts = [
        roundCents(bmaf * ctx.param(ARS_TAUX_PRIMAIRE, octobre)),
        roundCents(bmaf * ctx.param(ARS_TAUX_COLLEGE, octobre)),
        roundCents(bmaf * ctx.param(ARS_TAUX_LYCEE, octobre)),
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
      const plafond = ctx.param(ARS_PLAFOND, janvier);
      const parEnfant = ctx.param(ARS_MAJORATION_PAR_ENFANT, janvier);
      const nbenf = ctx.calc('af_nbenf', octobre);
      const ressources = ctx.calc('prestations_familiales_base_ressources', janvier);
      const minimum = ctx.param(ARS_MONTANT_MINIMUM, octobre);
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
