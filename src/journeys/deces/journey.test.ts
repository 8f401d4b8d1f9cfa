import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar } from '../build-calendar.ts';
import { bereavementJourney, type BereavementFacts } from './journey.ts';

// A spouse died on Thursday 25 March 2027.
const facts: BereavementFacts = { diedOn: '2027-03-25', isAlsaceMoselle: false, relation: 'conjoint' };
const calendar = (overrides: Partial<BereavementFacts> = {}, holidays = { isAlsaceMoselle: false }) =>
  buildCalendar(bereavementJourney, {
    facts: { ...facts, ...overrides },
    amountOf: () => null,
    today: '2026-11-24',
    done: new Set(),
    holidays,
  });
const step = (id: string, overrides: Partial<BereavementFacts> = {}) =>
  calendar(overrides).steps.find((s) => s.id === id);

describe('parcours décès d’un proche', () => {
  it('déclare le décès dans les 24 heures, samedis, dimanches et jours fériés non comptés', () => {
    // Jeudi 25 mars 2027 → vendredi 26.
    assert.equal(step('declarer-deces-mairie')?.dueOn, '2027-03-26');
    // En Alsace-Moselle, le Vendredi saint (26 mars) puis le lundi de Pâques (29 mars) sont fériés → mardi 30.
    const alsace = calendar({ isAlsaceMoselle: true }, { isAlsaceMoselle: true });
    assert.equal(alsace.steps.find((s) => s.id === 'declarer-deces-mairie')?.dueOn, '2027-03-30');
    // Jeudi 24 décembre 2026 : Noël (vendredi) puis le week-end → lundi 28 décembre.
    assert.equal(step('declarer-deces-mairie', { diedOn: '2026-12-24' })?.dueOn, '2026-12-28');
  });

  it('demande le capital décès dans le mois, déclare la succession dans les 6 mois', () => {
    assert.equal(step('capital-deces')?.dueOn, '2027-04-25');
    assert.equal(step('declaration-succession')?.dueOn, '2027-09-25');
    // 31 août + 6 mois = dernier jour de février.
    assert.equal(step('declaration-succession', { diedOn: '2026-08-31' })?.dueOn, '2027-02-28');
  });

  it('propose la pension de réversion au seul conjoint, avec 12 mois pour ne rien perdre', () => {
    assert.equal(step('pension-reversion')?.dueOn, '2028-03-25');
    assert.equal(step('pension-reversion', { relation: 'parent' }), undefined);
    assert.equal(step('capital-deces', { relation: 'autre' }), undefined);
    assert.ok(step('signaler-deces', { relation: 'autre' }));
  });
});
