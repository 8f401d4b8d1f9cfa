// Allocation de solidarité aux personnes âgées (CSS L815-1 to L815-13, D815-1 to D815-2, R815-29):
// for people of 65 or more with low resources, the difference between a ceiling (single person or
// couple) and the resources of the last three months, up to a maximum (single amount for one
// beneficiary, couple amount when both are). Paid by the pension fund (Cnav, MSA…).
import { FAMILLE_PARENT } from '../../engine/entities.ts';
import { lastThreeMonths } from '../../engine/period.ts';
import { defineVariable } from '../../engine/variable.ts';
import { mapColumn } from '../../engine/columns.ts';

const ASPA = 'prestations_sociales.solidarite_insertion.minima_sociaux.aspa';
const ASPA_AGE_MIN = `${ASPA}.age_min`;
const ASPA_MONTANT_MAXIMAL_COUPLES = `${ASPA}.montant_maximal.couples`;
const ASPA_MONTANT_MAXIMAL_PERSONNES_SEULES = `${ASPA}.montant_maximal.personnes_seules`;

export const retraite_brute = defineVariable({
  name: 'retraite_brute',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Pensions de retraite brutes (base et complémentaires)',
});

export const aspa_eligibilite = defineVariable({
  name: 'aspa_eligibilite',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "ASPA - Condition d'âge (65 ans ; l'âge abaissé pour inaptitude n'est pas pris en charge)",
  reference: ['Code de la sécurité sociale, art. L815-1 et R815-1'],
  formulas: {
    '2009-01-01': (ctx, period) => {
      const ageMin = ctx.param(ASPA_AGE_MIN, period);
      const { role } = ctx.members('famille');
      return mapColumn(Uint8Array, ctx.calc('age', period), (a, i) =>
        role[i] === FAMILLE_PARENT && a >= ageMin ? 1 : 0,
      );
    },
  },
});

export const asi_aspa_base_ressources_individu = defineVariable({
  name: 'asi_aspa_base_ressources_individu',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'ASPA - Ressources mensuelles de la personne (moyenne des trois mois précédents)',
  reference: ['Code de la sécurité sociale, art. R815-22 et R815-29'],
  documentation:
    "Pensions de retraite brutes et pensions alimentaires perçues, moyenne des trois mois précédents. Non pris en charge : les revenus d'activité (abattement propre à l'ASPA), le patrimoine, la comparaison avec les douze derniers mois.",
  formulas: {
    '2009-01-01': (ctx, period) => {
      const months = lastThreeMonths(period);
      const salaires = ctx.add('salaire_net', months);
      // Only the couple of a family with a beneficiary: a salary elsewhere changes no ASPA.
      const { role } = ctx.members('famille');
      const beneficiaires = ctx.project(
        'famille',
        ctx.count('famille', ctx.calc('aspa_eligibilite', period), FAMILLE_PARENT),
      );
      ctx.refuse(
        "non pris en charge : les revenus d'activité des demandeurs de l'ASPA (abattement sur les salaires) ne sont pas encore calculés par Guichet",
        'individu',
        salaires,
        (s, i) => s > 0 && role[i] === FAMILLE_PARENT && beneficiaires[i]! > 0,
      );
      const retraites = ctx.add('retraite_brute', months);
      const pensions = ctx.add('pensions_alimentaires_percues', months);
      return mapColumn(Float64Array, retraites, (r, i) => (r + pensions[i]!) / 3);
    },
  },
});

export const aspa = defineVariable({
  name: 'aspa',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocation de solidarité aux personnes âgées (ASPA)',
  reference: ['Code de la sécurité sociale, art. L815-1, L815-4, L815-9 et D815-1'],
  documentation:
    'Montant pour la famille : différence entre le plafond (personne seule ou couple) et les ressources du couple, limitée au montant maximal (personne seule si un seul membre du couple est bénéficiaire).',
  formulas: {
    '2009-01-01': (ctx, period) => {
      const seul = ctx.param(ASPA_MONTANT_MAXIMAL_PERSONNES_SEULES, period);
      const couple = ctx.param(ASPA_MONTANT_MAXIMAL_COUPLES, period);
      const beneficiaires = ctx.count('famille', ctx.calc('aspa_eligibilite', period), FAMILLE_PARENT);
      const parents = ctx.calc('nb_parents', period);
      const ressources = ctx.sum('famille', ctx.calc('asi_aspa_base_ressources_individu', period), FAMILLE_PARENT);
      return mapColumn(Float64Array, beneficiaires, (n, g) => {
        if (n === 0) return 0;
        const plafond = parents[g] === 2 ? couple : seul;
        const maximum = n === 2 ? couple : seul;
        return Math.min(maximum, Math.max(0, plafond - ressources[g]!));
      });
    },
  },
});

export const VARIABLES = [retraite_brute, aspa_eligibilite, asi_aspa_base_ressources_individu, aspa];
