// An appointment as the routes show it, and the reads every use case shares.
import { AppError, notFound, type Sql, parisLabel } from '../platform/index.ts';
import type { Channel } from './compute-slots.ts';

export const STATUSES = ['held', 'booked', 'seen', 'excused', 'no_show', 'revoked'] as const;
/** RDV-Solidarités' statuses: booked = à venir, seen = honoré, excused = annulé par la personne, revoked = annulé par le service. */
export type Status = (typeof STATUSES)[number];

export type Appointment = {
  id: string;
  status: Status;
  personId: string;
  reason: { id: string; code: string; label: string; body: string };
  advisor: { id: string; displayName: string };
  siteId: string | null;
  channel: Channel;
  startsAt: string;
  endsAt: string;
  label: { fr: string; en: string };
  holdExpiresAt: string | null;
  sequence: number;
  bookedBy: 'citizen' | 'agent';
  bookedAt: string | null;
  cancelledAt: string | null;
};

export const APPOINTMENT_SELECT = `select a.id, a.status, a.person_id, a.site_id, a.channel, a.starts_at, a.ends_at,
    a.hold_expires_at, a.sequence, a.booked_by, a.booked_at, a.cancelled_at,
    r.id as reason_id, r.code as reason_code, r.label as reason_label, s.body,
    v.id as advisor_id, v.display_name as advisor_name
  from appointments.appointments a
  join appointments.reasons r on r.id = a.reason_id
  join appointments.services s on s.id = r.service_id
  join appointments.advisors v on v.id = a.advisor_id`;

export type AppointmentRow = {
  id: string;
  status: Status;
  person_id: string;
  site_id: string | null;
  channel: Channel;
  starts_at: string | Date;
  ends_at: string | Date;
  hold_expires_at: string | Date | null;
  sequence: number;
  booked_by: 'citizen' | 'agent';
  booked_at: string | Date | null;
  cancelled_at: string | Date | null;
  reason_id: string;
  reason_code: string;
  reason_label: string;
  body: string;
  advisor_id: string;
  advisor_name: string;
};

export const isoOf = (value: string | Date) => new Date(value).toISOString();
const isoOrNull = (value: string | Date | null) => (value == null ? null : isoOf(value));

export const toAppointment = (row: AppointmentRow): Appointment => ({
  id: row.id,
  status: row.status,
  personId: row.person_id,
  reason: { id: row.reason_id, code: row.reason_code, label: row.reason_label, body: row.body },
  advisor: { id: row.advisor_id, displayName: row.advisor_name },
  siteId: row.site_id,
  channel: row.channel,
  startsAt: isoOf(row.starts_at),
  endsAt: isoOf(row.ends_at),
  label: parisLabel(new Date(row.starts_at).getTime()),
  holdExpiresAt: isoOrNull(row.hold_expires_at),
  sequence: row.sequence,
  bookedBy: row.booked_by,
  bookedAt: isoOrNull(row.booked_at),
  cancelledAt: isoOrNull(row.cancelled_at),
});

export const appointmentNotFound = () => notFound({ fr: 'Rendez-vous', en: 'Appointment' });

/** One appointment, or null. `forUpdate` locks its row for the rest of the transaction. */
export const findAppointment = async (db: Sql, id: string, { forUpdate = false } = {}) => {
  const [row] = await db.query<AppointmentRow>(
    `${APPOINTMENT_SELECT} where a.id = $1${forUpdate ? ' for update of a' : ''}`,
    [id],
  );
  return row ? toAppointment(row) : null;
};

/** The person's own appointment; anyone else's is a 404, never a 403 (its existence stays private). */
export const getOwnAppointment = async (
  db: Sql,
  personId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
) => {
  const appointment = await findAppointment(db, id, options);
  if (!appointment || appointment.personId !== personId) throw appointmentNotFound();
  return appointment;
};

/** A person's appointments (live holds included), soonest first. */
export const listPersonAppointments = async (db: Sql, personId: string, { now = Date.now() } = {}) => {
  const rows = await db.query<AppointmentRow>(
    `${APPOINTMENT_SELECT} where a.person_id = $1 and (a.status <> 'held' or a.hold_expires_at > $2)
      order by a.starts_at`,
    [personId, new Date(now).toISOString()],
  );
  return rows.map(toAppointment);
};

/** Past the reason's deadline, the person can no longer cancel nor move the appointment. */
export const assertBeforeChangeDeadline = (appointment: Appointment, deadlineMinutes: number, now: number) => {
  if (Date.parse(appointment.startsAt) - deadlineMinutes * 60_000 > now) return;
  const hours = Math.round((deadlineMinutes / 60) * 10) / 10;
  throw new AppError('change_deadline_passed', {
    status: 409,
    messages: {
      fr: `Ce rendez-vous ne peut plus être modifié ni annulé en ligne (au plus tard ${hours} h avant). Appelez l’organisme.`,
      en: `This appointment can no longer be changed or cancelled online (at the latest ${hours} h before). Call the office.`,
    },
  });
};
