// A person's journey steps as a private calendar feed: any calendar application subscribes to the
// URL; its token is the only key (only its hash is stored) and a new one revokes the old.
import { createHash, randomBytes } from 'node:crypto';
import { escapeIcsText, icalendarText, type Sql } from '../platform/index.ts';
import type { Calendar } from './build-calendar.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new feed token for the person (the previous one stops working). */
export const renewFeedToken = async (db: Sql, personId: string) => {
  const token = randomBytes(24).toString('base64url');
  await db.query(
    `insert into journeys.calendar_feeds (person_id, token_hash) values ($1, $2)
     on conflict (person_id) do update set token_hash = excluded.token_hash, created_at = now()`,
    [personId, hashToken(token)],
  );
  return token;
};

export const personOfFeedToken = async (db: Sql, token: string) => {
  const [row] = await db.query<{ person_id: string }>(
    'select person_id from journeys.calendar_feeds where token_hash = $1',
    [hashToken(token)],
  );
  return row?.person_id ?? null;
};

const compactDate = (date: string) => date.replace(/-/g, '');

/** Every step not done, as an all-day event on its due date, with its explanation and official link. */
export const calendarFeed = (calendars: Calendar[], { host, stamp }: { host: string; stamp: string }) =>
  icalendarText([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Guichet//Parcours//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Guichet — mes démarches',
    ...calendars.flatMap((calendar) =>
      calendar.steps
        .filter((step) => step.status !== 'done')
        .flatMap((step) => [
          'BEGIN:VEVENT',
          `UID:${calendar.journey}-${step.id}@${host}`,
          `DTSTAMP:${stamp}`,
          `DTSTART;VALUE=DATE:${compactDate(step.dueOn)}`,
          `SUMMARY:${escapeIcsText(step.title.fr)}`,
          `DESCRIPTION:${escapeIcsText(`${step.explanation.fr}\n${step.link}`)}`,
          `URL:${step.link}`,
          'END:VEVENT',
        ]),
    ),
    'END:VCALENDAR',
  ]);
