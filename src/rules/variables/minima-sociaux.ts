// What RSA and prime d'activité share (CASF L262-2 to L262-10, CSS L842-3 to L842-7): the household
// as they count it (parents and children under 25), the isolated-parent majoration, the resources
// of the three reference months, and the forfait logement (housing advantage counted as income).
import { FAMILLE_ENFANT, FAMILLE_PARENT, type EntityKey } from '../engine/entities.ts';
import { month, year, type Period } from '../engine/period.ts';
import { defineVariable, type FormulaContext } from '../engine/variable.ts';
import { REVENUS_NON_SALARIES } from './activite.ts';
import { statutOccupation, valueOfDemandeurMenage } from './logement.ts';
import { mapColumn } from '../engine/columns.ts';

const MS = 'prestations_sociales.solidarite_insertion.minima_sociaux';
export const RSA = `${MS}.rsa`;
const RSA_EXPERIMENTATION_DECALAGE_MOIS = `${RSA}.experimentation.decalage_mois`;
const RSA_MAJORATION_ISOLEMENT_AGE_LIMITE_ENFANT = `${RSA}.majoration_isolement.age_limite_enfant`;
const RSA_RSA_COND_AGE_PAC = `${RSA}.rsa_cond.age_pac`;
const RSA_RSA_FL_FORFAIT_LOGEMENT_TAUX_1_PERSONNE = `${RSA}.rsa_fl.forfait_logement.taux_1_personne`;
const RSA_RSA_FL_FORFAIT_LOGEMENT_TAUX_2_PERSONNES = `${RSA}.rsa_fl.forfait_logement.taux_2_personnes`;
const RSA_RSA_FL_FORFAIT_LOGEMENT_TAUX_3_PERSONNES_OU_PLUS = `${RSA}.rsa_fl.forfait_logement.taux_3_personnes_ou_plus`;
const AAH_TAUX = 'prestations_sociales.prestations_etat_de_sante.invalidite.aah.taux_capacite';
const AAH_TAUX_TAUX_INCAPACITE_RSDAE = `${AAH_TAUX}.taux_incapacite_rsdae`;

export const nb_parents = defineVariable({
  name: 'nb_parents',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'int',
  label: 'Nombre de parents (allocataire et conjoint) dans la famille',
  formulas: {
    '0001-01-01': (ctx) =>
      ctx.count('famille', new Uint8Array(ctx.members('famille').group.length).fill(1), FAMILLE_PARENT),
  },
});

export const enceinte = defineVariable({
  name: 'enceinte',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Est enceinte',
});

export const rsa_isolement_recent = defineVariable({
  name: 'rsa_isolement_recent',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Parent isolé depuis moins de 12 mois (ou 18 mois : majoration prolongée, CASF R262-1)',
});

export const departement_experimentation_rsa = defineVariable({
  name: 'departement_experimentation_rsa',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Résidence dans un département de l'expérimentation du calcul des ressources du RSA (mois M-4 à M-2)",
});

export const rsa_enfant_a_charge = defineVariable({
  name: 'rsa_enfant_a_charge',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Enfant à charge au sens du RSA et de la prime d’activité (moins de 25 ans)',
  reference: ["Code de l'action sociale et des familles, art. R262-3"],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const ageMax = ctx.param(RSA_RSA_COND_AGE_PAC, period);
      const age = ctx.calc('age', period);
      const { role } = ctx.members('famille');
      return mapColumn(Uint8Array, age, (a, i) => (role[i] === FAMILLE_ENFANT && a >= 0 && a < ageMax ? 1 : 0));
    },
  },
});

export const rsa_nb_enfants = defineVariable({
  name: 'rsa_nb_enfants',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'int',
  label: 'Nombre d’enfants à charge au sens du RSA et de la prime d’activité',
  formulas: {
    '0001-01-01': (ctx, period) => ctx.count('famille', ctx.calc('rsa_enfant_a_charge', period), FAMILLE_ENFANT),
  },
});

export const rsa_majore_eligibilite = defineVariable({
  name: 'rsa_majore_eligibilite',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label:
    'Majoration pour isolement (RSA majoré, prime d’activité majorée) : parent isolé enceinte, avec un enfant de moins de 3 ans, ou isolé depuis peu',
  reference: [
    "Code de l'action sociale et des familles, art. L262-9 et R262-1",
    'Code de la sécurité sociale, art. L842-7',
  ],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const ageLimite = ctx.param(RSA_MAJORATION_ISOLEMENT_AGE_LIMITE_ENFANT, period);
      const parents = ctx.calc('nb_parents', period);
      const enfants = ctx.calc('rsa_nb_enfants', period);
      const recent = ctx.calc('rsa_isolement_recent', period);
      const { role } = ctx.members('famille');
      const age = ctx.calc('age', period);
      const aCharge = ctx.calc('rsa_enfant_a_charge', period);
      const enceinte = ctx.calc('enceinte', period);
      const young = new Uint8Array(role.length);
      const pregnant = new Uint8Array(role.length);
      for (let i = 0; i < role.length; i++) {
        young[i] = aCharge[i] && age[i]! < ageLimite ? 1 : 0;
        pregnant[i] = role[i] === FAMILLE_PARENT && enceinte[i] ? 1 : 0;
      }
      const nbYoung = ctx.count('famille', young);
      const nbPregnant = ctx.count('famille', pregnant);
      return mapColumn(Uint8Array, parents, (p, g) =>
        p === 1 && (nbPregnant[g]! > 0 || nbYoung[g]! > 0 || (enfants[g]! > 0 && recent[g])) ? 1 : 0,
      );
    },
  },
});

/** Rate of the montant forfaitaire for `persons` (CASF R262-1, CSS D843-1): +50 % for the second
 *  person, +30 % for each further one, +40 % from the third child or dependant (not the spouse). */
export const compositionRate = (
  persons: number,
  parents: number,
  rates: { deuxieme: number; troisieme: number; supp: number },
): number =>
  1 +
  (persons >= 2 ? rates.deuxieme : 0) +
  (persons >= 3 ? rates.troisieme : 0) +
  (persons >= 4 ? (parents === 1 ? rates.supp : rates.troisieme) : 0) +
  Math.max(persons - 4, 0) * rates.supp;

/** The three reference months of a right for month `period`, shifted back in the experimental
 *  départements (resources of M-4 to M-2): the families' shift in months, by row. */
export const referenceMonths = (ctx: FormulaContext, period: Period): { shift: Int32Array; months: Period[] } => {
  const decalage = ctx.param(RSA_EXPERIMENTATION_DECALAGE_MOIS, period);
  const experimentation = ctx.calc('departement_experimentation_rsa', period);
  const shift = mapColumn(Int32Array, experimentation, (e) => (e ? decalage : 0));
  let maxShift = 0; // a loop: Math.max(...shift) overflows the stack over a million rows
  for (const rows of shift) if (rows > maxShift) maxShift = rows;
  const months: Period[] = [];
  for (let k = 1; k <= 3 + maxShift; k++) months.push(month(period.year, period.month - k));
  return { shift, months };
};

/** For each famille, the average over its three reference months of a famille-level monthly amount. */
export const averageOverReferenceMonths = (
  ctx: FormulaContext,
  period: Period,
  ofMonth: (m: Period) => ArrayLike<number>,
): Float64Array => {
  const { shift, months } = referenceMonths(ctx, period);
  const total = new Float64Array(ctx.length);
  months.forEach((m, index) => {
    const values = ofMonth(m);
    for (let g = 0; g < total.length; g++) {
      const k = index + 1 - shift[g]!;
      if (k >= 1 && k <= 3) total[g]! += values[g]!;
    }
  });
  return total.map((t) => t / 3);
};

/** Forfait logement (CASF R262-9 and R262-10; the prime d'activité applies the same rates): housed free or owner
 *  without a loan, or receiving a housing aid (then at most that aid). `base` is the montant
 *  forfaitaire of one person; the rate applies to the amount for the household's size, capped at 3. */
export const forfaitLogement = (
  ctx: FormulaContext,
  period: Period,
  base: number,
  rates: { deuxieme: number; troisieme: number },
): Float64Array => {
  const parents = ctx.calc('nb_parents', period);
  const enfants = ctx.calc('rsa_nb_enfants', period);
  const aide = ctx.calc('aide_logement', period);
  const statut = valueOfDemandeurMenage(
    { famille: ctx.members('famille'), menage: ctx.members('menage') },
    ctx.length,
    ctx.calc('statut_occupation_logement', period),
  );
  const taux = [
    ctx.param(RSA_RSA_FL_FORFAIT_LOGEMENT_TAUX_1_PERSONNE, period),
    ctx.param(RSA_RSA_FL_FORFAIT_LOGEMENT_TAUX_2_PERSONNES, period),
    ctx.param(RSA_RSA_FL_FORFAIT_LOGEMENT_TAUX_3_PERSONNES_OU_PLUS, period),
  ];
  const proprietaire = statutOccupation('proprietaire');
  const gratuit = statutOccupation('loge_gratuitement');
  const result = new Float64Array(ctx.length);
  for (let g = 0; g < ctx.length; g++) {
    const persons = Math.min(parents[g]! + enfants[g]!, 3);
    const montant = base * (1 + (persons >= 2 ? rates.deuxieme : 0) + (persons >= 3 ? rates.troisieme : 0));
    const forfait = montant * taux[Math.max(persons, 1) - 1]!;
    const nature = statut[g] === proprietaire || statut[g] === gratuit ? forfait : 0;
    const aideLogement = aide[g]! > 0 ? Math.min(aide[g]!, forfait) : 0;
    result[g] = Math.max(nature, aideLogement);
  }
  return result;
};

/** Refuses, as "not supported" with the reason, the situations whose RSA or prime d'activité
 *  Guichet does not compute yet (CASF L262-4 and R262-6; CSS L842-2 and R844-1): any member
 *  self-employed in the year of right or the two before, a parent student, trainee or
 *  apprentice, a household in Mayotte (its own amounts), unemployment benefits or pensions in the
 *  reference months, a parent with a recognised disability rate opening the AAH (AAH counted in
 *  the resources). A wrong amount is worse than no amount. */
export const refuseUnsupportedSituations = (ctx: FormulaContext, period: Period, prestation: string): void => {
  const refuse = (
    reason: string,
    entity: EntityKey,
    values: ArrayLike<number>,
    test?: Parameters<FormulaContext['refuse']>[3],
  ) => ctx.refuse(`non pris en charge : ${prestation} — ${reason}`, entity, values, test);
  const { months } = referenceMonths(ctx, period);
  const monthsOfRight = [period, ...months];
  for (const m of monthsOfRight)
    refuse(
      'à Mayotte, montants et règles propres non encore encodés par Guichet',
      'menage',
      ctx.calc('residence_mayotte', m),
    );
  for (let y = period.year - 2; y <= period.year; y++)
    for (const name of REVENUS_NON_SALARIES)
      refuse(
        `revenus de travailleur indépendant (${name}, ${y}) : le calcul des ressources des non-salariés n'est pas encore encodé`,
        'individu',
        ctx.calc(name, year(y)),
      );
  const { role } = ctx.members('famille');
  const isParent = new Uint8Array(role.length);
  for (let i = 0; i < role.length; i++) isParent[i] = role[i] === FAMILLE_PARENT ? 1 : 0;
  const tauxAah = ctx.param(AAH_TAUX_TAUX_INCAPACITE_RSDAE, period);
  for (const m of monthsOfRight) {
    for (const [name, what] of [
      ['etudiant', 'élève ou étudiant'],
      ['stagiaire', 'stagiaire'],
      ['apprenti', 'apprenti'],
    ] as const)
      refuse(
        `un parent ${what} : les conditions propres aux étudiants, stagiaires et apprentis ne sont pas encore encodées`,
        'individu',
        ctx.calc(name, m),
        isParent,
      );
    refuse(
      'allocations chômage dans les ressources : pas encore comptées par Guichet',
      'individu',
      ctx.calc('chomage_net', m),
    );
    refuse(
      'pensions de retraite dans les ressources : pas encore comptées par Guichet',
      'individu',
      ctx.calc('retraite_brute', m),
    );
    refuse(
      "un parent avec un taux d'incapacité d'au moins 50 % : l'AAH et ses règles propres dans les ressources ne sont pas encore encodées",
      'individu',
      ctx.calc('taux_incapacite', m),
      (t, i) => t >= tauxAah && isParent[i],
    );
  }
};
