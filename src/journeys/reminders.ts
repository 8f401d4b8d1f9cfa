// Each enrolled person's steps are reminded by the notifications module (centre, e-mail, push by
// their preferences). Once a day a durable job per person recomputes their calendars — so a new
// expected date or a step done changes what is reminded — and hands over the reminders of today
// and tomorrow, each keyed so that it is sent once however often the job runs; then it schedules
// itself for the next morning, until the person is on no journey.
import { setImmediate } from 'node:timers/promises';
import type { DeclarationSubmitted } from '../declarations/index.ts';
import { notify } from '../notifications/index.ts';
import { getPersonFile } from '../people/index.ts';
import {
  addDays,
  enqueueJob,
  parisDate,
  parisToUtc,
  type EventSubscriber,
  type JobHandler,
  type Sql,
} from '../platform/index.ts';
import type { CalendarStep } from './build-calendar.ts';
import { isOnAJourney, personCalendars } from './person-journeys.ts';

export const REMIND_JOB = 'journeys.remind-person';
type RemindPayload = { personId: string; date: string };

// Reminders arrive at 9:00, Paris time (quiet hours still apply on top).
const REMINDER_MINUTES = 9 * 60;
// The daily run itself starts earlier, so the 9:00 notifications are in place before their time.
const RUN_MINUTES = 6 * 60;

/** Schedules the person's daily reminder run for `date` (once per person and day, however often
 *  asked). `again` names one more run of that day, for what changed after the day's run: it hands
 *  over only what was not handed over yet (each reminder is keyed). */
export const scheduleReminderRun = (tx: Sql, personId: string, date: string, again?: string) =>
  enqueueJob(tx, {
    type: REMIND_JOB,
    payload: { personId, date } satisfies RemindPayload,
    runAt: new Date(Math.max(Date.now(), parisToUtc(date, RUN_MINUTES))),
    idempotencyKey: `${REMIND_JOB}:${personId}:${date}${again ? `:${again}` : ''}`,
  });

/** Puts the person on the reminder runs from `today`; false if they already were. */
export const enrolInJourneys = async (tx: Sql, personId: string, today: string): Promise<boolean> => {
  const inserted = await tx.query(
    'insert into journeys.enrolments (person_id) values ($1) on conflict do nothing returning 1',
    [personId],
  );
  if (inserted.length) await scheduleReminderRun(tx, personId, today);
  return inserted.length > 0;
};

export const ENROL_JOB = 'journeys.enrol-from-files';
type EnrolPayload = { personIds: string[] };
// Reading one person's facts takes a few milliseconds: a chunk is a few seconds of a worker's time.
const ENROL_CHUNK = 500;

/**
 * Puts on the reminder runs the persons whose file alone puts them on a journey (a pregnancy, a
 * child under three, a disability), so their reminders do not wait for them to open their
 * calendar. A file changes only where it is written — the demo seeding calls this; a declaration
 * enrols its parents (enrolOnDeclaration). The facts are read by background jobs, a chunk of
 * persons each, so a large population loads without waiting for them.
 */
export const enrolFromFiles = async (tx: Sql, personIds: string[]) => {
  for (let start = 0; start < personIds.length; start += ENROL_CHUNK) {
    const chunk = personIds.slice(start, start + ENROL_CHUNK);
    await enqueueJob(tx, {
      type: ENROL_JOB,
      payload: { personIds: chunk } satisfies EnrolPayload,
      idempotencyKey: `${ENROL_JOB}:${chunk[0]}:${chunk.length}`,
      priority: 'background',
    });
  }
};

export const enrolPersonsFromFiles: JobHandler<EnrolPayload> = async ({ personIds }, { db }) => {
  const today = parisDate(Date.now());
  // One short transaction per person enrolled: the embedded database serves the app in between.
  for (const personId of personIds) {
    if (await isOnAJourney(db, personId, today)) await db.transaction((tx) => enrolInJourneys(tx, personId, today));
    // PGlite answers without ever leaving the microtask queue: without this, a chunk would hold
    // the event loop for seconds and the first page after a first start would wait for it.
    await setImmediate();
  }
};

const reminderText = (step: CalendarStep, daysBefore: number) => ({
  title: {
    fr: daysBefore === 0 ? `Aujourd’hui : ${step.title.fr}` : `Bientôt : ${step.title.fr}`,
    en: daysBefore === 0 ? `Today: ${step.title.en}` : `Coming up: ${step.title.en}`,
  },
  body: { fr: step.explanation.fr, en: step.explanation.en },
});

export const remindPerson: JobHandler<RemindPayload> = async ({ personId, date }, { db }) => {
  const calendars = await personCalendars(db, personId, date);
  const tomorrow = addDays(date, 1);
  await db.transaction(async (tx) => {
    for (const calendar of calendars) {
      for (const step of calendar.steps) {
        for (const reminder of step.reminders) {
          if (reminder.on !== date && reminder.on !== tomorrow) continue;
          const daysBefore = Math.round((Date.parse(step.dueOn) - Date.parse(reminder.on)) / 86_400_000);
          await notify(tx, {
            personId,
            kind: 'journey-step',
            ...reminderText(step, daysBefore),
            link: '/mon-calendrier',
            dueAt: new Date(parisToUtc(reminder.on, REMINDER_MINUTES)),
            // The step's due date is in the key: a moved deadline is a new reminder.
            dedupeKey: `journeys:${personId}:${calendar.journey}:${step.id}:${step.dueOn}:${reminder.on}`,
          });
        }
      }
    }
    if (calendars.length) await scheduleReminderRun(tx, personId, tomorrow);
    else await tx.query('delete from journeys.enrolments where person_id = $1', [personId]);
  });
};

/**
 * A declaration may start a journey for the declarant and the other parent of their famille: put
 * them on the reminder runs (a run that finds no journey takes the person off again). A parent
 * already on them gets one more run today: today's run may be over, and a step the declaration
 * brings may be reminded today.
 */
export const enrolOnDeclaration: EventSubscriber<DeclarationSubmitted> = async (event, { db }) => {
  if (!event.subject) return;
  const file = await getPersonFile(db, event.subject);
  const parents = (file?.famille?.members ?? []).filter((member) => member.role === 'parents').map((m) => m.id);
  const today = parisDate(Date.now());
  await db.transaction(async (tx) => {
    for (const personId of new Set([event.subject!, ...parents]))
      if (!(await enrolInJourneys(tx, personId, today)))
        await scheduleReminderRun(tx, personId, today, `event-${event.id}`);
  });
};
