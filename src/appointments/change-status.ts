// An agent records what became of an appointment: seen (honoré), excused (annulé par la personne),
// no_show (absence), revoked (annulé par le service), or back to booked (à venir) to correct a mistake.
import { AppError, type Db, type Sql } from '../platform/index.ts';
import { findAppointment, appointmentNotFound, type Status } from './appointment.ts';
import { publishAppointmentEvent } from './record-booking.ts';
import { inSavepoint, lockAdvisors } from './slot-errors.ts';

export const AGENT_STATUSES = ['booked', 'seen', 'excused', 'no_show', 'revoked'] as const satisfies readonly Status[];
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const changeStatus = async (
  db: Db,
  { appointmentId, status, author }: { appointmentId: string; status: AgentStatus; author: string },
  { now = Date.now() }: { now?: number } = {},
) =>
  db.transaction(async (tx) => {
    const current = await findAppointment(tx, appointmentId, { forUpdate: true });
    if (!current || current.status === 'held') throw appointmentNotFound();
    if (current.status === status) return current;
    if ((status === 'seen' || status === 'no_show') && Date.parse(current.startsAt) > now) {
      throw new AppError('appointment_not_started', {
        field: 'status',
        messages: {
          fr: 'Un rendez-vous à venir ne peut pas être marqué honoré ni manqué.',
          en: 'An upcoming appointment cannot be marked seen nor missed.',
        },
      });
    }
    const isCancelling = status === 'excused' || status === 'revoked';
    // Back to a live status, the time must still be free: the exclusion constraint says so.
    await lockAdvisors(tx, [current.advisor.id]);
    const attempt = await inSavepoint(tx, () =>
      tx.query(
        `update appointments.appointments
            set status = $2, sequence = sequence + $3::int, cancelled_at = case when $4 then $5::timestamptz else null end
          where id = $1`,
        [
          appointmentId,
          status,
          isCancelling || current.status === 'excused' || current.status === 'revoked' ? 1 : 0,
          isCancelling,
          new Date(now).toISOString(),
        ],
      ),
    );
    if (!attempt.isDone) {
      throw new AppError('slot_taken', {
        status: 409,
        field: 'status',
        messages: {
          fr: 'Ce créneau a été repris entre-temps : le rendez-vous ne peut pas être rétabli.',
          en: 'This slot has been taken meanwhile: the appointment cannot be restored.',
        },
      });
    }
    await addNote(tx, { appointmentId, author, text: `Statut : ${current.status} → ${status}` });
    const changed = (await findAppointment(tx, appointmentId))!;
    await publishAppointmentEvent(tx, isCancelling ? 'cancelled' : 'status-changed', changed, {
      by: 'agent',
      previousStatus: current.status,
    });
    return changed;
  });

export type Note = { id: number; author: string; text: string; createdAt: string };

export const addNote = async (
  db: Sql,
  { appointmentId, author, text }: { appointmentId: string; author: string; text: string },
) => {
  const [row] = await db.query<{ id: number; author: string; text: string; created_at: string | Date }>(
    'insert into appointments.notes (appointment_id, author, text) values ($1, $2, $3) returning *',
    [appointmentId, author, text],
  );
  return { id: row!.id, author: row!.author, text: row!.text, createdAt: new Date(row!.created_at).toISOString() };
};

export const listNotes = async (db: Sql, appointmentId: string): Promise<Note[]> =>
  (
    await db.query<{ id: number; author: string; text: string; created_at: string | Date }>(
      'select * from appointments.notes where appointment_id = $1 order by id',
      [appointmentId],
    )
  ).map((row) => ({
    id: row.id,
    author: row.author,
    text: row.text,
    createdAt: new Date(row.created_at).toISOString(),
  }));
