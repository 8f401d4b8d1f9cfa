// Inputs about children that several family benefits read, with OpenFisca-France's names.
import { defineVariable } from '../engine/variable.ts';

export const adoption = defineVariable({
  name: 'adoption',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Enfant adopté ou confié en vue d’adoption',
});

export const date_adoption = defineVariable({
  name: 'date_adoption',
  entity: 'individu',
  definitionPeriod: 'eternity',
  valueType: 'date',
  label: "Date d'arrivée au foyer de l'enfant adopté ou confié en vue d'adoption",
  // OpenFisca-France's default date: no adoption known.
  defaultValue: 0,
});

export const pensions_alimentaires_percues = defineVariable({
  name: 'pensions_alimentaires_percues',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Pensions alimentaires perçues',
});
