// Allocations familiales (CSS art. L521-1 to L521-3, D521-1 to D521-3): a share of the BMAF for
// the 2nd child and each further one, modulated by N-2 resources in three tranches, with a
// complément dégressif just above each ceiling, a majoration pour âge per child (not for the
// eldest of two), and an allocation forfaitaire for a child reaching 20 in a family of 3 or more.
// Amounts are gross of CRDS, as in OpenFisca-France.
import { isAllZero, roundCents, type Column } from '../../engine/columns.ts';
import { FAMILLE_ENFANT } from '../../engine/entities.ts';
import { civilDate, type Period } from '../../engine/period.ts';
import { defineVariable, type FormulaContext } from '../../engine/variable.ts';

const PF = 'prestations_sociales.prestations_familiales';
const PF_BMAF = `${PF}.bmaf`;
const AF = `${PF}.af`;
const AF_ALLOCATION_FORFAITAIRE_AGE = `${AF}.allocation_forfaitaire.age`;
const AF_ALLOCATION_FORFAITAIRE_NB_ENFANTS_MIN = `${AF}.allocation_forfaitaire.nb_enfants_min`;
const AF_ALLOCATION_FORFAITAIRE_TAUX = `${AF}.allocation_forfaitaire.taux`;
const AF_MAJORATION_AGE_MINIMUM = `${AF}.majoration.age_minimum`;
const AF_MAJORATION_AGE_MINIMUM_NOUVEAU_REGIME = `${AF}.majoration.age_minimum_nouveau_regime`;
const AF_MAJORATION_DATE_NOUVEAU_REGIME = `${AF}.majoration.date_nouveau_regime`;
const AF_MAJORATION_TAUX = `${AF}.majoration.taux`;
const AF_MODULATION_MAJORATION_PLAFOND_PAR_ENFANT = `${AF}.modulation.majoration_plafond_par_enfant`;
const AF_MODULATION_PLAFOND_TRANCHE_1_BASE = `${AF}.modulation.plafond_tranche_1_base`;
const AF_MODULATION_PLAFOND_TRANCHE_2_BASE = `${AF}.modulation.plafond_tranche_2_base`;
const AF_MODULATION_TAUX_TRANCHE_1 = `${AF}.modulation.taux_tranche_1`;
const AF_MODULATION_TAUX_TRANCHE_2 = `${AF}.modulation.taux_tranche_2`;
const AF_MODULATION_TAUX_TRANCHE_3 = `${AF}.modulation.taux_tranche_3`;
const AF_NB_ENFANTS_MIN = `${AF}.nb_enfants_min`;
const AF_TAUX_DEUXIEME_ENFANT = `${AF}.taux.deuxieme_enfant`;
const AF_TAUX_ENFANT_SUPPLEMENTAIRE = `${AF}.taux.enfant_supplementaire`;

/** The two ceilings of a family's tranches, raised per dependent child (D521-3). */
const ceilings = (ctx: FormulaContext, period: Period) => {
  const n = ctx.calc('af_nbenf', period);
  const base1 = ctx.param(AF_MODULATION_PLAFOND_TRANCHE_1_BASE, period);
  const base2 = ctx.param(AF_MODULATION_PLAFOND_TRANCHE_2_BASE, period);
  const parEnfant = ctx.param(AF_MODULATION_MAJORATION_PLAFOND_PAR_ENFANT, period);
  const plafond1 = new Float64Array(ctx.length);
  const plafond2 = new Float64Array(ctx.length);
  for (let i = 0; i < ctx.length; i++) {
    plafond1[i] = base1 + n[i]! * parEnfant;
    plafond2[i] = base2 + n[i]! * parEnfant;
  }
  return { plafond1, plafond2 };
};

/** Monthly excess of resources over the ceiling the family crossed (0 in tranche 1). */
const monthlyExcess = (ctx: FormulaContext, period: Period): Float64Array => {
  const ressources = ctx.calc('prestations_familiales_base_ressources', period);
  const { plafond1, plafond2 } = ceilings(ctx, period);
  const excess = new Float64Array(ctx.length);
  for (let i = 0; i < ctx.length; i++) {
    const r = ressources[i]!;
    excess[i] = r > plafond2[i]! ? (r - plafond2[i]!) / 12 : r > plafond1[i]! ? (r - plafond1[i]!) / 12 : 0;
  }
  return excess;
};

/** Complément dégressif (D521-2 II): the modulated amount, less the monthly excess, if positive. */
const complement = (amount: Column, excess: Float64Array): Float64Array => {
  const result = new Float64Array(amount.length);
  for (let i = 0; i < amount.length; i++)
    result[i] = excess[i]! > 0 ? Math.max(0, roundCents(amount[i]! - excess[i]!)) : 0;
  return result;
};

export const af_taux_modulation = defineVariable({
  name: 'af_taux_modulation',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: '/1',
  label: 'Allocations familiales - taux de modulation selon les ressources',
  reference: ['Code de la sécurité sociale, art. L521-1 et D521-1', 'Code de la sécurité sociale, art. D521-3'],
  formulas: {
    '2015-07-01': (ctx, period) => {
      const ressources = ctx.calc('prestations_familiales_base_ressources', period);
      const { plafond1, plafond2 } = ceilings(ctx, period);
      const t1 = ctx.param(AF_MODULATION_TAUX_TRANCHE_1, period);
      const t2 = ctx.param(AF_MODULATION_TAUX_TRANCHE_2, period);
      const t3 = ctx.param(AF_MODULATION_TAUX_TRANCHE_3, period);
      const result = new Float64Array(ctx.length);
      for (let i = 0; i < ctx.length; i++) {
        const r = ressources[i]!;
        result[i] = r <= plafond1[i]! ? t1 : r <= plafond2[i]! ? t2 : t3;
      }
      return result;
    },
  },
});

export const af_base = defineVariable({
  name: 'af_base',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocations familiales - allocation de base (brute de CRDS)',
  reference: ['Code de la sécurité sociale, art. L521-1', 'Code de la sécurité sociale, art. D521-1, I'],
  formulas: {
    '2015-07-01': (ctx, period) => {
      const n = ctx.calc('af_nbenf', period);
      const modulation = ctx.calc('af_taux_modulation', period);
      const bmaf = ctx.param(PF_BMAF, period);
      const nbMin = ctx.param(AF_NB_ENFANTS_MIN, period);
      const deuxieme = ctx.param(AF_TAUX_DEUXIEME_ENFANT, period);
      const suivant = ctx.param(AF_TAUX_ENFANT_SUPPLEMENTAIRE, period);
      const result = new Float64Array(ctx.length);
      for (let i = 0; i < ctx.length; i++) {
        if (n[i]! < nbMin) continue;
        result[i] = roundCents(bmaf * (deuxieme + (n[i]! - nbMin) * suivant) * modulation[i]!);
      }
      return result;
    },
  },
});

/** Majoration pour âge, per child; `threshold` gives each child's age of entitlement. */
const majorationEnfant = (ctx: FormulaContext, period: Period, threshold: (birth: number) => number): Float64Array => {
  const aCharge = ctx.calc('prestations_familiales_enfant_a_charge', period);
  const age = ctx.calc('age', period);
  const birth = ctx.calc('date_naissance', period);
  const nbenf = ctx.project('famille', ctx.calc('af_nbenf', period));
  const base = ctx.project('famille', ctx.calc('af_base', period));
  const modulation = ctx.project('famille', ctx.calc('af_taux_modulation', period));
  const bmaf = ctx.param(PF_BMAF, period);
  const taux = ctx.param(AF_MAJORATION_TAUX, period);
  const nbMin = ctx.param(AF_NB_ENFANTS_MIN, period);
  // The eldest of a family of two children has no majoration (D521-2): one child only, even
  // for twins (the first listed), where OpenFisca-France excludes both.
  const { group, rank, count } = ctx.members('famille');
  const eldest = new Int32Array(count).fill(-1);
  for (let i = 0; i < ctx.length; i++) {
    if (!aCharge[i]) continue;
    const e = eldest[group[i]!]!;
    if (e < 0 || birth[i]! < birth[e]! || (birth[i] === birth[e] && rank[i]! < rank[e]!)) eldest[group[i]!] = i;
  }
  const result = new Float64Array(ctx.length);
  for (let i = 0; i < ctx.length; i++) {
    if (!aCharge[i] || base[i]! <= 0 || age[i]! < threshold(birth[i]!)) continue;
    if (nbenf[i] === nbMin && eldest[group[i]!] === i) continue;
    result[i] = roundCents(bmaf * taux * modulation[i]!);
  }
  return result;
};

export const af_majoration_enfant = defineVariable({
  name: 'af_majoration_enfant',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Allocations familiales - majoration pour âge applicable à l'enfant",
  reference: ['Code de la sécurité sociale, art. L521-3', 'Code de la sécurité sociale, art. D521-1 et D521-2'],
  formulas: {
    '2015-07-01': (ctx, period) => {
      const ageMinimum = ctx.param(AF_MAJORATION_AGE_MINIMUM, period);
      return majorationEnfant(ctx, period, () => ageMinimum);
    },
    // Décret of February 2026: a child whose 14th birthday falls on or after 1 March 2026 has
    // the majoration from 18; a child who was 14 before keeps it from 14.
    '2026-03-01': (ctx, period) => {
      const ancien = ctx.param(AF_MAJORATION_AGE_MINIMUM, period);
      const nouveau = ctx.param(AF_MAJORATION_AGE_MINIMUM_NOUVEAU_REGIME, period);
      const pivot = civilDate(ctx.paramDate(AF_MAJORATION_DATE_NOUVEAU_REGIME, period));
      // Born on or after this day ⇔ 14th (ancien) birthday on or after the pivot date.
      const bornFrom = Math.round(Date.UTC(pivot.y - ancien, pivot.m - 1, pivot.d) / 86_400_000);
      return majorationEnfant(ctx, period, (birth) => (birth >= bornFrom ? nouveau : ancien));
    },
  },
});

export const af_majoration = defineVariable({
  name: 'af_majoration',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocations familiales - majoration pour âge (brute de CRDS)',
  reference: ['Code de la sécurité sociale, art. L521-3'],
  formulas: {
    '2015-07-01': (ctx, period) => ctx.sum('famille', ctx.calc('af_majoration_enfant', period), FAMILLE_ENFANT),
  },
});

export const af_allocation_forfaitaire = defineVariable({
  name: 'af_allocation_forfaitaire',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocations familiales - allocation forfaitaire pour un enfant atteignant 20 ans',
  reference: ['Code de la sécurité sociale, art. L521-1, 2e alinéa', 'Code de la sécurité sociale, art. D521-1'],
  formulas: {
    '2015-07-01': (ctx, period) => {
      const age = ctx.calc('age', period);
      const autonome = ctx.calc('autonomie_financiere', period);
      const ageForfait = ctx.param(AF_ALLOCATION_FORFAITAIRE_AGE, period);
      const nbMin = ctx.param(AF_ALLOCATION_FORFAITAIRE_NB_ENFANTS_MIN, period);
      const taux = ctx.param(AF_ALLOCATION_FORFAITAIRE_TAUX, period);
      const bmaf = ctx.param(PF_BMAF, period);
      const { role } = ctx.members('famille');
      // Paid for one year: from the month the child is 20 on its first day, to the month before 21.
      const forfait = new Uint8Array(ctx.members('famille').group.length);
      for (let i = 0; i < forfait.length; i++)
        forfait[i] = role[i] === FAMILLE_ENFANT && age[i] === ageForfait && !autonome[i] ? 1 : 0;
      const enfants = ctx.count('famille', forfait);
      const nbenf = ctx.calc('af_nbenf', period);
      const modulation = ctx.calc('af_taux_modulation', period);
      const result = new Float64Array(ctx.length);
      for (let g = 0; g < ctx.length; g++) {
        if (!enfants[g] || nbenf[g]! + enfants[g]! < nbMin) continue;
        result[g] = enfants[g]! * roundCents(bmaf * taux * modulation[g]!);
      }
      return result;
    },
  },
});

export const af_complement_degressif = defineVariable({
  name: 'af_complement_degressif',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocations familiales - complément dégressif',
  reference: [
    'Code de la sécurité sociale, art. L521-1, dernier alinéa',
    'Code de la sécurité sociale, art. D521-2, II',
  ],
  formulas: {
    '2015-07-01': (ctx, period) => {
      const base = ctx.calc('af_base', period);
      const majoration = ctx.calc('af_majoration', period);
      const amount = new Float64Array(ctx.length);
      for (let i = 0; i < ctx.length; i++) amount[i] = base[i]! + majoration[i]!;
      return complement(amount, monthlyExcess(ctx, period));
    },
  },
});

export const af_allocation_forfaitaire_complement_degressif = defineVariable({
  name: 'af_allocation_forfaitaire_complement_degressif',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Allocations familiales - complément dégressif de l'allocation forfaitaire",
  reference: ['Code de la sécurité sociale, art. D521-2, II'],
  formulas: {
    '2015-07-01': (ctx, period) => {
      const forfait = ctx.calc('af_allocation_forfaitaire', period);
      // No allocation forfaitaire (most families): no complement, the resources are not asked.
      if (isAllZero(forfait)) return new Float64Array(ctx.length);
      return complement(forfait, monthlyExcess(ctx, period));
    },
  },
});

export const af = defineVariable({
  name: 'af',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocations familiales - total des allocations (brut de CRDS)',
  reference: ['Code de la sécurité sociale, art. L521-1 à L521-3'],
  documentation: 'Montant brut de CRDS, comme OpenFisca-France : la CAF verse ce montant moins 0,5 % de CRDS.',
  formulas: {
    '2015-07-01': (ctx, period) => {
      const parts = [
        ctx.calc('af_base', period),
        ctx.calc('af_majoration', period),
        ctx.calc('af_allocation_forfaitaire', period),
        ctx.calc('af_complement_degressif', period),
        ctx.calc('af_allocation_forfaitaire_complement_degressif', period),
      ];
      const total = new Float64Array(ctx.length);
      for (const part of parts) for (let i = 0; i < ctx.length; i++) total[i]! += part[i]!;
      return total;
    },
  },
});

export const VARIABLES = [
  af_taux_modulation,
  af_base,
  af_majoration_enfant,
  af_majoration,
  af_allocation_forfaitaire,
  af_complement_degressif,
  af_allocation_forfaitaire_complement_degressif,
  af,
];
