import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar } from '../build-calendar.ts';
import { birthJourney, type BirthFacts } from './journey.ts';

// A first child expected on Monday 15 March 2027; the pregnancy started on 15 June 2026 (39 weeks before).
const facts: BirthFacts = {
  expectedBirthDate: '2027-03-15',
  previousChildren: 0,
  expectedChildren: 1,
  isAlsaceMoselle: false,
  hasSecondParent: true,
  isAgricultural: false,
};
const asked: string[] = [];
// The rights engine's answer, at the edge of this test: the calendar places it at the right month.
const amountOf = (variable: string, month: string) => {
  asked.push(`${variable}@${month}`);
  return variable === 'paje_naissance' ? 1084.43 : 200;
};
const calendar = (overrides: Partial<BirthFacts> = {}, done: string[] = []) =>
  buildCalendar(birthJourney, {
    facts: { ...facts, ...overrides },
    amountOf,
    today: '2026-11-24',
    done: new Set(done),
  });
const step = (id: string, overrides: Partial<BirthFacts> = {}, done: string[] = []) =>
  calendar(overrides, done).steps.find((s) => s.id === id);

describe('parcours naissance', () => {
  it('déclare la grossesse avant la fin de la 14e semaine : en retard si ce n’est pas fait, fait sinon', () => {
    assert.equal(step('declarer-grossesse')?.dueOn, '2026-09-20');
    assert.equal(step('declarer-grossesse')?.status, 'late');
    assert.equal(step('declarer-grossesse', {}, ['declarer-grossesse'])?.status, 'done');
    assert.equal(step('declarer-grossesse', {}, ['declarer-grossesse'])?.isTicked, true);
    assert.deepEqual(step('declarer-grossesse', {}, ['declarer-grossesse'])?.reminders, []);
  });

  it('place les 7 examens prénataux, un par mois à partir du 4e', () => {
    const exams = calendar().steps.filter((s) => s.id.startsWith('examen-prenatal'));
    assert.equal(exams.length, 7);
    assert.deepEqual(exams.map((e) => [e.opensOn, e.dueOn, e.status]).slice(3), [
      ['2026-11-15', '2026-12-14', 'to_do'],
      ['2026-12-15', '2027-01-14', 'upcoming'],
      ['2027-01-15', '2027-02-14', 'upcoming'],
      ['2027-02-15', '2027-03-14', 'upcoming'],
    ]);
  });

  it('annonce la prime à la naissance au 7e mois, avec le montant du moteur de droits', () => {
    const prime = step('prime-naissance');
    assert.equal(prime?.dueOn, '2027-01-14');
    assert.deepEqual(prime?.amount, { variable: 'paje_naissance', month: '2027-01', euros: 1084.43 });
    assert.equal(prime?.body, 'caf');
    assert.equal(step('prime-naissance', { isAgricultural: true })?.body, 'msa');
  });

  it('déclare la naissance dans les 5 jours, reportés au lundi quand le délai finit un samedi', () => {
    // Né le lundi 15 mars 2027 : + 5 jours = samedi 20 → lundi 22 mars.
    assert.equal(step('declarer-naissance')?.dueOn, '2027-03-22');
    // Née le dimanche 26 avril 2026 : + 5 jours = vendredi 1er mai, férié → lundi 4 mai.
    assert.equal(
      step('declarer-naissance', { birthDate: '2026-04-26', expectedBirthDate: '2026-04-28' })?.dueOn,
      '2026-05-04',
    );
  });

  it('suit la date réelle de naissance : congés, allocation de base et fin du parcours bougent', () => {
    const born = calendar({ birthDate: '2027-03-20' });
    const byId = Object.fromEntries(born.steps.map((s) => [s.id, s]));
    // Né le samedi 20 (jour ouvrable) : congé de naissance samedi 20, lundi 22, mardi 23 ; puis dès le 24.
    assert.equal(byId['conge-paternite-obligatoire']?.dueOn, '2027-03-24');
    assert.equal(byId['allocation-base']?.dueOn, '2027-04-01');
    assert.equal(born.endsOn, '2030-03-20');
  });

  it('une fois l’enfant né, même avant terme, clôt le suivi de grossesse et ne le rappelle plus', () => {
    // Né le 24 novembre 2026, près de 4 mois avant la date prévue : les examens restants sont clos.
    const born = calendar({ birthDate: '2026-11-24' });
    assert.equal(step('examen-prenatal-4', { birthDate: null })?.status, 'to_do', 'pas encore né');
    const byId = Object.fromEntries(born.steps.map((s) => [s.id, s]));
    for (const id of ['declarer-grossesse', 'examen-prenatal-4', 'examen-prenatal-7', 'prevenir-employeur']) {
      assert.deepEqual([byId[id]?.status, byId[id]?.isTicked, byId[id]?.reminders], ['done', false, []], id);
    }
    assert.equal(byId['declarer-naissance']?.status, 'to_do');
    assert.equal(step('examen-prenatal-4')?.status, 'to_do', 'encore enceinte : à faire');
  });

  it('ne montre les allocations familiales qu’à partir du 2e enfant, et le congé de paternité qu’avec un second parent', () => {
    assert.equal(step('allocations-familiales'), undefined);
    assert.equal(step('allocations-familiales', { previousChildren: 1 })?.amount?.euros, 200);
    assert.equal(step('allocations-familiales', { expectedChildren: 2 })?.dueOn, '2027-04-01');
    assert.equal(step('conge-paternite-obligatoire', { hasSecondParent: false }), undefined);
  });

  it('avance le congé de maternité pour des jumeaux et le 3e enfant', () => {
    assert.equal(step('conge-maternite')?.dueOn, '2027-02-01');
    assert.equal(step('conge-maternite', { previousChildren: 2 })?.dueOn, '2027-01-18');
    assert.equal(step('conge-maternite', { expectedChildren: 2 })?.dueOn, '2026-12-21');
  });

  it('trie les étapes par échéance et prévoit les rappels avant chacune', () => {
    const steps = calendar().steps;
    assert.deepEqual(
      steps.map((s) => s.dueOn),
      [...steps.map((s) => s.dueOn)].sort(),
    );
    assert.deepEqual(step('prime-naissance')?.reminders, [{ on: '2027-01-13', channels: ['app', 'push'] }]);
  });
});
