// Complémentaire santé solidaire (CSS L861-1 to L861-3, R861-2 to R861-10, D861-1 to D861-3):
// free for a foyer whose resources of the twelve months before the request are at most a ceiling
// by household size, with a monthly participation by age (8 to 30 € a person) up to a ceiling 35 %
// higher. The foyer: the claimant, the spouse and the dependent children under 25. Names as in
// OpenFisca-France (cmu_c, cmu_c_plafond, acs_plafond, css_cmu_base_ressources,
// css_participation_forfaitaire…), plus `complementaire_sante_solidaire` (entitled, free or not).
import { FAMILLE_ENFANT, FAMILLE_PARENT } from '../../engine/entities.ts';
import { fullYears, month, year, type Period } from '../../engine/period.ts';
import { defineVariable, type FormulaContext } from '../../engine/variable.ts';
import { REVENUS_NON_SALARIES } from '../../variables/activite.ts';
import { statutOccupation, valueOfDemandeurMenage } from '../../variables/logement.ts';
import { mapColumn } from '../../engine/columns.ts';

const CSS = 'prestations_sociales.solidarite_insertion.minima_sociaux.cs.css';
const CSS_AGE_LIMITE_ENFANT = `${CSS}.age_limite_enfant`;
const RSA = 'prestations_sociales.solidarite_insertion.minima_sociaux.rsa';
const RSA_MAJORATION_RSA_TAUX_DEUXIEME_PERSONNE = `${RSA}.majoration_rsa.taux_deuxieme_personne`;
const RSA_MAJORATION_RSA_TAUX_TROISIEME_PERSONNE = `${RSA}.majoration_rsa.taux_troisieme_personne`;
const RSA_RSA_M_MONTANT_DE_BASE_DU_RSA = `${RSA}.rsa_m.montant_de_base_du_rsa`;
const AAH_RSDAE = 'prestations_sociales.prestations_etat_de_sante.invalidite.aah.taux_capacite.taux_incapacite_rsdae';

const notSupported = (reason: string): string => `non pris en charge : complémentaire santé solidaire — ${reason}`;

/** The twelve calendar months before the month of the request (CSS R861-8). */
const referenceYear = (period: Period): Period => ({ ...month(period.year, period.month - 12), size: 12 });

export const salarie_regime_alsace_moselle = defineVariable({
  name: 'salarie_regime_alsace_moselle',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Relève du régime local d'assurance maladie d'Alsace-Moselle",
});

export const css_membre_foyer = defineVariable({
  name: 'css_membre_foyer',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Membre du foyer de la complémentaire santé solidaire (parent, ou enfant à charge de moins de 25 ans)',
  reference: ['Code de la sécurité sociale, art. R861-2'],
  formulas: {
    '2023-04-01': (ctx, period) => {
      const ageLimite = ctx.param(CSS_AGE_LIMITE_ENFANT, period);
      const age = ctx.calc('age', period);
      const { role } = ctx.members('famille');
      return mapColumn(Uint8Array, age, (a, i) =>
        role[i] === FAMILLE_PARENT || (role[i] === FAMILLE_ENFANT && a >= 0 && a < ageLimite) ? 1 : 0,
      );
    },
  },
});

const ceiling = (
  ctx: FormulaContext,
  period: Period,
  table: 'plafond_sans_participation' | 'plafond_avec_participation',
) => {
  const p = (name: string) => ctx.param(`${CSS}.${table}.${name}`, period);
  const bySize = [p('une_personne'), p('deux_personnes'), p('trois_personnes'), p('quatre_personnes')];
  const extra = p('par_personne_supplementaire');
  const members = ctx.count('famille', ctx.calc('css_membre_foyer', period));
  return mapColumn(Float64Array, members, (n) => {
    const size = Math.max(n, 1);
    return size <= 4 ? bySize[size - 1]! : bySize[3]! + (size - 4) * extra;
  });
};

export const cmu_c_plafond = defineVariable({
  name: 'cmu_c_plafond',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Plafond annuel de ressources de la complémentaire santé solidaire sans participation (métropole)',
  reference: ['Code de la sécurité sociale, art. L861-1 et D861-1'],
  formulas: { '2023-04-01': (ctx, period) => ceiling(ctx, period, 'plafond_sans_participation') },
});

export const acs_plafond = defineVariable({
  name: 'acs_plafond',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Plafond annuel de ressources de la complémentaire santé solidaire avec participation (métropole)',
  reference: ['Code de la sécurité sociale, art. L861-1 et D861-1'],
  formulas: { '2023-04-01': (ctx, period) => ceiling(ctx, period, 'plafond_avec_participation') },
});

/** Situations whose resources or ceilings Guichet does not compute yet: refused with the reason. */
const refuseUnsupportedSituations = (ctx: FormulaContext, period: Period): void => {
  const reference = referenceYear(period);
  const membre = ctx.calc('css_membre_foyer', period);
  const refuse = (reason: string, values: ArrayLike<number>) =>
    ctx.refuse(notSupported(reason), 'individu', values, membre);
  for (const name of ['residence_mayotte', 'residence_dom'])
    ctx.refuse(
      notSupported('outre-mer et Mayotte : plafonds propres pas encore encodés'),
      'menage',
      ctx.calc(name, period),
    );
  refuse(
    "régime local d'Alsace-Moselle : participations propres pas encore encodées",
    ctx.calc('salarie_regime_alsace_moselle', period),
  );
  refuse('allocations chômage : abattement sur les salaires pas encore encodé', ctx.add('chomage_net', reference));
  refuse(
    "pensions de retraite : montants nets et abattements propres à l'ASPA pas encore encodés",
    ctx.add('retraite_brute', reference),
  );
  const tauxAah = ctx.param(AAH_RSDAE, period);
  ctx.refuse(
    notSupported("taux d'incapacité ouvrant l'AAH : AAH et abattements propres pas encore encodés"),
    'individu',
    ctx.calc('taux_incapacite', period),
    (t, i) => t >= tauxAah && membre[i],
  );
  for (let y = period.year - 2; y <= period.year; y++)
    for (const name of REVENUS_NON_SALARIES)
      refuse(`revenus de travailleur indépendant (${name}, ${y}) : pas encore encodés`, ctx.calc(name, year(y)));
};

export const css_forfait_logement = defineVariable({
  name: 'css_forfait_logement',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label:
    'Forfait logement annuel compté dans les ressources de la complémentaire santé solidaire (propriétaire, logé gratuitement ou aide au logement)',
  reference: ['Code de la sécurité sociale, art. R861-5 et R861-7'],
  documentation:
    "Douze fois le montant forfaitaire du RSA du foyer (trois personnes au plus) multiplié par 12 % (une personne), 14 % ou 16 % (deux), 14 % ou 16,5 % (trois et plus) selon qu'il s'agit d'un propriétaire ou logé gratuitement, ou d'un bénéficiaire d'une aide au logement (dans ce cas au plus douze fois l'aide du mois), comme OpenFisca-France.",
  formulas: {
    '2023-04-01': (ctx, period) => {
      const montant = ctx.param(RSA_RSA_M_MONTANT_DE_BASE_DU_RSA, period);
      const deuxieme = ctx.param(RSA_MAJORATION_RSA_TAUX_DEUXIEME_PERSONNE, period);
      const troisieme = ctx.param(RSA_MAJORATION_RSA_TAUX_TROISIEME_PERSONNE, period);
      const taux = (table: string) =>
        ['taux_1_personne', 'taux_2_personnes', 'taux_3_personnes_ou_plus'].map((name) =>
          ctx.param(`${CSS}.${table}.${name}`, period),
        );
      const sansAide = taux('forfait_logement_sans_al');
      const avecAide = taux('forfait_logement_avec_al');
      const membres = ctx.count('famille', ctx.calc('css_membre_foyer', period));
      const statut = valueOfDemandeurMenage(
        { famille: ctx.members('famille'), menage: ctx.members('menage') },
        ctx.length,
        ctx.calc('statut_occupation_logement', period),
      );
      const aide = ctx.calc('aide_logement', period);
      return mapColumn(Float64Array, membres, (n, g) => {
        const size = Math.min(Math.max(n, 1), 3);
        const rsaAnnuel = 12 * montant * (1 + (size >= 2 ? deuxieme : 0) + (size >= 3 ? troisieme : 0));
        const enNature =
          statut[g] === statutOccupation('proprietaire') || statut[g] === statutOccupation('loge_gratuitement');
        const nature = enNature ? rsaAnnuel * sansAide[size - 1]! : 0;
        const aideLogement = aide[g]! > 0 ? Math.min(12 * aide[g]!, rsaAnnuel * avecAide[size - 1]!) : 0;
        return nature + aideLogement;
      });
    },
  },
});

export const css_cmu_base_ressources = defineVariable({
  name: 'css_cmu_base_ressources',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Ressources annuelles du foyer prises en compte pour la complémentaire santé solidaire',
  reference: [
    'Code de la sécurité sociale, art. R861-4 et R861-8 (douze mois civils précédant la demande)',
    'Code de la sécurité sociale, art. R861-10 (ressources exclues : ARS, allocation de base de la PAJE, RSA, prime d’activité…)',
  ],
  documentation:
    'Salaires nets et pensions alimentaires perçues des membres du foyer, allocations familiales, complément familial et ASF des douze mois civils précédant le mois de la demande, comme OpenFisca-France (prestations familiales brutes de CRDS). Plus le forfait logement (css_forfait_logement). Répondu « non pris en charge » : chômage, retraites, AAH, revenus non salariés, outre-mer, Alsace-Moselle. Non comptée : la PreParE (non calculée).',
  formulas: {
    '2023-04-01': (ctx, period) => {
      refuseUnsupportedSituations(ctx, period);
      const reference = referenceYear(period);
      const membre = ctx.calc('css_membre_foyer', period);
      const salaires = ctx.add('salaire_net', reference);
      const pensions = ctx.add('pensions_alimentaires_percues', reference);
      const individuel = ctx.sum(
        'famille',
        mapColumn(Float64Array, salaires, (s, i) => (membre[i] ? s + pensions[i]! : 0)),
      );
      // Family benefits only where there are children: no need of their N-2 ceilings otherwise.
      const forfait = ctx.calc('css_forfait_logement', period);
      const ressources = mapColumn(Float64Array, individuel, (r, g) => r + forfait[g]!);
      if (!ctx.members('famille').role.some((r) => r === FAMILLE_ENFANT)) return ressources;
      const af = ctx.add('af', reference);
      const cf = ctx.add('cf', reference);
      const asf = ctx.add('asf', reference);
      return mapColumn(Float64Array, ressources, (r, g) => r + af[g]! + cf[g]! + asf[g]!);
    },
  },
});

export const cmu_c = defineVariable({
  name: 'cmu_c',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Complémentaire santé solidaire sans participation financière (ex-CMU-C)',
  reference: ['Code de la sécurité sociale, art. L861-1 (1°)'],
  formulas: {
    '2023-04-01': (ctx, period) => {
      const ressources = ctx.calc('css_cmu_base_ressources', period);
      const plafond = ctx.calc('cmu_c_plafond', period);
      return mapColumn(Uint8Array, ressources, (r, g) => (r <= plafond[g]! ? 1 : 0));
    },
  },
});

export const complementaire_sante_solidaire = defineVariable({
  name: 'complementaire_sante_solidaire',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Droit à la complémentaire santé solidaire, gratuite ou avec participation financière',
  reference: ['Code de la sécurité sociale, art. L861-1'],
  documentation:
    "Variable propre à Guichet : vrai si les ressources ne dépassent pas le plafond avec participation (cmu_c dit si elle est gratuite). Non vérifiés : la résidence stable et régulière, l'affiliation à l'assurance maladie.",
  formulas: {
    '2023-04-01': (ctx, period) => {
      const ressources = ctx.calc('css_cmu_base_ressources', period);
      const plafond = ctx.calc('acs_plafond', period);
      return mapColumn(Uint8Array, ressources, (r, g) => (r <= plafond[g]! ? 1 : 0));
    },
  },
});

export const css_participation_forfaitaire_montant_i = defineVariable({
  name: 'css_participation_forfaitaire_montant_i',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Participation financière mensuelle d'une personne selon son âge au 1er janvier",
  reference: ['Code de la sécurité sociale, art. L861-1 (2°) et D861-3'],
  documentation:
    "Âge apprécié au 1er janvier de l'année d'attribution du droit (OpenFisca-France prend l'âge du mois).",
  formulas: {
    '2023-04-01': (ctx, period) => {
      const p = (name: string) => ctx.param(`${CSS}.${name}`, period);
      const seuils = [
        p('age_debut_tranche.de_30_a_49_ans'),
        p('age_debut_tranche.de_50_a_59_ans'),
        p('age_debut_tranche.de_60_a_69_ans'),
        p('age_debut_tranche.70_ans_et_plus'),
      ];
      const montants = [
        p('participation_forfaitaire.moins_de_30_ans'),
        p('participation_forfaitaire.de_30_a_49_ans'),
        p('participation_forfaitaire.de_50_a_59_ans'),
        p('participation_forfaitaire.de_60_a_69_ans'),
        p('participation_forfaitaire.70_ans_et_plus'),
      ];
      ctx.refuse(
        notSupported("régime local d'Alsace-Moselle : participations propres pas encore encodées"),
        'individu',
        ctx.calc('salarie_regime_alsace_moselle', period),
      );
      const birth = ctx.calc('date_naissance', period);
      return mapColumn(Float64Array, birth, (b) => {
        const age = fullYears(b, period.year, 1, 1);
        return montants[seuils.filter((s) => age >= s).length]!;
      });
    },
  },
});

export const css_participation_forfaitaire_montant = defineVariable({
  name: 'css_participation_forfaitaire_montant',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Participation financière mensuelle du foyer s'il y a droit avec participation",
  formulas: {
    '2023-04-01': (ctx, period) => {
      const membre = ctx.calc('css_membre_foyer', period);
      const parPersonne = ctx.calc('css_participation_forfaitaire_montant_i', period);
      return ctx.sum(
        'famille',
        mapColumn(Float64Array, parPersonne, (m, i) => (membre[i] ? m : 0)),
      );
    },
  },
});

export const css_participation_forfaitaire = defineVariable({
  name: 'css_participation_forfaitaire',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Participation financière mensuelle due à la complémentaire santé solidaire (0 si gratuite ou sans droit)',
  reference: ['Code de la sécurité sociale, art. L861-1 (2°) et D861-3'],
  formulas: {
    '2023-04-01': (ctx, period) => {
      const gratuite = ctx.calc('cmu_c', period);
      const droit = ctx.calc('complementaire_sante_solidaire', period);
      const montant = ctx.calc('css_participation_forfaitaire_montant', period);
      return mapColumn(Float64Array, montant, (m, g) => (droit[g] && !gratuite[g] ? m : 0));
    },
  },
});

export const VARIABLES = [
  salarie_regime_alsace_moselle,
  css_membre_foyer,
  cmu_c_plafond,
  acs_plafond,
  css_forfait_logement,
  css_cmu_base_ressources,
  cmu_c,
  complementaire_sante_solidaire,
  css_participation_forfaitaire_montant_i,
  css_participation_forfaitaire_montant,
  css_participation_forfaitaire,
];
