// What can be booked: the bodies' sites, their services and the reasons (motifs) people book for.
import { notFound, type Sql } from '../platform/index.ts';
import type { Channel, SlotRules } from './compute-slots.ts';

export type Messages = { fr: string; en: string };
export type ExpectedDocument = { code: string; label: Messages };

export type Site = {
  id: string;
  body: string;
  name: string;
  address: { label: string; postcode: string; communeCode: string; communeName: string };
  openingHours: string;
  accessibility: string[];
  phone: string | null;
};

export type Reason = SlotRules & {
  id: string;
  code: string;
  label: string;
  description: string;
  service: { id: string; name: string; body: string };
  channels: Channel[];
  bookableBy: 'citizen' | 'agent';
  documentsExpected: ExpectedDocument[];
  instructionsBefore: string;
  instructionsAfter: string;
  changeDeadlineMinutes: number;
};

const REASON_COLUMNS = `r.id, r.code, r.label, r.description, r.duration_minutes, r.channels, r.bookable_by,
  r.booking_window_days, r.min_notice_minutes, r.buffer_before_minutes, r.buffer_after_minutes,
  r.documents_expected, r.instructions_before, r.instructions_after, r.change_deadline_minutes,
  s.id as service_id, s.name as service_name, s.body`;

type ReasonRow = {
  id: string;
  code: string;
  label: string;
  description: string;
  duration_minutes: number;
  channels: Channel[];
  bookable_by: 'citizen' | 'agent';
  booking_window_days: number;
  min_notice_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  documents_expected: ExpectedDocument[];
  instructions_before: string;
  instructions_after: string;
  change_deadline_minutes: number;
  service_id: string;
  service_name: string;
  body: string;
};

const toReason = (row: ReasonRow): Reason => ({
  id: row.id,
  code: row.code,
  label: row.label,
  description: row.description,
  service: { id: row.service_id, name: row.service_name, body: row.body },
  durationMinutes: row.duration_minutes,
  channels: row.channels,
  bookableBy: row.bookable_by,
  bookingWindowDays: row.booking_window_days,
  minNoticeMinutes: row.min_notice_minutes,
  bufferBeforeMinutes: row.buffer_before_minutes,
  bufferAfterMinutes: row.buffer_after_minutes,
  documentsExpected: row.documents_expected,
  instructionsBefore: row.instructions_before,
  instructionsAfter: row.instructions_after,
  changeDeadlineMinutes: row.change_deadline_minutes,
});

export const reasonNotFound = () => notFound({ fr: 'Motif de rendez-vous', en: 'Appointment reason' });

/** An active reason, or a 404. */
export const getReason = async (db: Sql, reasonId: string): Promise<Reason> => {
  const [row] = await db.query<ReasonRow>(
    `select ${REASON_COLUMNS} from appointments.reasons r join appointments.services s on s.id = r.service_id
      where r.id = $1 and r.is_active`,
    [reasonId],
  );
  if (!row) throw reasonNotFound();
  return toReason(row);
};

/** The active reasons, of one body or of all, by body then label. */
export const listReasons = async (db: Sql, { body }: { body?: string | undefined } = {}): Promise<Reason[]> => {
  const rows = await db.query<ReasonRow>(
    `select ${REASON_COLUMNS} from appointments.reasons r join appointments.services s on s.id = r.service_id
      where r.is_active and ($1::text is null or s.body = $1) order by s.body, r.label`,
    [body ?? null],
  );
  return rows.map(toReason);
};

type SiteRow = {
  id: string;
  body: string;
  name: string;
  address_label: string;
  postcode: string;
  commune_code: string;
  commune_name: string;
  opening_hours: string;
  accessibility: string[];
  phone: string | null;
};

const toSite = (row: SiteRow): Site => ({
  id: row.id,
  body: row.body,
  name: row.name,
  address: {
    label: row.address_label,
    postcode: row.postcode,
    communeCode: row.commune_code,
    communeName: row.commune_name,
  },
  openingHours: row.opening_hours,
  accessibility: row.accessibility,
  phone: row.phone,
});

/** Sites of one body or of all; with a reason, only the sites where an advisor receives for it. */
export const listSites = async (
  db: Sql,
  { body, reasonId }: { body?: string | undefined; reasonId?: string | undefined } = {},
): Promise<Site[]> => {
  const rows = await db.query<SiteRow>(
    `select * from appointments.sites s
      where ($1::text is null or s.body = $1)
        and ($2::uuid is null or exists (
          select 1 from appointments.opening_ranges o
            join appointments.opening_range_reasons rr on rr.opening_range_id = o.id
           where o.site_id = s.id and rr.reason_id = $2))
      order by s.body, s.commune_name, s.name`,
    [body ?? null, reasonId ?? null],
  );
  return rows.map(toSite);
};

export const getSite = async (db: Sql, siteId: string): Promise<Site | null> => {
  const [row] = await db.query<SiteRow>('select * from appointments.sites where id = $1', [siteId]);
  return row ? toSite(row) : null;
};
