// What a person does and earns besides a salary, with OpenFisca-France's names: studies,
// self-employment, unemployment benefits, the disability rate, where the household lives.
// Guichet reads them first to refuse (as "not supported") the situations whose rules it does
// not compute yet, rather than give a wrong amount.
import { defineVariable } from '../engine/variable.ts';

export const etudiant = defineVariable({
  name: 'etudiant',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Élève ou étudiant',
});

export const stagiaire = defineVariable({
  name: 'stagiaire',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Stagiaire (au sens de l’article L124-1 du code de l’éducation)',
});

export const apprenti = defineVariable({
  name: 'apprenti',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Apprenti (au sens de l’article L6211-1 du code du travail)',
});

export const rpns_imposables = defineVariable({
  name: 'rpns_imposables',
  entity: 'individu',
  definitionPeriod: 'year',
  valueType: 'float',
  unit: 'currency',
  label: 'Revenus imposables des professions non salariées (travailleurs indépendants)',
});

export const rpns_micro_entreprise_chiffre_affaires = defineVariable({
  name: 'rpns_micro_entreprise_chiffre_affaires',
  entity: 'individu',
  definitionPeriod: 'year',
  valueType: 'float',
  unit: 'currency',
  label: "Chiffre d'affaires d'une micro-entreprise (auto-entrepreneur)",
});

export const rpns_benefice_exploitant_agricole = defineVariable({
  name: 'rpns_benefice_exploitant_agricole',
  entity: 'individu',
  definitionPeriod: 'year',
  valueType: 'float',
  unit: 'currency',
  label: "Bénéfice d'un exploitant agricole",
});

export const rpns_autres_revenus = defineVariable({
  name: 'rpns_autres_revenus',
  entity: 'individu',
  definitionPeriod: 'year',
  valueType: 'float',
  unit: 'currency',
  label: 'Autres revenus non salariés (bénéfices industriels, commerciaux ou non commerciaux)',
});

/** The self-employment incomes a formula checks before answering. */
export const REVENUS_NON_SALARIES = [
  'rpns_imposables',
  'rpns_micro_entreprise_chiffre_affaires',
  'rpns_benefice_exploitant_agricole',
  'rpns_autres_revenus',
] as const;

export const chomage_net = defineVariable({
  name: 'chomage_net',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Allocations chômage nettes (allocation d'aide au retour à l'emploi…)",
});

export const taux_incapacite = defineVariable({
  name: 'taux_incapacite',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: '/1',
  label: "Taux d'incapacité reconnu par la commission des droits et de l'autonomie (CDAPH), de 0 à 1",
});

export const residence_mayotte = defineVariable({
  name: 'residence_mayotte',
  entity: 'menage',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Le ménage réside à Mayotte',
});

export const ACTIVITE_VARIABLES = [
  etudiant,
  stagiaire,
  apprenti,
  rpns_imposables,
  rpns_micro_entreprise_chiffre_affaires,
  rpns_benefice_exploitant_agricole,
  rpns_autres_revenus,
  chomage_net,
  taux_incapacite,
  residence_mayotte,
];
