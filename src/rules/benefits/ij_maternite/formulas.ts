// Indemnités journalières de maternité of an employee (CSS L331-3, R331-5, R313-3): the gross
// salaries of the three months before the leave, each within the plafond mensuel de la sécurité
// sociale, divided by 91.25, minus a flat 21 % for the employee's contributions; at least a
// minimum. Amount per day, before CSG (6.2 %) and CRDS (0.5 %), as the official scales print it.
// The paternity leave allowance (ij_paternite) uses the same daily amount.
import { month, type Period } from '../../engine/period.ts';
import { defineVariable, type FormulaContext } from '../../engine/variable.ts';
import { mapColumn } from '../../engine/columns.ts';

export const IJ = 'prestations_sociales.prestations_etat_de_sante.maternite_paternite';
const IJ_CONDITION_SALAIRE_SMIC_6_MOIS = `${IJ}.condition_salaire_smic_6_mois`;
const IJ_DIVISEUR_TROIS_MOIS = `${IJ}.diviseur_trois_mois`;
const IJ_MONTANT_MINIMUM = `${IJ}.montant_minimum`;
const IJ_TAUX_FORFAITAIRE_COTISATIONS = `${IJ}.taux_forfaitaire_cotisations`;
const PMSS = 'prelevements_sociaux.pss.plafond_securite_sociale_mensuel';
const SMIC = 'marche_travail.salaire_minimum.smic.smic_b_horaire';

export const ij_gain_journalier_base = defineVariable({
  name: 'ij_gain_journalier_base',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label:
    'Gain journalier de base des indemnités de maternité ou de paternité pour un arrêt commençant ce mois : salaires bruts des trois mois précédents, chacun dans la limite du plafond mensuel de la sécurité sociale, divisés par 91,25',
  reference: ['Code de la sécurité sociale, art. R331-5 et R323-4'],
  documentation:
    "Salaires bruts (salaire_de_base). Non pris en charge : l'activité saisonnière ou discontinue (douze mois de référence), les demandeuses d'emploi indemnisées, les travailleuses indépendantes.",
  formulas: {
    '2023-01-01': (ctx, period) => {
      const plafond = ctx.param(PMSS, period);
      const diviseur = ctx.param(IJ_DIVISEUR_TROIS_MOIS, period);
      const total = new Float64Array(ctx.length);
      for (let k = 1; k <= 3; k++) {
        const brut = ctx.calc('salaire_de_base', month(period.year, period.month - k));
        for (let i = 0; i < total.length; i++) total[i]! += Math.min(Math.max(brut[i]!, 0), plafond);
      }
      return total.map((t) => t / diviseur);
    },
  },
});

/** Refuses what the daily amount cannot say yet, then gives it for the rows in `concerned`. */
export const dailyAllowance = (ctx: FormulaContext, period: Period, concerned: ArrayLike<number>): Float64Array => {
  const refuse = (reason: string, test: (row: number) => unknown) =>
    ctx.refuse(
      `non pris en charge : indemnités journalières de maternité ou de paternité — ${reason}`,
      'individu',
      concerned,
      (c, i) => c && test(i),
    );
  const sixMonths: Period = { ...month(period.year, period.month - 6), size: 6 };
  const brut6 = ctx.add('salaire_de_base', sixMonths);
  const net6 = ctx.add('salaire_net', sixMonths);
  const chomage6 = ctx.add('chomage_net', sixMonths);
  const seuil = ctx.param(IJ_CONDITION_SALAIRE_SMIC_6_MOIS, period) * ctx.param(SMIC, period);
  const taux = ctx.param(IJ_TAUX_FORFAITAIRE_COTISATIONS, period);
  const minimum = ctx.param(IJ_MONTANT_MINIMUM, period);
  const gain = ctx.calc('ij_gain_journalier_base', period);
  // Each row refused for the first reason that applies to it.
  refuse(
    "demandeur d'emploi indemnisé : droits maintenus sur les salaires antérieurs, pas encore encodé",
    (i) => chomage6[i]! > 0,
  );
  refuse(
    'salaire brut (salaire_de_base) nécessaire pour le calcul',
    (i) => !(chomage6[i]! > 0) && brut6[i]! <= 0 && net6[i]! > 0,
  );
  refuse(
    "salaires des six derniers mois sous 1 015 Smic horaires : la condition alternative de 150 heures de travail n'est pas vérifiable",
    (i) => !(chomage6[i]! > 0) && brut6[i]! > 0 && brut6[i]! < seuil,
  );
  return mapColumn(Float64Array, gain, (g, i) =>
    !concerned[i] || brut6[i]! <= 0 ? 0 : Math.round(Math.max(minimum, g * (1 - taux)) * 100) / 100,
  );
};

export const indemnite_journaliere_maternite = defineVariable({
  name: 'indemnite_journaliere_maternite',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label:
    "Indemnité journalière de maternité d'une salariée dont le congé commence ce mois (montant par jour, avant CSG et CRDS)",
  reference: ['Code de la sécurité sociale, art. L331-3, R331-5 et R313-3'],
  documentation:
    "Montant par jour, avant CSG (6,2 %) et CRDS (0,5 %), comme le publient ameli et service-public.fr. À ne pas confondre avec la variable indemnites_journalieres_maternite d'OpenFisca-France, montant perçu dans le mois. Due à une personne enceinte (variable enceinte) dont le congé commence ce mois.",
  formulas: {
    '2023-01-01': (ctx, period) => dailyAllowance(ctx, period, ctx.calc('enceinte', period)),
  },
});

export const VARIABLES = [ij_gain_journalier_base, indemnite_journaliere_maternite];
