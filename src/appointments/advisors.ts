// Advisors, their weekly opening ranges and their absences, and who may manage them: the agents
// of the advisor's body (a team manages its agendas, as in RDV-Solidarités) and administrators.
import { AppError, forbidden, notFound, type SessionUser, type Sql } from '../platform/index.ts';
import { isoOf } from './appointment.ts';
import { CHANNELS, type Channel } from './compute-slots.ts';

export type Advisor = { id: string; agentId: string | null; email: string; displayName: string; body: string };

type AdvisorRow = { id: string; agent_id: string | null; email: string; display_name: string; body: string };
const toAdvisor = (row: AdvisorRow): Advisor => ({
  id: row.id,
  agentId: row.agent_id,
  email: row.email,
  displayName: row.display_name,
  body: row.body,
});

export const advisorNotFound = () => notFound({ fr: 'Conseiller', en: 'Advisor' });

export const listAdvisors = async (db: Sql, { body }: { body?: string | undefined }) =>
  (
    await db.query<AdvisorRow>(
      'select * from appointments.advisors where ($1::text is null or body = $1) order by body, display_name',
      [body ?? null],
    )
  ).map(toAdvisor);

export const getAdvisor = async (db: Sql, advisorId: string) => {
  const [row] = await db.query<AdvisorRow>('select * from appointments.advisors where id = $1', [advisorId]);
  return row ? toAdvisor(row) : null;
};

/**
 * The advisor a logged-in agent is. By the people module's agent id when the session carries it;
 * until it does, by name within the body (agents' names come from the bodies' directory, not
 * from the person logging in), refusing an ambiguous match.
 */
export const advisorOfUser = async (db: Sql, user: SessionUser): Promise<Advisor | null> => {
  if (!user.agentId) return null;
  const [row] = await db.query<AdvisorRow>('select * from appointments.advisors where agent_id = $1', [user.agentId]);
  return row ? toAdvisor(row) : null;
};

export const canManage = (user: SessionUser, advisor: Advisor) => user.role === 'admin' || user.body === advisor.body;

/** The advisor, if this agent may manage their agenda; 404 if unknown, 403 if another body's. */
export const manageableAdvisor = async (db: Sql, user: SessionUser, advisorId: string) => {
  const advisor = await getAdvisor(db, advisorId);
  if (!advisor) throw advisorNotFound();
  if (!canManage(user, advisor)) throw forbidden();
  return advisor;
};

export type OpeningRangeInfo = {
  id: string;
  advisorId: string;
  siteId: string;
  weekday: number;
  startTime: string;
  endTime: string;
  channels: Channel[];
  reasonIds: string[];
  validFrom: string;
  validUntil: string | null;
};

export const listOpeningRanges = async (db: Sql, advisorIds: string[]): Promise<OpeningRangeInfo[]> => {
  const rows = await db.query<{
    id: string;
    advisor_id: string;
    site_id: string;
    weekday: number;
    start_time: string;
    end_time: string;
    channels: Channel[];
    reason_ids: string[];
    valid_from: string;
    valid_until: string | null;
  }>(
    `select o.id, o.advisor_id, o.site_id, o.weekday, to_char(o.start_time, 'HH24:MI') as start_time,
            to_char(o.end_time, 'HH24:MI') as end_time, o.channels, o.valid_from::text, o.valid_until::text,
            coalesce(array(select reason_id from appointments.opening_range_reasons where opening_range_id = o.id order by reason_id), '{}') as reason_ids
       from appointments.opening_ranges o where o.advisor_id = any($1::uuid[])
      order by o.advisor_id, o.weekday, o.start_time`,
    [advisorIds],
  );
  return rows.map((row) => ({
    id: row.id,
    advisorId: row.advisor_id,
    siteId: row.site_id,
    weekday: row.weekday,
    startTime: row.start_time,
    endTime: row.end_time,
    channels: row.channels,
    reasonIds: row.reason_ids,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
  }));
};

export type CreateOpeningRangeInput = {
  siteId: string;
  weekday: number;
  startTime: string;
  endTime: string;
  channels: Channel[];
  reasonIds: string[];
  validFrom?: string | undefined;
  validUntil?: string | null | undefined;
};

const refused = (field: string, fr: string, en: string) =>
  new AppError('invalid_opening_range', { field, messages: { fr, en } });

/** Adds a weekly opening range; the site must be of the advisor's body and the reasons of it too. */
export const createOpeningRange = async (db: Sql, advisor: Advisor, input: CreateOpeningRangeInput) => {
  if (input.startTime >= input.endTime) {
    throw refused(
      'endTime',
      'L’heure de fin doit suivre l’heure de début.',
      'The end time must come after the start time.',
    );
  }
  const [site] = await db.query('select 1 from appointments.sites where id = $1 and body = $2', [
    input.siteId,
    advisor.body,
  ]);
  if (!site)
    throw refused('siteId', 'Ce lieu n’est pas un lieu de l’organisme.', 'This site is not one of the body’s sites.');
  const reasons = await db.query<{ id: string }>(
    `select r.id from appointments.reasons r join appointments.services s on s.id = r.service_id
      where r.id = any($1::uuid[]) and s.body = $2`,
    [input.reasonIds, advisor.body],
  );
  if (reasons.length !== new Set(input.reasonIds).size) {
    throw refused(
      'reasonIds',
      'Un des motifs n’est pas un motif de l’organisme.',
      'One of the reasons is not one of the body’s reasons.',
    );
  }
  if (input.channels.some((channel) => !CHANNELS.includes(channel))) {
    throw refused('channels', 'Moyen de rendez-vous inconnu.', 'Unknown appointment channel.');
  }
  const [row] = await db.query<{ id: string }>(
    `insert into appointments.opening_ranges (advisor_id, site_id, weekday, start_time, end_time, channels, valid_from, valid_until)
     values ($1, $2, $3, $4::time, $5::time, $6, coalesce($7::date, current_date), $8::date) returning id`,
    [
      advisor.id,
      input.siteId,
      input.weekday,
      input.startTime,
      input.endTime,
      input.channels,
      input.validFrom ?? null,
      input.validUntil ?? null,
    ],
  );
  await db.query(
    'insert into appointments.opening_range_reasons (opening_range_id, reason_id) select $1, unnest($2::uuid[]) on conflict do nothing',
    [row!.id, input.reasonIds],
  );
  return (await listOpeningRanges(db, [advisor.id])).find((range) => range.id === row!.id)!;
};

/** The advisor an opening range or absence belongs to, for the access check before deleting it. */
export const ownerOf = async (db: Sql, table: 'opening_ranges' | 'absences', id: string) => {
  const [row] = await db.query<{ advisor_id: string }>(`select advisor_id from appointments.${table} where id = $1`, [
    id,
  ]);
  return row?.advisor_id ?? null;
};

export const deleteOpeningRange = (db: Sql, id: string) =>
  db.query('delete from appointments.opening_ranges where id = $1', [id]);

export type AbsenceInfo = { id: string; advisorId: string; startsAt: string; endsAt: string; label: string };

export const listAbsences = async (db: Sql, advisorIds: string[], { from, to }: { from: string; to: string }) =>
  (
    await db.query<{ id: string; advisor_id: string; starts_at: string | Date; ends_at: string | Date; label: string }>(
      `select * from appointments.absences where advisor_id = any($1::uuid[]) and starts_at < $3 and ends_at > $2
        order by starts_at`,
      [advisorIds, from, to],
    )
  ).map((row): AbsenceInfo => ({
    id: row.id,
    advisorId: row.advisor_id,
    startsAt: isoOf(row.starts_at),
    endsAt: isoOf(row.ends_at),
    label: row.label,
  }));

/** Records an absence. Appointments already booked in it stay: the agent moves or revokes them. */
export const createAbsence = async (
  db: Sql,
  advisor: Advisor,
  input: { startsAt: string; endsAt: string; label?: string | undefined },
) => {
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
    throw new AppError('invalid_absence', {
      field: 'endsAt',
      messages: {
        fr: 'La fin de l’absence doit suivre son début.',
        en: 'The end of the absence must come after its start.',
      },
    });
  }
  const [row] = await db.query<{ id: string; starts_at: string | Date; ends_at: string | Date; label: string }>(
    'insert into appointments.absences (advisor_id, starts_at, ends_at, label) values ($1, $2, $3, $4) returning *',
    [advisor.id, input.startsAt, input.endsAt, input.label ?? ''],
  );
  return {
    id: row!.id,
    advisorId: advisor.id,
    startsAt: isoOf(row!.starts_at),
    endsAt: isoOf(row!.ends_at),
    label: row!.label,
  };
};

export const deleteAbsence = (db: Sql, id: string) => db.query('delete from appointments.absences where id = $1', [id]);
