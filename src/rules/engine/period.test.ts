import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  endDate,
  lastThreeMonths,
  monthsOf,
  nMinus2,
  parsePeriod,
  periodKey,
  startDate,
  fullYears,
  dayNumber,
} from './period.ts';

describe('périodes', () => {
  it('lit un mois, une année et les périodes glissantes comme OpenFisca', () => {
    assert.equal(periodKey(parsePeriod('2024-09')), '2024-09');
    assert.equal(periodKey(parsePeriod('2024')), '2024');
    assert.equal(periodKey(parsePeriod('year:2022-01:3')), 'year:2022-01:3');
    assert.equal(periodKey(parsePeriod('month:2024-01:3')), 'month:2024-01:3');
    assert.equal(periodKey(parsePeriod('year:2024')), '2024');
  });

  it('refuse un mois impossible en nommant la période', () => {
    assert.throws(() => parsePeriod('2024-13'), /2024-13/);
    assert.throws(() => parsePeriod('hier'), /hier/);
  });

  it('donne les mois, les bornes, l’année N-2 et les trois derniers mois', () => {
    assert.deepEqual(monthsOf(parsePeriod('month:2023-11:3')).map(periodKey), ['2023-11', '2023-12', '2024-01']);
    assert.equal(startDate(parsePeriod('year:2022-01:3')), '2022-01-01');
    assert.equal(endDate(parsePeriod('year:2022-01:3')), '2024-12-31');
    assert.equal(endDate(parsePeriod('2024-02')), '2024-02-29');
    assert.equal(periodKey(nMinus2(parsePeriod('2025-06'))), '2023');
    assert.equal(periodKey(lastThreeMonths(parsePeriod('2024-02'))), 'month:2023-11:3');
  });

  it('compte les années révolues à une date', () => {
    assert.equal(fullYears(dayNumber('2012-03-01'), 2026, 3, 1), 14);
    assert.equal(fullYears(dayNumber('2012-03-02'), 2026, 3, 1), 13);
    assert.equal(fullYears(dayNumber('2000-02-29'), 2024, 2, 28), 23);
  });
});
