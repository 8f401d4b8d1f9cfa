// Why a chosen slot is refused: a bad request (400, naming the field) or taken meanwhile (409);
// and how concurrent writes of one slot take turns.
import { AppError, type Sql } from '../platform/index.ts';
import type { Slot } from './find-available-slots.ts';

/** The slot went to someone else first; the person is offered the next free ones. */
export class SlotTakenError extends AppError {
  constructor(readonly nextSlots: Slot[]) {
    super('slot_taken', {
      status: 409,
      field: 'startsAt',
      messages: {
        fr: 'Ce créneau vient d’être pris par une autre personne. Choisissez l’un des créneaux suivants.',
        en: 'This slot has just been taken by someone else. Choose one of the next slots.',
      },
    });
  }
}

export const personBusy = () =>
  new AppError('person_busy', {
    status: 409,
    field: 'startsAt',
    messages: {
      fr: 'Vous avez déjà un rendez-vous à cette heure-là.',
      en: 'You already have an appointment at that time.',
    },
  });

export const slotRefused = (code: string, fr: string, en: string) =>
  new AppError(code, { field: 'startsAt', messages: { fr, en } });

type PgError = { code?: string; constraint?: string };

/**
 * Takes, until the transaction ends, a lock on each advisor a booking may be written for, in one
 * order for everyone. Without it, two transactions inserting overlapping rows for one advisor at
 * the same instant can each wait for the other's row, and PostgreSQL aborts one as a deadlock
 * (a booking lost although another advisor was free). With it, they take turns.
 */
export const lockAdvisors = async (tx: Sql, advisorIds: readonly string[]) => {
  for (const advisorId of [...advisorIds].sort()) {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended('appointments.advisor:' || $1, 0))`, [advisorId]);
  }
};

/**
 * Runs a write in a savepoint: an exclusion violation (23P01, another booking holds the time)
 * rolls back only that write and returns the constraint's name; the transaction goes on.
 */
export const inSavepoint = async <T>(
  tx: { query: (text: string) => Promise<unknown> },
  write: () => Promise<T>,
): Promise<{ isDone: true; value: T } | { isDone: false; constraint: string }> => {
  await tx.query('savepoint try_slot');
  try {
    const value = await write();
    await tx.query('release savepoint try_slot');
    return { isDone: true, value };
  } catch (error) {
    const { code, constraint } = error as PgError;
    if (code !== '23P01') throw error;
    await tx.query('rollback to savepoint try_slot');
    return { isDone: false, constraint: constraint ?? '' };
  }
};
