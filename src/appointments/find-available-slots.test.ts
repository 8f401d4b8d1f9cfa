import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../main.ts';
import type { Db } from '../platform/index.ts';
import { testDb } from '../platform/testing/index.ts';
import { findAvailableSlots } from './find-available-slots.ts';
import { bookAppointment } from './reserve-slot.ts';
import { createFixture } from './test-fixtures.ts';
import { randomUUID } from 'node:crypto';

// Monday 1 March 2027, 07:00 Paris (winter time).
const NOW = Date.parse('2027-03-01T06:00:00Z');

describe('calcul des créneaux', () => {
  let db: Db;
  before(async () => {
    db = await testDb(migrationSources());
  });
  after(() => db.close());

  const times = (slots: { localTime: string }[]) => slots.map((slot) => slot.localTime);

  it('découpe les plages d’ouverture par la durée du motif, en heure de Paris', async () => {
    const { reasonId } = await createFixture(db, { durationMinutes: 45 });
    const { slots } = await findAvailableSlots(
      db,
      { reasonId, channel: 'video', from: '2027-03-02', to: '2027-03-02' },
      { now: NOW },
    );
    assert.deepEqual(times(slots), ['09:00', '09:45', '10:30', '11:15']);
    assert.equal(slots[0]!.startsAt, '2027-03-02T08:00:00.000Z');
    assert.equal(slots[0]!.endsAt, '2027-03-02T08:45:00.000Z');
    assert.equal(slots[0]!.label.fr, 'mardi 2 mars 2027 à 9 h 00');
    assert.equal(slots[0]!.freeAdvisors, 1);
  });

  it('compte les conseillers libres à chaque créneau', async () => {
    const { reasonId } = await createFixture(db, { advisors: 3 });
    const { slots } = await findAvailableSlots(
      db,
      { reasonId, channel: 'phone', from: '2027-03-02', to: '2027-03-02' },
      { now: NOW },
    );
    assert.equal(slots.length, 6);
    assert.ok(slots.every((slot) => slot.freeAdvisors === 3));
  });

  it('retire le créneau pris et ceux que touchent les battements avant et après', async () => {
    const { reasonId } = await createFixture(db, { bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
    await bookAppointment(
      db,
      { personId: randomUUID(), reasonId, channel: 'video', startsAt: '2027-03-02T09:00:00.000Z' },
      { now: NOW },
    );
    const { slots } = await findAvailableSlots(
      db,
      { reasonId, channel: 'video', from: '2027-03-02', to: '2027-03-02' },
      { now: NOW },
    );
    // 10:00–10:30 taken: 09:30 (ends 10:00 + 15 after overlaps 09:45 busy start) and 10:30 (15 before) are out too.
    assert.deepEqual(times(slots), ['09:00', '11:00', '11:30']);
  });

  it('retire les créneaux pendant une absence du conseiller', async () => {
    const { reasonId, advisorIds } = await createFixture(db);
    await db.query(
      `insert into appointments.absences (advisor_id, starts_at, ends_at, label) values ($1, '2027-03-02T08:30:00Z', '2027-03-02T10:00:00Z', 'Formation')`,
      [advisorIds[0]],
    );
    const { slots } = await findAvailableSlots(
      db,
      { reasonId, channel: 'video', from: '2027-03-02', to: '2027-03-02' },
      { now: NOW },
    );
    assert.deepEqual(times(slots), ['09:00', '11:00', '11:30']);
  });

  it('ne propose rien un jour férié (Ascension 2027), et en Alsace-Moselle rien le Vendredi saint', async () => {
    const { reasonId } = await createFixture(db, { bookingWindowDays: 120 });
    const ascension = await findAvailableSlots(
      db,
      { reasonId, channel: 'video', from: '2027-05-05', to: '2027-05-07' },
      { now: NOW },
    );
    assert.deepEqual([...new Set(ascension.slots.map((slot) => slot.localDate))], ['2027-05-05', '2027-05-07']);
    const lyon = await findAvailableSlots(
      db,
      { reasonId, channel: 'video', from: '2027-03-26', to: '2027-03-26' },
      { now: NOW },
    );
    assert.equal(lyon.slots.length, 6);
    const alsace = await createFixture(db, { communeCode: '67482' });
    const strasbourg = await findAvailableSlots(
      db,
      { reasonId: alsace.reasonId, channel: 'video', from: '2027-03-26', to: '2027-03-26' },
      { now: NOW },
    );
    assert.equal(strasbourg.slots.length, 0);
  });

  it('respecte le délai de prévenance et la fenêtre de réservation', async () => {
    const { reasonId } = await createFixture(db, { minNoticeMinutes: 24 * 60, bookingWindowDays: 7 });
    // Now: Monday 07:00 Paris. Notice 24 h: Tuesday from 07:00; window 7 days: until next Monday 07:00.
    const { slots } = await findAvailableSlots(
      db,
      { reasonId, channel: 'video', from: '2027-03-01', to: '2027-03-12' },
      { now: NOW },
    );
    const dates = [...new Set(slots.map((slot) => slot.localDate))];
    assert.deepEqual(dates, ['2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']);
  });

  it('refuse un moyen que le motif n’offre pas, en nommant le champ', async () => {
    const { reasonId } = await createFixture(db, { channels: ['phone'] });
    await assert.rejects(
      findAvailableSlots(db, { reasonId, channel: 'video', from: '2027-03-02', to: '2027-03-02' }, { now: NOW }),
      (error: { code: string; field: string }) => error.code === 'channel_not_offered' && error.field === 'channel',
    );
  });

  describe('changements d’heure', () => {
    const ranges: [number, string, string][] = [
      [6, '09:00', '10:00'],
      [7, '01:00', '04:00'],
      [7, '09:00', '10:00'],
    ];

    it('le dernier dimanche de mars : 9 h est à 8 h UTC le samedi et à 7 h UTC le dimanche ; la nuit perd une heure', async () => {
      const { reasonId } = await createFixture(db, { ranges });
      const { slots } = await findAvailableSlots(
        db,
        { reasonId, channel: 'video', from: '2027-03-27', to: '2027-03-28' },
        { now: NOW },
      );
      const saturday = slots.filter((slot) => slot.localDate === '2027-03-27');
      const sunday = slots.filter((slot) => slot.localDate === '2027-03-28');
      assert.deepEqual(
        saturday.map((slot) => slot.startsAt),
        ['2027-03-27T08:00:00.000Z', '2027-03-27T08:30:00.000Z'],
      );
      // 01:00–04:00 on the clock is two real hours: 01:00, 01:30, then 03:00, 03:30 (summer time).
      assert.deepEqual(times(sunday), ['01:00', '01:30', '03:00', '03:30', '09:00', '09:30']);
      assert.deepEqual(sunday.map((slot) => slot.startsAt).slice(2), [
        '2027-03-28T01:00:00.000Z',
        '2027-03-28T01:30:00.000Z',
        '2027-03-28T07:00:00.000Z',
        '2027-03-28T07:30:00.000Z',
      ]);
    });

    it('le dernier dimanche d’octobre : 9 h est à 7 h UTC le samedi et à 8 h UTC le dimanche ; la nuit gagne une heure', async () => {
      const { reasonId } = await createFixture(db, { ranges, bookingWindowDays: 365 });
      const now = Date.parse('2027-10-01T08:00:00Z');
      const { slots } = await findAvailableSlots(
        db,
        { reasonId, channel: 'video', from: '2027-10-30', to: '2027-10-31' },
        { now },
      );
      const saturday = slots.filter((slot) => slot.localDate === '2027-10-30');
      const sunday = slots.filter((slot) => slot.localDate === '2027-10-31');
      assert.deepEqual(
        saturday.map((slot) => slot.startsAt),
        ['2027-10-30T07:00:00.000Z', '2027-10-30T07:30:00.000Z'],
      );
      assert.deepEqual(times(sunday), [
        '01:00',
        '01:30',
        '02:00',
        '02:30',
        '02:00',
        '02:30',
        '03:00',
        '03:30',
        '09:00',
        '09:30',
      ]);
      assert.equal(sunday.at(-2)!.startsAt, '2027-10-31T08:00:00.000Z');
    });
  });
});
