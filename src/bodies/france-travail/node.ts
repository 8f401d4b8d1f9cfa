// France Travail's reference node: registered jobseekers.
import type { Holding } from '../../exchange/index.ts';
import type { BodyNode } from '../node.ts';
import { columnsOf, fileReference, householdView, insertColumns } from '../store.ts';
import { franceTravailLifeEventHandlers } from './life-events.ts';

const monthsBefore = (today: string, months: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
};

export const franceTravailNode: BodyNode = {
  party: 'france-travail',
  handlers: franceTravailLifeEventHandlers,
  seed: async (tx, households, { today }) => {
    const jobseekers = households
      .flatMap((household) =>
        householdView(household).adults.filter((adult) => adult.situation.employmentStatus === 'chomeur'),
      )
      .map((adult) => ({
        nir: adult.nir,
        identifiant: fileReference('france-travail', adult.nir, 8),
        since: monthsBefore(today, 1 + (adult.nir.charCodeAt(12) % 18)),
      }));
    await insertColumns(
      tx,
      'body_france_travail.demandeurs',
      columnsOf(jobseekers, {
        nir: ['text', (j) => j.nir],
        identifiant: ['text', (j) => j.identifiant],
        registered_on: ['date', (j) => j.since],
        categorie: ['text', () => 'A'],
      }),
    );
    return jobseekers.map((j): Holding => ({
      nir: j.nir,
      capacity: 'demandeur_emploi',
      reference: j.identifiant,
      periodStart: j.since,
      periodEnd: null,
      isHeld: true,
    }));
  },
};
