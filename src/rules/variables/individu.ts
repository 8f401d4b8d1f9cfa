// Who a person is: birth date and age, as OpenFisca-France names them.
import type { Column } from '../engine/columns.ts';
import { civilDate, dayNumber } from '../engine/period.ts';
import { defineVariable } from '../engine/variable.ts';

/** Year and month-day (`mmdd`) of each birth date, made once per column of birth dates (the same
 *  column all months of a simulation): the age is asked for month after month, over every
 *  person of a batch, and a calendar date is the costly part. */
const birthPartsOf = new WeakMap<Column, { years: Int32Array; monthDays: Int32Array }>();
const birthParts = (births: Column) => {
  let parts = birthPartsOf.get(births);
  if (!parts) {
    parts = { years: new Int32Array(births.length), monthDays: new Int32Array(births.length) };
    for (let i = 0; i < births.length; i++) {
      const { y, m, d } = civilDate(births[i]!);
      parts.years[i] = y;
      parts.monthDays[i] = m * 100 + d;
    }
    birthPartsOf.set(births, parts);
  }
  return parts;
};

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
      const { years, monthDays } = birthParts(ctx.calc('date_naissance', period));
      // Not yet had this year's birthday on the first of the month: born later in the year.
      const firstOfMonth = period.month * 100 + 1;
      const ages = new Int32Array(ctx.length);
      for (let i = 0; i < ages.length; i++) ages[i] = period.year - years[i]! - (firstOfMonth < monthDays[i]! ? 1 : 0);
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
