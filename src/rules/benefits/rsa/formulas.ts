// Revenu de solidarité active (CASF L262-1 to L262-12, R262-1 to R262-11, D262-23): a montant
// forfaitaire by household size (or the majoré amount for an isolated parent or pregnant woman),
// minus the forfait logement and the average resources of the three reference months (family
// benefits of the month itself), not paid under 6 €. Paid by the CAF or the MSA for the département.
import { FAMILLE_PARENT } from '../../engine/entities.ts';
import type { Period } from '../../engine/period.ts';
import { defineVariable, type FormulaContext } from '../../engine/variable.ts';
import {
  averageOverReferenceMonths,
  compositionRate,
  forfaitLogement,
  refuseUnsupportedSituations,
  RSA,
} from '../../variables/minima-sociaux.ts';
import { mapColumn } from '../../engine/columns.ts';
const RSA_MAJORATION_ISOLEMENT_FEMMES_ENCEINTES = `${RSA}.majoration_isolement.femmes_enceintes`;
const RSA_MAJORATION_ISOLEMENT_PAR_ENFANT_A_CHARGE = `${RSA}.majoration_isolement.par_enfant_a_charge`;
const RSA_MAJORATION_RSA_TAUX_DEUXIEME_PERSONNE = `${RSA}.majoration_rsa.taux_deuxieme_personne`;
const RSA_MAJORATION_RSA_TAUX_PERSONNE_SUPP = `${RSA}.majoration_rsa.taux_personne_supp`;
const RSA_MAJORATION_RSA_TAUX_TROISIEME_PERSONNE = `${RSA}.majoration_rsa.taux_troisieme_personne`;
const RSA_MONTANT_MINIMUM_VERSE = `${RSA}.montant_minimum_verse`;
const RSA_RSA_COND_AGE_MINIMUM_ALLOCATAIRE = `${RSA}.rsa_cond.age_minimum_allocataire`;
const RSA_RSA_M_MONTANT_DE_BASE_DU_RSA = `${RSA}.rsa_m.montant_de_base_du_rsa`;

const base = (ctx: FormulaContext, period: Period) => ctx.param(RSA_RSA_M_MONTANT_DE_BASE_DU_RSA, period);
const rates = (ctx: FormulaContext, period: Period) => ({
  deuxieme: ctx.param(RSA_MAJORATION_RSA_TAUX_DEUXIEME_PERSONNE, period),
  troisieme: ctx.param(RSA_MAJORATION_RSA_TAUX_TROISIEME_PERSONNE, period),
  supp: ctx.param(RSA_MAJORATION_RSA_TAUX_PERSONNE_SUPP, period),
});

export const rsa_socle = defineVariable({
  name: 'rsa_socle',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'RSA - Montant forfaitaire selon la composition du foyer',
  reference: ["Code de l'action sociale et des familles, art. L262-2 et R262-1"],
  formulas: {
    '2009-06-01': (ctx, period) => {
      const montant = base(ctx, period);
      const r = rates(ctx, period);
      const parents = ctx.calc('nb_parents', period);
      const enfants = ctx.calc('rsa_nb_enfants', period);
      return mapColumn(Float64Array, parents, (p, g) => montant * compositionRate(p + enfants[g]!, p, r));
    },
  },
});

export const rsa_socle_majore = defineVariable({
  name: 'rsa_socle_majore',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'RSA majoré - Montant forfaitaire d’un parent isolé ou d’une femme enceinte isolée',
  reference: ["Code de l'action sociale et des familles, art. L262-9 et R262-1"],
  formulas: {
    '2009-06-01': (ctx, period) => {
      const montant = base(ctx, period);
      const taux = ctx.param(RSA_MAJORATION_ISOLEMENT_FEMMES_ENCEINTES, period);
      const parEnfant = ctx.param(RSA_MAJORATION_ISOLEMENT_PAR_ENFANT_A_CHARGE, period);
      const enfants = ctx.calc('rsa_nb_enfants', period);
      return mapColumn(Float64Array, enfants, (n) => montant * (taux + parEnfant * n));
    },
  },
});

export const rsa_forfait_logement = defineVariable({
  name: 'rsa_forfait_logement',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'RSA - Forfait logement (logé gratuitement, propriétaire sans emprunt ou aide au logement)',
  reference: ["Code de l'action sociale et des familles, art. R262-9 et R262-10"],
  formulas: {
    '2009-06-01': (ctx, period) => forfaitLogement(ctx, period, base(ctx, period), rates(ctx, period)),
  },
});

export const rsa_base_ressources_prestations_familiales = defineVariable({
  name: 'rsa_base_ressources_prestations_familiales',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Prestations familiales du mois comptées dans les ressources du RSA',
  reference: ["Code de l'action sociale et des familles, art. R262-6 et R262-11 (ARS et prime de naissance exclues)"],
  documentation:
    "Comme OpenFisca-France : allocations familiales sans les majorations pour âge ni le forfait (af_base), complément familial, ASF et allocation de base de la PAJE du mois de droit. L'ARS et la prime à la naissance ou à l'adoption ne sont pas comptées.",
  formulas: {
    '2009-06-01': (ctx, period) => {
      const afBase = ctx.calc('af_base', period);
      const af = ctx.calc('af', period);
      const cf = ctx.calc('cf', period);
      const asf = ctx.calc('asf', period);
      const pajeBase = ctx.calc('paje_base', period);
      return mapColumn(Float64Array, afBase, (a, g) => Math.min(a, af[g]!) + cf[g]! + asf[g]! + pajeBase[g]!);
    },
  },
});

export const rsa_base_ressources = defineVariable({
  name: 'rsa_base_ressources',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'RSA - Ressources mensuelles prises en compte (moyenne des trois mois de référence et prestations familiales)',
  reference: ["Code de l'action sociale et des familles, art. L262-3, R262-6 et R262-7"],
  documentation:
    "Salaires nets et pensions alimentaires de tous les membres du foyer, moyenne des mois M-3 à M-1 (M-4 à M-2 dans les départements de l'expérimentation depuis octobre 2024), plus les prestations familiales du mois.",
  formulas: {
    '2009-06-01': (ctx, period) => {
      const moyenne = averageOverReferenceMonths(ctx, period, (m) =>
        ctx.sum('famille', addColumns(ctx.calc('salaire_net', m), ctx.calc('pensions_alimentaires_percues', m))),
      );
      const pf = ctx.calc('rsa_base_ressources_prestations_familiales', period);
      return moyenne.map((r, g) => r + pf[g]!);
    },
  },
});

export const rsa_jeune_condition_heures_travail_remplie = defineVariable({
  name: 'rsa_jeune_condition_heures_travail_remplie',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label:
    'A travaillé au moins 3 214 heures (deux ans à temps plein) au cours des trois années précédentes (RSA jeune actif, moins de 25 ans)',
  reference: ["Code de l'action sociale et des familles, art. L262-7-1 et D262-25-1"],
});

export const rsa_eligibilite = defineVariable({
  name: 'rsa_eligibilite',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'RSA - Condition d’âge : au moins 25 ans, ou un enfant à charge, ou une grossesse',
  reference: ["Code de l'action sociale et des familles, art. L262-4"],
  documentation:
    "Non vérifiés par Guichet : la résidence stable et le titre de séjour. Répondu « non pris en charge » : le RSA jeune actif, les étudiants, stagiaires et apprentis (L262-4, 4°), les travailleurs indépendants, Mayotte, les allocations chômage, retraites et l'AAH dans les ressources.",
  formulas: {
    '2009-06-01': (ctx, period) => {
      refuseUnsupportedSituations(ctx, period, 'RSA');
      const ageMin = ctx.param(RSA_RSA_COND_AGE_MINIMUM_ALLOCATAIRE, period);
      const age = ctx.calc('age', period);
      const enceinte = ctx.calc('enceinte', period);
      const { role } = ctx.members('famille');
      const jeuneActif = ctx.calc('rsa_jeune_condition_heures_travail_remplie', period);
      ctx.refuse(
        "non pris en charge : RSA — RSA jeune actif (moins de 25 ans ayant travaillé l'équivalent de deux ans sur les trois dernières années) pas encore encodé",
        'individu',
        jeuneActif,
        (j, i) => j && role[i] === FAMILLE_PARENT && age[i]! < ageMin,
      );
      const adulte = mapColumn(Uint8Array, age, (a, i) =>
        role[i] === FAMILLE_PARENT && (a >= ageMin || enceinte[i]) ? 1 : 0,
      );
      const adultes = ctx.count('famille', adulte);
      const enfants = ctx.calc('rsa_nb_enfants', period);
      return mapColumn(Uint8Array, adultes, (n, g) => (n > 0 || enfants[g]! > 0 ? 1 : 0));
    },
  },
});

export const rsa_montant = defineVariable({
  name: 'rsa_montant',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'RSA - Montant avant seuil de versement',
  reference: ["Code de l'action sociale et des familles, art. L262-2"],
  formulas: {
    '2009-06-01': (ctx, period) => {
      const eligible = ctx.calc('rsa_eligibilite', period);
      const majore = ctx.calc('rsa_majore_eligibilite', period);
      const socle = ctx.calc('rsa_socle', period);
      const socleMajore = ctx.calc('rsa_socle_majore', period);
      const forfait = ctx.calc('rsa_forfait_logement', period);
      const ressources = ctx.calc('rsa_base_ressources', period);
      return mapColumn(Float64Array, eligible, (e, g) =>
        e ? Math.max(0, (majore[g] ? socleMajore[g]! : socle[g]!) - forfait[g]! - ressources[g]!) : 0,
      );
    },
  },
});

export const rsa = defineVariable({
  name: 'rsa',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Revenu de solidarité active (RSA)',
  reference: ["Code de l'action sociale et des familles, art. L262-2 et D262-23 (non versé sous 6 €)"],
  formulas: {
    '2009-06-01': (ctx, period) => {
      const seuil = ctx.param(RSA_MONTANT_MINIMUM_VERSE, period);
      return mapColumn(Float64Array, ctx.calc('rsa_montant', period), (m) => (m >= seuil ? m : 0));
    },
  },
});

const addColumns = (a: ArrayLike<number>, b: ArrayLike<number>): Float64Array =>
  mapColumn(Float64Array, a, (x, i) => x + b[i]!);

export const VARIABLES = [
  rsa_jeune_condition_heures_travail_remplie,
  rsa_socle,
  rsa_socle_majore,
  rsa_forfait_logement,
  rsa_base_ressources_prestations_familiales,
  rsa_base_ressources,
  rsa_eligibilite,
  rsa_montant,
  rsa,
];
