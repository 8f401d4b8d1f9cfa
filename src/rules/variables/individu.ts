// Who a person is: birth date and age, as OpenFisca-France names them.
import { fullYears } from '../engine/period.ts';
import { dayNumber } from '../engine/period.ts';
import { defineVariable } from '../engine/variable.ts';

export const date_naissance = defineVariable({
  name: 'date_naissance',
  entity: 'individu',
  definitionPeriod: 'eternity',
  valueType: 'date',
  label: 'Date de naissance',
  // OpenFisca-France's default; a person given only an `age` gets a derived date (see situation.ts).
  defaultValue: dayNumber('1970-01-01'),
});

export const age = defineVariable({
  name: 'age',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'int',
  label: 'Âge (en années révolues au premier jour du mois)',
  unit: 'year',
  formulas: {
    '0001-01-01': (ctx, period) => {
      const birth = ctx.calc('date_naissance', period);
      const ages = new Int32Array(ctx.length);
      for (let i = 0; i < ages.length; i++) ages[i] = fullYears(birth[i]!, period.year, period.month, 1);
      return ages;
    },
  },
});

export const autonomie_financiere = defineVariable({
  name: 'autonomie_financiere',
  entity: 'individu',
  definitionPeriod: 'month',
  valueType: 'bool',
  label:
    "Indicatrice d'autonomie financière vis-à-vis des prestations familiales (rémunération au-delà de 55 % du Smic)",
});
