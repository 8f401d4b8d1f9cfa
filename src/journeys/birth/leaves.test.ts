import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maternityLeave, paternityLeave } from './leaves.ts';

// Worked from the Code du travail (L1225-17 to L1225-21) and ameli.fr's tables of leave lengths.
const expectedBirthDate = '2027-03-15';

describe('congé de maternité', () => {
  it('1er enfant : 6 semaines avant, 10 après (16 semaines)', () => {
    assert.deepEqual(maternityLeave({ expectedBirthDate, previousChildren: 0, expectedChildren: 1 }), {
      prenatalWeeks: 6,
      postnatalWeeks: 10,
      start: '2027-02-01',
      end: '2027-05-23',
    });
  });

  it('3e enfant : 8 semaines avant, 18 après (26 semaines)', () => {
    const leave = maternityLeave({ expectedBirthDate, previousChildren: 2, expectedChildren: 1 });
    assert.deepEqual([leave.start, leave.end], ['2027-01-18', '2027-07-18']);
  });

  it('jumeaux : 12 semaines avant, 22 après (34 semaines) ; triplés : 24 et 22', () => {
    const twins = maternityLeave({ expectedBirthDate, previousChildren: 0, expectedChildren: 2 });
    assert.deepEqual([twins.start, twins.end], ['2026-12-21', '2027-08-15']);
    const triplets = maternityLeave({ expectedBirthDate, previousChildren: 0, expectedChildren: 3 });
    assert.deepEqual([triplets.prenatalWeeks, triplets.postnatalWeeks], [24, 22]);
  });

  it('reporte jusqu’à 3 semaines du prénatal après la naissance : même durée, fin plus tard', () => {
    const leave = maternityLeave({
      expectedBirthDate,
      previousChildren: 0,
      expectedChildren: 1,
      prenatalShiftWeeks: -3,
    });
    assert.deepEqual(
      [leave.prenatalWeeks, leave.postnatalWeeks, leave.start, leave.end],
      [3, 13, '2027-02-22', '2027-06-13'],
    );
    assert.throws(
      () => maternityLeave({ expectedBirthDate, previousChildren: 0, expectedChildren: 1, prenatalShiftWeeks: -4 }),
      /de −3 à 0 semaine/,
    );
  });

  it('avance jusqu’à 2 semaines du postnatal à partir du 3e enfant (10 + 16)', () => {
    const leave = maternityLeave({
      expectedBirthDate,
      previousChildren: 3,
      expectedChildren: 1,
      prenatalShiftWeeks: 2,
    });
    assert.deepEqual([leave.prenatalWeeks, leave.postnatalWeeks], [10, 16]);
  });

  it('naissance en retard : le postnatal garde sa durée à partir de la naissance ; en avance : la fin ne bouge pas', () => {
    const late = maternityLeave({
      expectedBirthDate,
      birthDate: '2027-03-20',
      previousChildren: 0,
      expectedChildren: 1,
    });
    assert.equal(late.end, '2027-05-28');
    const early = maternityLeave({
      expectedBirthDate,
      birthDate: '2027-03-01',
      previousChildren: 0,
      expectedChildren: 1,
    });
    assert.equal(early.end, '2027-05-23');
  });
});

describe('congé de paternité et d’accueil de l’enfant', () => {
  it('naissance un jour férié : le congé de naissance commence le jour ouvrable suivant, puis 4 jours obligatoires', () => {
    // Vendredi 1er mai 2026 (férié) : samedi 2, lundi 4, mardi 5 mai ; puis du 6 au 9 mai.
    assert.deepEqual(paternityLeave({ birthDate: '2026-05-01', expectedChildren: 1 }), {
      birthLeave: { start: '2026-05-02', end: '2026-05-05' },
      compulsory: { start: '2026-05-06', end: '2026-05-09' },
      remainingDays: 21,
      remainingBy: '2026-10-31',
    });
  });

  it('naissances multiples : 28 jours restants au lieu de 21', () => {
    assert.equal(paternityLeave({ birthDate: '2026-06-10', expectedChildren: 2 }).remainingDays, 28);
  });
});
