import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar } from '../build-calendar.ts';
import { disabilityJourney, type DisabilityFacts } from './journey.ts';

// An adult of working age with an 80 % disability rate, found in her file on Tuesday 24 November 2026.
const facts: DisabilityFacts = {
  startedOn: '2026-11-24',
  isAlsaceMoselle: false,
  ownRate: 80,
  isOfWorkingAge: true,
  childrenWithDisability: 0,
};
const amountOf = (variable: string) => (variable === 'aah' ? 1033.32 : null);
const calendar = (overrides: Partial<DisabilityFacts> = {}, done: string[] = []) =>
  buildCalendar(disabilityJourney, {
    facts: { ...facts, ...overrides },
    amountOf,
    today: '2026-11-24',
    done: new Set(done),
  });
const ids = (overrides: Partial<DisabilityFacts> = {}) => calendar(overrides).steps.map((s) => s.id);

describe('parcours handicap', () => {
  it('commence par le dossier unique MDPH, à faire maintenant et dans le mois', () => {
    const file = calendar().steps[0];
    assert.equal(file?.id, 'dossier-mdph');
    assert.equal(file?.status, 'to_do');
    assert.equal(file?.dueOn, '2026-12-24');
  });

  it('attend la réponse de la CDAPH 4 mois après le dossier, avec le montant de l’AAH', () => {
    const aah = calendar().steps.find((s) => s.id === 'aah');
    assert.equal(aah?.dueOn, '2027-04-24');
    assert.deepEqual(aah?.amount, { variable: 'aah', month: '2027-04', euros: 1033.32 });
  });

  it('propose l’AEEH pour un enfant, l’AAH et la RQTH pour l’adulte', () => {
    assert.deepEqual(ids(), ['dossier-mdph', 'aah', 'rqth', 'carte-mobilite-inclusion']);
    assert.deepEqual(ids({ ownRate: 0, isOfWorkingAge: true, childrenWithDisability: 1 }), [
      'dossier-mdph',
      'aeeh',
      'carte-mobilite-inclusion',
    ]);
    assert.ok(!ids({ isOfWorkingAge: false }).includes('rqth'));
  });
});
