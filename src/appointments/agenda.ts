// The agenda agents read: a day or a week of one advisor or of one site, with the opening ranges
// and absences beside the appointments.
import { addDays, parisToUtc, weekStart } from '../platform/index.ts';
import type { Sql } from '../platform/index.ts';
import { APPOINTMENT_SELECT, toAppointment, type AppointmentRow } from './appointment.ts';
import { listAbsences, listOpeningRanges } from './advisors.ts';

export type AgendaInput = { advisorIds: string[]; siteId?: string | undefined; date: string; view: 'day' | 'week' };

export const getAgenda = async (db: Sql, { advisorIds, siteId, date, view }: AgendaInput) => {
  const from = view === 'week' ? weekStart(date) : date;
  const to = view === 'week' ? addDays(from, 6) : date;
  const fromIso = new Date(parisToUtc(from, 0)).toISOString();
  const toIso = new Date(parisToUtc(addDays(to, 1), 0)).toISOString();
  const [rows, openingRanges, absences] = await Promise.all([
    db.query<AppointmentRow>(
      `${APPOINTMENT_SELECT}
        where a.advisor_id = any($1::uuid[]) and a.starts_at >= $2 and a.starts_at < $3 and a.status <> 'held'
          and ($4::uuid is null or a.site_id = $4 or a.site_id is null)
        order by a.starts_at, v.display_name`,
      [advisorIds, fromIso, toIso, siteId ?? null],
    ),
    listOpeningRanges(db, advisorIds),
    listAbsences(db, advisorIds, { from: fromIso, to: toIso }),
  ]);
  return {
    from,
    to,
    appointments: rows.map(toAppointment),
    openingRanges: openingRanges.filter(
      (range) =>
        (!siteId || range.siteId === siteId) &&
        range.validFrom <= to &&
        (!range.validUntil || range.validUntil >= from),
    ),
    absences,
  };
};

/** The advisors receiving at a site (those with an opening range there). */
export const advisorsOfSite = async (db: Sql, siteId: string) =>
  (
    await db.query<{ advisor_id: string }>(
      'select distinct advisor_id from appointments.opening_ranges where site_id = $1',
      [siteId],
    )
  ).map((row) => row.advisor_id);
