// Prime d'activité (CSS L841-1 to L843-7, D843-1 and D843-2): a montant forfaitaire by household
// size (majoré for an isolated parent), plus a fraction of professional income and an individual
// bonification per worker, minus the household's resources (deemed at least the montant
// forfaitaire) and the forfait logement. Computed for each of the three reference months with the
// amounts in force in the month of right, then averaged; not paid under 15 €.
import type { Period } from '../../engine/period.ts';
import { defineVariable, type FormulaContext } from '../../engine/variable.ts';
import {
  compositionRate,
  forfaitLogement,
  referenceMonths,
  refuseUnsupportedSituations,
} from '../../variables/minima-sociaux.ts';
import { mapColumn } from '../../engine/columns.ts';

const PPA = 'prestations_sociales.solidarite_insertion.minima_sociaux.ppa';
const PPA_PA_COND_AGE_MIN = `${PPA}.pa_cond.age_min`;
const PPA_PA_M_BONIFICATION_SEUIL_BONIFICATION = `${PPA}.pa_m.bonification.seuil_bonification`;
const PPA_PA_M_BONIFICATION_SEUIL_MAX_BONIFICATION = `${PPA}.pa_m.bonification.seuil_max_bonification`;
const PPA_PA_M_BONIFICATION_TAUX_BONIFICATION_MAX = `${PPA}.pa_m.bonification.taux_bonification_max`;
const PPA_PA_M_MAJORATION_ISOLEMENT_FEMMES_ENCEINTES = `${PPA}.pa_m.majoration_isolement.femmes_enceintes`;
const PPA_PA_M_MAJORATION_ISOLEMENT_PAR_ENFANT_CHARGE = `${PPA}.pa_m.majoration_isolement.par_enfant_charge`;
const PPA_PA_M_MAJORATION_RESSOURCES_REVENUS_ACTIVITE = `${PPA}.pa_m.majoration_ressources_revenus_activite`;
const PPA_PA_M_MONTANT_DE_BASE = `${PPA}.pa_m.montant_de_base`;
const PPA_PA_M_MONTANT_MINIMUM_VERSE = `${PPA}.pa_m.montant_minimum_verse`;
const PPA_PA_M_TAUX_DEUXIEME_PERSONNE = `${PPA}.pa_m.taux_deuxieme_personne`;
const PPA_PA_M_TAUX_PERSONNE_SUPP = `${PPA}.pa_m.taux_personne_supp`;
const PPA_PA_M_TAUX_TROISIEME_PERSONNE = `${PPA}.pa_m.taux_troisieme_personne`;
const SMIC = 'marche_travail.salaire_minimum.smic.smic_b_horaire';

const base = (ctx: FormulaContext, period: Period) => ctx.param(PPA_PA_M_MONTANT_DE_BASE, period);
const rates = (ctx: FormulaContext, period: Period) => ({
  deuxieme: ctx.param(PPA_PA_M_TAUX_DEUXIEME_PERSONNE, period),
  troisieme: ctx.param(PPA_PA_M_TAUX_TROISIEME_PERSONNE, period),
  supp: ctx.param(PPA_PA_M_TAUX_PERSONNE_SUPP, period),
});

export const ppa_eligibilite = defineVariable({
  name: 'ppa_eligibilite',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Prime d'activité - Au moins un membre du foyer a l'âge minimum (18 ans)",
  reference: ['Code de la sécurité sociale, art. L842-1'],
  documentation:
    'Non vérifiés par Guichet : la résidence, le titre de séjour. Répondu « non pris en charge » : étudiants, stagiaires et apprentis (plancher de revenus, L842-2), travailleurs indépendants, Mayotte, allocations chômage, retraites et AAH dans les ressources.',
  formulas: {
    '2016-01-01': (ctx, period) => {
      refuseUnsupportedSituations(ctx, period, "prime d'activité");
      const ageMin = ctx.param(PPA_PA_COND_AGE_MIN, period);
      const age = ctx.calc('age', period);
      const adultes = ctx.count(
        'famille',
        mapColumn(Uint8Array, age, (a) => (a >= ageMin ? 1 : 0)),
      );
      return mapColumn(Uint8Array, adultes, (n) => (n > 0 ? 1 : 0));
    },
  },
});

export const ppa_montant_forfaitaire_familial_non_majore = defineVariable({
  name: 'ppa_montant_forfaitaire_familial_non_majore',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Prime d'activité - Montant forfaitaire selon la composition du foyer",
  reference: ['Code de la sécurité sociale, art. L842-3 et D843-1'],
  formulas: {
    '2016-01-01': (ctx, period) => {
      const montant = base(ctx, period);
      const r = rates(ctx, period);
      const parents = ctx.calc('nb_parents', period);
      const enfants = ctx.calc('rsa_nb_enfants', period);
      return mapColumn(Float64Array, parents, (p, g) => montant * compositionRate(p + enfants[g]!, p, r));
    },
  },
});

export const ppa_montant_forfaitaire_familial_majore = defineVariable({
  name: 'ppa_montant_forfaitaire_familial_majore',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Prime d'activité majorée - Montant forfaitaire d’un parent isolé ou d’une femme enceinte isolée",
  reference: ['Code de la sécurité sociale, art. L842-7 et D843-1'],
  formulas: {
    '2016-01-01': (ctx, period) => {
      const montant = base(ctx, period);
      const taux = ctx.param(PPA_PA_M_MAJORATION_ISOLEMENT_FEMMES_ENCEINTES, period);
      const parEnfant = ctx.param(PPA_PA_M_MAJORATION_ISOLEMENT_PAR_ENFANT_CHARGE, period);
      return mapColumn(Float64Array, ctx.calc('rsa_nb_enfants', period), (n) => montant * (taux + parEnfant * n));
    },
  },
});

export const ppa_forfait_logement = defineVariable({
  name: 'ppa_forfait_logement',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Prime d'activité - Forfait logement",
  reference: [
    'Code de la sécurité sociale, art. L842-4 (avantage en nature du logement compté dans les ressources)',
    "Code de l'action sociale et des familles, art. R262-10 (taux, repris pour la prime d'activité)",
  ],
  formulas: {
    '2016-01-01': (ctx, period) => forfaitLogement(ctx, period, base(ctx, period), rates(ctx, period)),
  },
});

export const ppa_revenu_activite_individu = defineVariable({
  name: 'ppa_revenu_activite_individu',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Prime d'activité - Revenus professionnels du mois (salaire net)",
  reference: ['Code de la sécurité sociale, art. L842-4 et R844-1'],
  documentation: 'Guichet compte pour l’instant les salaires nets ; revenus des indépendants non pris en charge.',
  formulas: { '2016-01-01': (ctx, period) => ctx.calc('salaire_net', period) },
});

export const ppa_revenu_activite = defineVariable({
  name: 'ppa_revenu_activite',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Prime d'activité - Revenus professionnels du foyer pour un mois",
  formulas: { '2016-01-01': (ctx, period) => ctx.sum('famille', ctx.calc('ppa_revenu_activite_individu', period)) },
});

export const ppa_ressources_hors_activite = defineVariable({
  name: 'ppa_ressources_hors_activite',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label:
    "Prime d'activité - Ressources hors activité du foyer pour un mois (pensions alimentaires, prestations familiales)",
  reference: ['Code de la sécurité sociale, art. L842-4, R843-1, R844-4 et R844-5'],
  documentation:
    "Pensions alimentaires perçues, allocations familiales sans majorations pour âge (af_base), complément familial, ASF et allocation de base de la PAJE du mois, comme OpenFisca-France ; l'ARS et les primes de naissance ou d'adoption sont exclues.",
  formulas: {
    '2016-01-01': (ctx, period) => {
      const pensions = ctx.sum('famille', ctx.calc('pensions_alimentaires_percues', period));
      const afBase = ctx.calc('af_base', period);
      const af = ctx.calc('af', period);
      const cf = ctx.calc('cf', period);
      const asf = ctx.calc('asf', period);
      const pajeBase = ctx.calc('paje_base', period);
      return mapColumn(
        Float64Array,
        pensions,
        (p, g) => p + Math.min(afBase[g]!, af[g]!) + cf[g]! + asf[g]! + pajeBase[g]!,
      );
    },
  },
});

export const ppa_bonification = defineVariable({
  name: 'ppa_bonification',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Prime d'activité - Bonification individuelle pour les revenus professionnels du mois",
  reference: ['Code de la sécurité sociale, art. L842-3 et D843-2'],
  documentation:
    "Nulle jusqu'à 59 Smic horaires bruts de revenus du mois, croissante jusqu'à 120 Smic horaires, puis égale à son maximum (29,101 % du montant forfaitaire d'une personne, arrondi au centime).",
  formulas: {
    '2016-01-01': (ctx, period) => bonification(ctx, period, ctx.calc('ppa_revenu_activite_individu', period)),
  },
});

/** Bonification with the amounts of month `period` for the professional income `revenus`. */
const bonification = (ctx: FormulaContext, period: Period, revenus: ArrayLike<number>): Float64Array => {
  const smic = ctx.param(SMIC, period);
  const seuil1 = ctx.param(PPA_PA_M_BONIFICATION_SEUIL_BONIFICATION, period) * smic;
  const seuil2 = ctx.param(PPA_PA_M_BONIFICATION_SEUIL_MAX_BONIFICATION, period) * smic;
  const maximum =
    Math.round(ctx.param(PPA_PA_M_BONIFICATION_TAUX_BONIFICATION_MAX, period) * base(ctx, period) * 100) / 100;
  return mapColumn(Float64Array, revenus, (r) =>
    Math.min(maximum, Math.max(0, (maximum * (r - seuil1)) / (seuil2 - seuil1))),
  );
};

export const ppa = defineVariable({
  name: 'ppa',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Prime d'activité",
  reference: [
    'Code de la sécurité sociale, art. L842-3, L843-1 et L843-4',
    'Code de la sécurité sociale, art. D843-1 à D843-2',
  ],
  documentation:
    'Moyenne, sur les trois mois de référence, de la prime calculée pour chaque mois avec les montants du mois de droit ; non versée sous 15 €.',
  formulas: {
    '2016-01-01': (ctx, period) => {
      const eligible = ctx.calc('ppa_eligibilite', period);
      const majore = ctx.calc('rsa_majore_eligibilite', period);
      const nonMajore = ctx.calc('ppa_montant_forfaitaire_familial_non_majore', period);
      const majoreMontant = ctx.calc('ppa_montant_forfaitaire_familial_majore', period);
      const forfait = ctx.calc('ppa_forfait_logement', period);
      const pente = ctx.param(PPA_PA_M_MAJORATION_RESSOURCES_REVENUS_ACTIVITE, period);
      const seuil = ctx.param(PPA_PA_M_MONTANT_MINIMUM_VERSE, period);
      const { shift, months } = referenceMonths(ctx, period);
      const total = new Float64Array(ctx.length);
      months.forEach((m, index) => {
        const revenusIndividu = ctx.calc('ppa_revenu_activite_individu', m);
        const bonifications = bonification(ctx, period, revenusIndividu);
        const bonus = ctx.sum('famille', bonifications);
        const revenus = ctx.calc('ppa_revenu_activite', m);
        const autres = ctx.calc('ppa_ressources_hors_activite', m);
        for (let g = 0; g < ctx.length; g++) {
          const k = index + 1 - shift[g]!;
          if (k < 1 || k > 3) continue;
          const montant = majore[g] ? majoreMontant[g]! : nonMajore[g]!;
          const ressources = revenus[g]! + autres[g]! + forfait[g]!;
          // L842-3: the household's resources are deemed at least the montant forfaitaire.
          total[g]! += Math.max(0, montant + pente * revenus[g]! + bonus[g]! - Math.max(ressources, montant));
        }
      });
      return mapColumn(Float64Array, total, (t, g) => {
        const moyenne = t / 3;
        return eligible[g] && moyenne >= seuil ? moyenne : 0;
      });
    },
  },
});

export const VARIABLES = [
  ppa_eligibilite,
  ppa_montant_forfaitaire_familial_non_majore,
  ppa_montant_forfaitaire_familial_majore,
  ppa_forfait_logement,
  ppa_revenu_activite_individu,
  ppa_revenu_activite,
  ppa_ressources_hors_activite,
  ppa_bonification,
  ppa,
];
