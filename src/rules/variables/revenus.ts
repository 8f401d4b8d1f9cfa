// Incomes Guichet reads so far, with OpenFisca-France's names. Monthly amounts: a year given
// as input is divided equally over its months (OpenFisca's set_input_divide_by_period).
import { defineVariable } from '../engine/variable.ts';

export const salaire_net = defineVariable({
  name: 'salaire_net',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Salaire net (après cotisations, CSG et CRDS)',
});

export const salaire_imposable = defineVariable({
  name: 'salaire_imposable',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: "Salaire imposable (net + CSG non déductible et CRDS), tel que déclaré à l'impôt sur le revenu",
});

export const salaire_de_base = defineVariable({
  name: 'salaire_de_base',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Salaire de base, en général appelé salaire brut (avant cotisations salariales, CSG et CRDS)',
});
