// Allocation aux adultes handicapés (CSS L821-1 to L821-3-1, D821-1 to D821-3, R821-4-1, D821-9):
// for a person of at least 20 with a disability rate of 80 %, or 50 to 79 % with a restriction
// substantielle et durable pour l'accès à l'emploi, the difference between a resources ceiling
// (12 monthly amounts, +50 % per dependent child) and the person's resources, at most the monthly
// amount. Since 1 October 2023 the spouse's resources no longer count (déconjugalisation).
// Resources Guichet computes: the salaries of the three months before, after the abattement of
// D821-9 (80 % up to 30 % of the monthly Smic, 40 % above). Paid by the CAF or the MSA.
import { FAMILLE_PARENT } from '../../engine/entities.ts';
import { lastThreeMonths, monthsOf, year, type Period } from '../../engine/period.ts';
import { defineVariable, type FormulaContext } from '../../engine/variable.ts';
import { REVENUS_NON_SALARIES } from '../../variables/activite.ts';
import { mapColumn } from '../../engine/columns.ts';

const AAH = 'prestations_sociales.prestations_etat_de_sante.invalidite.aah';
const AAH_AGE_LEGAL_RETRAITE = `${AAH}.age_legal_retraite`;
const AAH_AGE_MINIMAL = `${AAH}.age_minimal`;
const AAH_MAJORATION_PLAFOND_MAJORATION_PAR_ENFANT_SUPPLEMENTAIRE = `${AAH}.majoration_plafond.majoration_par_enfant_supplementaire`;
const AAH_MONTANT = `${AAH}.montant`;
const AAH_TAUX_CAPACITE_TAUX_INCAPACITE = `${AAH}.taux_capacite.taux_incapacite`;
const AAH_TAUX_CAPACITE_TAUX_INCAPACITE_RSDAE = `${AAH}.taux_capacite.taux_incapacite_rsdae`;
const AAH_TRAVAIL_ORDINAIRE_ABATTEMENT_30 = `${AAH}.travail_ordinaire.abattement_30`;
const AAH_TRAVAIL_ORDINAIRE_ABATTEMENT_SUP = `${AAH}.travail_ordinaire.abattement_sup`;
const AAH_TRAVAIL_ORDINAIRE_TRANCHE_SMIC = `${AAH}.travail_ordinaire.tranche_smic`;
const SMIC = 'marche_travail.salaire_minimum.smic';
const SMIC_NB_HEURES_TRAVAIL_MENSUEL = `${SMIC}.nb_heures_travail_mensuel`;
const SMIC_SMIC_B_HORAIRE = `${SMIC}.smic_b_horaire`;

const notSupported = (reason: string): string => `non pris en charge : AAH — ${reason}`;

export const aah_restriction_substantielle_durable_acces_emploi = defineVariable({
  name: 'aah_restriction_substantielle_durable_acces_emploi',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Restriction substantielle et durable pour l'accès à l'emploi (RSDAE) reconnue par la CDAPH",
  reference: ['Code de la sécurité sociale, art. L821-2 et D821-1-2'],
});

export const aah_eligible = defineVariable({
  name: 'aah_eligible',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "AAH - Conditions d'âge et de taux d'incapacité (80 %, ou 50 à 79 % avec RSDAE)",
  reference: ['Code de la sécurité sociale, art. L821-1, L821-2 et D821-1'],
  documentation:
    "Non vérifiées par Guichet : la résidence et le titre de séjour. Répondu « non pris en charge » : un parent de 16 à 19 ans qui n'est plus à la charge de ses parents, et l'âge légal de la retraite atteint (relais par la retraite ou l'ASPA).",
  formulas: {
    '2005-01-01': (ctx, period) => {
      const ageMin = ctx.param(AAH_AGE_MINIMAL, period);
      const ageRetraite = ctx.param(AAH_AGE_LEGAL_RETRAITE, period);
      const tauxPlein = ctx.param(AAH_TAUX_CAPACITE_TAUX_INCAPACITE, period);
      const tauxRsdae = ctx.param(AAH_TAUX_CAPACITE_TAUX_INCAPACITE_RSDAE, period);
      const age = ctx.calc('age', period);
      const taux = ctx.calc('taux_incapacite', period);
      const rsdae = ctx.calc('aah_restriction_substantielle_durable_acces_emploi', period);
      const { role } = ctx.members('famille');
      const incapacite = mapColumn(Uint8Array, taux, (t, i) =>
        t >= tauxPlein || (t >= tauxRsdae && rsdae[i]) ? 1 : 0,
      );
      ctx.refuse(
        notSupported(
          "l'âge légal de départ à la retraite est atteint (AAH différentielle après la retraite, relais par l'ASPA)",
        ),
        'individu',
        age,
        (a, i) => incapacite[i] && a >= ageRetraite,
      );
      ctx.refuse(
        notSupported('moins de 20 ans et plus à la charge de ses parents : ouverture dès 16 ans pas encore encodée'),
        'individu',
        age,
        (a, i) => incapacite[i] && a < ageMin && role[i] === FAMILLE_PARENT,
      );
      return mapColumn(Uint8Array, age, (a, i) => (incapacite[i] && a >= ageMin ? 1 : 0));
    },
  },
});

/** Average of the salaries of the three months before `period`, after the abattement of D821-9. */
const abattedSalaries = (ctx: FormulaContext, period: Period): Float64Array => {
  const smicMensuel = ctx.param(SMIC_SMIC_B_HORAIRE, period) * ctx.param(SMIC_NB_HEURES_TRAVAIL_MENSUEL, period);
  const tranche = ctx.param(AAH_TRAVAIL_ORDINAIRE_TRANCHE_SMIC, period) * smicMensuel;
  const abattement1 = ctx.param(AAH_TRAVAIL_ORDINAIRE_ABATTEMENT_30, period);
  const abattement2 = ctx.param(AAH_TRAVAIL_ORDINAIRE_ABATTEMENT_SUP, period);
  const salaires = ctx.add('salaire_imposable', lastThreeMonths(period));
  return mapColumn(Float64Array, salaires, (total) => {
    const moyenne = Math.max(0, total / 3);
    return (1 - abattement1) * Math.min(moyenne, tranche) + (1 - abattement2) * Math.max(0, moyenne - tranche);
  });
};

/** Resources Guichet does not count yet for the AAH: refused, never left out. */
const refuseUncountedResources = (ctx: FormulaContext, period: Period, eligible: Uint8Array): void => {
  const refuse = (reason: string, values: ArrayLike<number>) =>
    ctx.refuse(notSupported(reason), 'individu', values, eligible);
  for (const m of [period, ...monthsOf(lastThreeMonths(period))]) {
    refuse('allocations chômage dans les ressources : pas encore comptées', ctx.calc('chomage_net', m));
    refuse(
      "pensions de retraite ou d'invalidité dans les ressources : pas encore comptées",
      ctx.calc('retraite_brute', m),
    );
    refuse(
      'pensions alimentaires perçues dans les ressources : pas encore comptées',
      ctx.calc('pensions_alimentaires_percues', m),
    );
  }
  for (let y = period.year - 2; y <= period.year; y++)
    for (const name of REVENUS_NON_SALARIES)
      refuse(
        `revenus de travailleur indépendant (${name}, ${y}) : ressources annuelles des non-salariés pas encore encodées`,
        ctx.calc(name, year(y)),
      );
};

export const aah_base_ressources = defineVariable({
  name: 'aah_base_ressources',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'AAH - Ressources mensuelles prises en compte (salaires des trois mois précédents après abattement)',
  reference: [
    'Code de la sécurité sociale, art. L821-3, R821-4-1 (ressources trimestrielles) et D821-9 (abattement de 80 % puis 40 %)',
    'Loi n° 2022-1158 du 16 août 2022, art. 10 (déconjugalisation au 1er octobre 2023)',
  ],
  documentation:
    "Salaires imposables de la personne, moyenne des trois mois précédents, après un abattement de 80 % jusqu'à 30 % du Smic brut mensuel et de 40 % au-delà. Sans salaire ces trois mois, les revenus d'activité passés sont neutralisés (R821-4-4). Répondu « non pris en charge » : chômage, retraite, pension d'invalidité, pension alimentaire, revenus non salariés ; avant le 1er octobre 2023, un allocataire en couple (ressources du conjoint).",
  formulas: {
    '2011-01-01': (ctx, period) => {
      const eligible = ctx.calc('aah_eligible', period) as Uint8Array;
      const couple = ctx.project('famille', ctx.calc('en_couple', period));
      ctx.refuse(
        notSupported(
          'allocataire en couple avant le 1er octobre 2023 : calcul conjugalisé (ressources du conjoint) pas encore encodé',
        ),
        'individu',
        eligible,
        (e, i) => e && couple[i],
      );
      refuseUncountedResources(ctx, period, eligible);
      return abattedSalaries(ctx, period);
    },
    '2023-10-01': (ctx, period) => {
      refuseUncountedResources(ctx, period, ctx.calc('aah_eligible', period) as Uint8Array);
      return abattedSalaries(ctx, period);
    },
  },
});

export const aah_base = defineVariable({
  name: 'aah_base',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'AAH - Montant différentiel : plafond de ressources moins ressources, au plus le montant maximal',
  reference: ['Code de la sécurité sociale, art. L821-3, D821-2 (plafond, +50 % par enfant à charge) et D821-3'],
  formulas: {
    '2011-01-01': (ctx, period) => {
      const montant = ctx.param(AAH_MONTANT, period);
      const parEnfant = ctx.param(AAH_MAJORATION_PLAFOND_MAJORATION_PAR_ENFANT_SUPPLEMENTAIRE, period);
      const eligible = ctx.calc('aah_eligible', period);
      const enfants = ctx.project('famille', ctx.calc('af_nbenf', period));
      const ressources = ctx.calc('aah_base_ressources', period);
      const { role } = ctx.members('famille');
      return mapColumn(Float64Array, eligible, (e, i) => {
        if (!e) return 0;
        const plafond = montant * (1 + parEnfant * (role[i] === FAMILLE_PARENT ? enfants[i]! : 0));
        return Math.max(0, Math.min(montant, plafond - ressources[i]!));
      });
    },
  },
});

export const aah = defineVariable({
  name: 'aah',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocation aux adultes handicapés (AAH)',
  reference: ['Code de la sécurité sociale, art. L821-1 à L821-3-1'],
  documentation:
    "Montant mensuel dû à la personne. Non pris en compte : la réduction en cas d'hospitalisation ou d'incarcération de plus de 60 jours, le cumul intégral des six premiers mois d'une reprise d'activité, le maintien du calcul conjugalisé plus favorable pour les allocataires d'avant octobre 2023, le travail en ESAT, la majoration pour la vie autonome.",
  formulas: { '2011-01-01': (ctx, period) => ctx.calc('aah_base', period) },
});

export const VARIABLES = [
  aah_restriction_substantielle_durable_acces_emploi,
  aah_eligible,
  aah_base_ressources,
  aah_base,
  aah,
];
