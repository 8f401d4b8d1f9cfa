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
  isoDate,
  MonthTable,
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

  it('compte les jours depuis le 1er janvier 1970 et refuse une date impossible ou mal écrite', () => {
    assert.equal(dayNumber('1970-01-01'), 0);
    assert.equal(dayNumber('1969-12-31'), -1);
    assert.equal(dayNumber('2000-03-01') - dayNumber('2000-02-28'), 2); // 2000 est bissextile
    assert.equal(dayNumber('1900-03-01') - dayNumber('1900-02-28'), 1); // 1900 ne l'est pas
    assert.equal(dayNumber('2025-06-01'), Date.UTC(2025, 5, 1) / 86_400_000);
    assert.equal(isoDate(dayNumber('2024-02-29')), '2024-02-29');
    for (const impossible of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '0050-01-01'])
      assert.throws(() => dayNumber(impossible), /date impossible/, impossible);
    for (const invalid of ['2024-1-01', '2024/01/01', ' 2024-01-01', '2024-01-01T00:00', '20240101', ''])
      assert.throws(() => dayNumber(invalid), /date invalide/, invalid);
  });

  it('retrouve une valeur par mois ou par année, y compris avant 1900 et après 2199', () => {
    const table = new MonthTable<string>();
    for (const [year, month] of [
      [2025, 6],
      [2025, 0],
      [1850, 3],
      [2300, 12],
      [0, 0],
    ] as const)
      table.set(year, month, `${year}/${month}`);
    assert.equal(table.get(2025, 6), '2025/6');
    assert.equal(table.get(2025, 0), '2025/0');
    assert.equal(table.get(1850, 3), '1850/3');
    assert.equal(table.get(2300, 12), '2300/12');
    assert.equal(table.get(0, 0), '0/0');
    assert.equal(table.get(2025, 7), undefined);
    assert.equal(table.get(1851, 3), undefined);
  });
});
