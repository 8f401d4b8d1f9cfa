import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endOfQuietHours } from './quiet-hours.ts';

const NIGHT = { start: '22:00', end: '07:00' };

describe('heures calmes (heure de Paris)', () => {
  it('repousse à 7 h le lendemain un message prévu à 23 h en hiver (UTC+1)', () => {
    assert.equal(endOfQuietHours(new Date('2026-01-15T22:00:00Z'), NIGHT)?.toISOString(), '2026-01-16T06:00:00.000Z');
  });

  it('repousse à 7 h le jour même un message prévu à 5 h en été (UTC+2)', () => {
    assert.equal(endOfQuietHours(new Date('2026-07-15T03:00:00Z'), NIGHT)?.toISOString(), '2026-07-15T05:00:00.000Z');
  });

  it('laisse partir un message prévu à 7 h pile ou en journée', () => {
    assert.equal(endOfQuietHours(new Date('2026-01-15T06:00:00Z'), NIGHT), null);
    assert.equal(endOfQuietHours(new Date('2026-01-15T12:00:00Z'), NIGHT), null);
  });

  it('tient compte du passage à l’heure d’été pendant la nuit (29 mars 2026)', () => {
    // 23:30 Paris on 28 March (UTC+1); 07:00 on 29 March is already summer time (UTC+2).
    assert.equal(endOfQuietHours(new Date('2026-03-28T22:30:00Z'), NIGHT)?.toISOString(), '2026-03-29T05:00:00.000Z');
  });

  it('gère une plage dans la journée (12:00 → 14:00)', () => {
    const lunch = { start: '12:00', end: '14:00' };
    assert.equal(endOfQuietHours(new Date('2026-01-15T11:30:00Z'), lunch)?.toISOString(), '2026-01-15T13:00:00.000Z');
    assert.equal(endOfQuietHours(new Date('2026-01-15T13:00:00Z'), lunch), null);
  });
});
