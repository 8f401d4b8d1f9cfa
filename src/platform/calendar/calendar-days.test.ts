import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addBusinessDays,
  addDays,
  addMonths,
  daysBetween,
  isBusinessDay,
  isoWeekday,
  onOrNextBusinessDay,
} from './calendar-days.ts';

describe('calcul des délais en jours', () => {
  it('ajoute des mois en gardant le jour, ou le dernier jour d’un mois plus court', () => {
    assert.equal(addMonths('2026-03-15', 7), '2026-10-15');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
  });

  it('reporte au premier jour ouvré une échéance tombant un jour férié ou un week-end', () => {
    // Vendredi 1er mai 2026 (fête du Travail) → lundi 4 mai.
    assert.equal(onOrNextBusinessDay('2026-05-01'), '2026-05-04');
    assert.equal(onOrNextBusinessDay('2026-05-05'), '2026-05-05');
  });

  it('compte le Vendredi saint et la Saint-Étienne comme fériés en Alsace-Moselle seulement', () => {
    // Vendredi saint 3 avril 2026, puis lundi de Pâques 6 avril (férié partout).
    assert.equal(isBusinessDay('2026-04-03'), true);
    assert.equal(onOrNextBusinessDay('2026-04-03', { isAlsaceMoselle: true }), '2026-04-07');
  });

  it('ajoute des jours ouvrés en sautant Noël et le week-end', () => {
    // Jeudi 24 décembre 2026 + 2 jours ouvrés : 25 (férié), 26-27 (week-end), 28, 29.
    assert.equal(addBusinessDays('2026-12-24', 2), '2026-12-29');
    assert.equal(daysBetween('2026-12-24', '2026-12-29'), 5);
  });

  it('refuse une date mal écrite', () => {
    assert.throws(() => addMonths('2026-13', 1), /date invalide/);
    assert.throws(() => addMonths('2026-02-30', 1), /date invalide/);
  });
});

describe('arithmétique des jours sur des siècles', () => {
  it('donne les mêmes dates que le calendrier de JavaScript, jour après jour de 1899 à 2101', () => {
    let reference = Date.UTC(1899, 0, 1);
    let date = '1899-01-01';
    for (let day = 0; day < 74_000; day++) {
      const expected = new Date(reference).toISOString().slice(0, 10);
      assert.equal(date, expected);
      assert.equal(isoWeekday(date), new Date(reference).getUTCDay() || 7);
      date = addDays(date, 1);
      reference += 86_400_000;
    }
  });
});
