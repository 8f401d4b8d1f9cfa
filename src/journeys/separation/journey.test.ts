import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar } from '../build-calendar.ts';
import { separationJourney, type SeparationFacts } from './journey.ts';

// A couple of tenants with two children separates on Thursday 15 October 2026.
const facts: SeparationFacts = { separatedOn: '2026-10-15', isAlsaceMoselle: false, children: 2, isTenant: true };
const amountOf = (variable: string) => ({ asf: 199.18, aide_logement: 250, af: 151.05 })[variable] ?? null;
const calendar = (overrides: Partial<SeparationFacts> = {}, done: string[] = []) =>
  buildCalendar(separationJourney, {
    facts: { ...facts, ...overrides },
    amountOf,
    today: '2026-11-24',
    done: new Set(done),
  });
const step = (id: string, overrides: Partial<SeparationFacts> = {}) =>
  calendar(overrides).steps.find((s) => s.id === id);

describe('parcours séparation', () => {
  it('signale la séparation aux impôts dans les 60 jours pour le prélèvement à la source', () => {
    assert.equal(step('prelevement-a-la-source')?.dueOn, '2026-12-14');
    assert.equal(step('prelevement-a-la-source')?.status, 'to_do');
  });

  it('annonce l’ASF et l’aide au logement le mois qui suit, avec leurs montants', () => {
    assert.deepEqual(step('asf')?.amount, { variable: 'asf', month: '2026-11', euros: 199.18 });
    assert.equal(step('aide-logement')?.dueOn, '2026-11-01');
    assert.equal(step('aide-logement', { isTenant: false }), undefined);
  });

  it('ne parle de l’ASF qu’avec un enfant, du partage des allocations familiales qu’à partir de deux', () => {
    assert.equal(step('asf', { children: 0 }), undefined);
    assert.equal(step('residence-enfants-allocations', { children: 1 }), undefined);
    assert.equal(step('residence-enfants-allocations')?.dueOn, '2026-12-01');
  });

  it('compte la séparation signalée une fois la déclaration reçue', () => {
    assert.equal(step('signaler-separation')?.dueOn, '2026-10-31');
    const done = calendar({}, ['signaler-separation']).steps.find((s) => s.id === 'signaler-separation');
    assert.equal(done?.status, 'done');
    assert.deepEqual(done?.reminders, []);
  });
});
