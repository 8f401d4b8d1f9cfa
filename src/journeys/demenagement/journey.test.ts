import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar } from '../build-calendar.ts';
import { BALLOTS, nextBallotOpenOn, registrationDeadline, type Ballot } from './electoral-roll.ts';
import { movingJourney, type MovingFacts } from './journey.ts';

// A family of tenants with a child at school moves on Friday 20 November 2026.
const facts: MovingFacts = {
  movedOn: '2026-11-20',
  isAlsaceMoselle: false,
  isTenant: true,
  schoolChildren: 1,
  nextBallot: nextBallotOpenOn('2026-11-20'),
};
const amountOf = (variable: string) => (variable === 'aide_logement' ? 312.5 : null);
const calendar = (overrides: Partial<MovingFacts> = {}, done: string[] = []) =>
  buildCalendar(movingJourney, {
    facts: { ...facts, ...overrides },
    amountOf,
    today: '2026-11-24',
    done: new Set(done),
  });
const step = (id: string, overrides: Partial<MovingFacts> = {}) => calendar(overrides).steps.find((s) => s.id === id);

const municipales: Ballot = {
  name: { fr: 'les élections municipales', en: 'the municipal elections' },
  firstRoundOn: '2026-03-15',
  source: 'Décret de convocation des électeurs',
};

describe('parcours déménagement', () => {
  it('s’inscrit sur les listes électorales au plus tard le 6e vendredi avant le scrutin', () => {
    // Municipales du dimanche 15 mars 2026 : inscriptions jusqu’au vendredi 6 février 2026.
    assert.equal(registrationDeadline('2026-03-15'), '2026-02-06');
    // Un scrutin un vendredi : le vendredi même ne compte pas.
    assert.equal(registrationDeadline('2026-03-13'), '2026-01-30');
    // Déménagé le 7 février 2026, trop tard pour les municipales : c’est le scrutin suivant qui compte.
    assert.equal(nextBallotOpenOn('2026-02-07', [municipales, ...BALLOTS])?.firstRoundOn, '2027-04-11');
    assert.equal(nextBallotOpenOn('2026-02-06', [municipales, ...BALLOTS])?.firstRoundOn, '2026-03-15');
    // Présidentielle : 1er tour au plus tôt le dimanche 11 avril 2027 → vendredi 5 mars 2027.
    assert.equal(step('listes-electorales')?.dueOn, '2027-03-05');
    assert.equal(step('listes-electorales', { nextBallot: null }), undefined);
  });

  it('change l’adresse de la carte grise dans le mois, inscrit l’enfant à l’école dans les 8 jours', () => {
    assert.equal(step('carte-grise')?.dueOn, '2026-12-20');
    assert.equal(step('inscription-scolaire')?.dueOn, '2026-11-28');
    assert.equal(step('inscription-scolaire')?.status, 'to_do');
    assert.equal(step('inscription-scolaire', { schoolChildren: 0 }), undefined);
    // Fin janvier : + 1 mois = fin février.
    assert.equal(step('carte-grise', { movedOn: '2027-01-31' })?.dueOn, '2027-02-28');
  });

  it('annonce l’aide au logement le mois qui suit, avec le montant du moteur de droits, aux seuls locataires', () => {
    const aid = step('aide-logement');
    assert.equal(aid?.dueOn, '2026-12-01');
    assert.deepEqual(aid?.amount, { variable: 'aide_logement', month: '2026-12', euros: 312.5 });
    assert.equal(step('aide-logement', { isTenant: false }), undefined);
  });

  it('compte le changement d’adresse fait une fois la déclaration reçue', () => {
    assert.equal(step('signaler-adresse')?.status, 'late');
    assert.equal(calendar({}, ['signaler-adresse']).steps.find((s) => s.id === 'signaler-adresse')?.status, 'done');
    assert.equal(calendar().endsOn, '2027-11-20');
  });
});
