import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoWeekday } from './calendar-days.ts';
import { parisDate, parisLabel, parisOffsetMinutes, parisTime, parisToUtc, weekStart } from './paris-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('heure de Paris', () => {
  it('convertit 9 h à Paris en 8 h UTC l’hiver et 7 h UTC l’été', () => {
    assert.equal(iso(parisToUtc('2026-12-01', 9 * 60)), '2026-12-01T08:00:00.000Z');
    assert.equal(iso(parisToUtc('2027-06-01', 9 * 60)), '2027-06-01T07:00:00.000Z');
  });

  it('change d’heure le dernier dimanche de mars : 1 h 30 est en hiver, 3 h 30 en été, 2 h 30 n’existe pas', () => {
    assert.equal(iso(parisToUtc('2027-03-28', 90)), '2027-03-28T00:30:00.000Z');
    assert.equal(iso(parisToUtc('2027-03-28', 210)), '2027-03-28T01:30:00.000Z');
    assert.equal(iso(parisToUtc('2027-03-28', 150)), '2027-03-28T01:30:00.000Z');
    assert.equal(parisOffsetMinutes(Date.parse('2027-03-28T00:59:00Z')), 60);
    assert.equal(parisOffsetMinutes(Date.parse('2027-03-28T01:00:00Z')), 120);
  });

  it('change d’heure le dernier dimanche d’octobre : 2 h 30 existe deux fois, la première est retenue', () => {
    assert.equal(iso(parisToUtc('2027-10-31', 150)), '2027-10-31T00:30:00.000Z');
    assert.equal(iso(parisToUtc('2027-10-31', 9 * 60)), '2027-10-31T08:00:00.000Z');
    assert.equal(iso(parisToUtc('2027-10-30', 9 * 60)), '2027-10-30T07:00:00.000Z');
  });

  it('donne la date, l’heure et un libellé en heure de Paris', () => {
    const ms = Date.parse('2026-11-30T23:30:00Z');
    assert.equal(parisDate(ms), '2026-12-01');
    assert.equal(parisTime(ms), '00:30');
    assert.deepEqual(parisLabel(Date.parse('2026-11-24T08:30:00Z')), {
      fr: 'mardi 24 novembre 2026 à 9 h 30',
      en: 'Tuesday, 24 November 2026 at 09:30',
    });
  });

  it('compte les jours de la semaine à l’ISO (lundi = 1)', () => {
    assert.equal(isoWeekday('2026-11-23'), 1);
    assert.equal(isoWeekday('2026-11-29'), 7);
    assert.equal(weekStart('2026-11-29'), '2026-11-23');
  });
});
