// Indemnités journalières de paternité et d'accueil de l'enfant of an employee (CSS L331-8,
// D331-3; Code du travail L1225-35): the same daily amount as the maternity allowance, for the
// father or the other parent, for a leave taken within six months of the birth.
import { FAMILLE_ENFANT, FAMILLE_PARENT } from '../../engine/entities.ts';
import { dayNumber, month, startDate } from '../../engine/period.ts';
import { defineVariable } from '../../engine/variable.ts';
import { dailyAllowance, IJ } from '../ij_maternite/formulas.ts';
import { mapColumn } from '../../engine/columns.ts';
const IJ_DELAI_CONGE_PATERNITE_MOIS = `${IJ}.delai_conge_paternite_mois`;

export const indemnite_journaliere_paternite = defineVariable({
  name: 'indemnite_journaliere_paternite',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label:
    "Indemnité journalière de paternité et d'accueil de l'enfant d'un parent salarié dont le congé commence ce mois (montant par jour, avant CSG et CRDS)",
  reference: [
    'Code de la sécurité sociale, art. L331-8 et D331-3 (même indemnité que le congé de maternité)',
    'Code du travail, art. L1225-35 et D1225-8 (25 jours, pris dans les six mois suivant la naissance)',
  ],
  documentation:
    "Montant par jour, avant CSG (6,2 %) et CRDS (0,5 %). Dû à un parent de la famille (pas à la personne enceinte de ce mois) dont un enfant est né dans les six mois précédant le début du mois ou pendant ce mois. Guichet ne sait pas qui a accouché si la grossesse n'a pas été déclarée : la mère relève du congé de maternité.",
  formulas: {
    '2023-01-01': (ctx, period) => {
      const delai = ctx.param(IJ_DELAI_CONGE_PATERNITE_MOIS, period);
      const earliest = dayNumber(startDate(month(period.year, period.month - delai)));
      const latest = dayNumber(startDate(month(period.year, period.month + 1)));
      const birth = ctx.calc('date_naissance', period);
      const enceinte = ctx.calc('enceinte', period);
      const { role } = ctx.members('famille');
      const recentBirth = ctx.count(
        'famille',
        mapColumn(Uint8Array, birth, (b, i) => (role[i] === FAMILLE_ENFANT && b >= earliest && b < latest ? 1 : 0)),
      );
      const familles = ctx.project('famille', recentBirth);
      const concerned = mapColumn(Uint8Array, role, (r, i) =>
        r === FAMILLE_PARENT && familles[i]! > 0 && !enceinte[i] ? 1 : 0,
      );
      return dailyAllowance(ctx, period, concerned);
    },
  },
});

export const VARIABLES = [indemnite_journaliere_paternite];
