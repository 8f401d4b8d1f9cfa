import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar } from '../build-calendar.ts';
import { jobLossJourney, type JobLossFacts } from './journey.ts';

// An employee's contract ended on Friday 30 October 2026.
const facts: JobLossFacts = { contractEndedOn: '2026-10-30', isAlsaceMoselle: false, wasEmployee: true };
const amountOf = (variable: string, month: string) => (variable === 'rsa' && month === '2026-11' ? 0 : null);
const calendar = (overrides: Partial<JobLossFacts> = {}) =>
  buildCalendar(jobLossJourney, { facts: { ...facts, ...overrides }, amountOf, today: '2026-11-24', done: new Set() });
const step = (id: string, overrides: Partial<JobLossFacts> = {}) => calendar(overrides).steps.find((s) => s.id === id);

describe('parcours perte d’emploi', () => {
  it('ouvre l’inscription le lendemain et la demande d’ARE jusqu’à 12 mois après la fin du contrat', () => {
    const registration = step('inscription-france-travail');
    assert.equal(registration?.opensOn, '2026-10-31');
    assert.equal(registration?.dueOn, '2027-10-30');
    assert.equal(registration?.status, 'to_do');
    // Rappel la première semaine, puis un mois avant la forclusion.
    assert.deepEqual(
      registration?.reminders.map((r) => r.on),
      ['2026-11-06', '2027-09-30'],
    );
  });

  it('fait réexaminer le RSA le mois qui suit, avec le montant du moteur de droits', () => {
    assert.deepEqual(step('rsa-prime-activite')?.amount, { variable: 'rsa', month: '2026-11', euros: 0 });
    assert.equal(step('rsa-prime-activite')?.dueOn, '2026-11-01');
    assert.equal(step('complementaire-sante-solidaire')?.dueOn, '2026-12-01');
  });

  it('garde la mutuelle d’entreprise jusqu’à 12 mois, pour un salarié seulement', () => {
    assert.equal(step('portabilite-mutuelle')?.dueOn, '2027-10-30');
    assert.equal(step('portabilite-mutuelle', { wasEmployee: false }), undefined);
    assert.equal(calendar().endsOn, '2027-10-30');
  });
});
