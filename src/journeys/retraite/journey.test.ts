import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar } from '../build-calendar.ts';
import { retirementJourney, type RetirementFacts } from './journey.ts';

// An employee retires on Thursday 1 July 2027, at 63.
const facts: RetirementFacts = {
  retiresOn: '2027-07-01',
  isAlsaceMoselle: false,
  ageAtRetirement: 63,
  isEmployee: true,
};
const amountOf = (variable: string) => (variable === 'aspa' ? 420 : null);
const calendar = (overrides: Partial<RetirementFacts> = {}) =>
  buildCalendar(retirementJourney, {
    facts: { ...facts, ...overrides },
    amountOf,
    today: '2026-11-24',
    done: new Set(),
  });
const step = (id: string, overrides: Partial<RetirementFacts> = {}) =>
  calendar(overrides).steps.find((s) => s.id === id);

describe('parcours retraite', () => {
  it('demande la retraite de 6 à 4 mois avant la date choisie, dans les deux régimes', () => {
    for (const id of ['demande-retraite', 'retraite-complementaire']) {
      assert.equal(step(id)?.opensOn, '2027-01-01');
      assert.equal(step(id)?.dueOn, '2027-03-01');
      assert.equal(step(id)?.status, 'upcoming');
    }
    assert.deepEqual(
      step('demande-retraite')?.reminders.map((r) => r.on),
      ['2027-01-30', '2027-02-22'],
    );
  });

  it('prévient l’employeur 2 mois avant, pour un salarié seulement', () => {
    assert.equal(step('prevenir-employeur')?.dueOn, '2027-05-01');
    assert.equal(step('prevenir-employeur', { isEmployee: false }), undefined);
  });

  it('ne propose l’Aspa qu’à partir de 65 ans, avec le montant du moteur de droits', () => {
    assert.equal(step('aspa'), undefined);
    assert.deepEqual(step('aspa', { ageAtRetirement: 65 })?.amount, { variable: 'aspa', month: '2027-07', euros: 420 });
    assert.equal(calendar().endsOn, '2028-07-01');
  });
});
