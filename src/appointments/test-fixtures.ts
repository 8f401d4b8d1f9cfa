// Test data for the appointments tests: a site, a service, a reason with the rules asked for, and
// advisors with weekly opening ranges. Written straight into the module's own tables.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../platform/index.ts';
import { getReason } from './catalogue.ts';
import type { Channel } from './compute-slots.ts';

export type FixtureOptions = {
  advisors?: number;
  durationMinutes?: number;
  bookingWindowDays?: number;
  minNoticeMinutes?: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  changeDeadlineMinutes?: number;
  channels?: Channel[];
  /** [weekday, 'HH:MM', 'HH:MM'] for every advisor; Monday to Friday 09:00–12:00 by default. */
  ranges?: [number, string, string][];
  communeCode?: string;
  body?: string;
};

export const createFixture = async (db: Sql, options: FixtureOptions = {}) => {
  const body = options.body ?? 'caf';
  const [site] = await db.query<{ id: string }>(
    `insert into appointments.sites (body, name, address_label, postcode, commune_code, commune_name, opening_hours)
     values ($1, 'Accueil de test', '1 rue de la Gare', '69003', $2, 'Lyon', 'En semaine') returning id`,
    [body, options.communeCode ?? '69123'],
  );
  const [service] = await db.query<{ id: string }>(
    `insert into appointments.services (body, name) values ($1, 'Famille') returning id`,
    [body],
  );
  const [reasonRow] = await db.query<{ id: string }>(
    `insert into appointments.reasons (service_id, code, label, duration_minutes, channels, booking_window_days,
       min_notice_minutes, buffer_before_minutes, buffer_after_minutes, change_deadline_minutes, documents_expected,
       instructions_before)
     values ($1, $2, 'Comprendre mes droits après une naissance', $3, $4, $5, $6, $7, $8, $9,
       '[{"code":"acte-naissance","label":{"fr":"Acte de naissance","en":"Birth certificate"}}]', 'Apportez le livret de famille.')
     returning id`,
    [
      service!.id,
      `test-${randomUUID().slice(0, 8)}`,
      options.durationMinutes ?? 30,
      options.channels ?? ['video', 'phone', 'in_person'],
      options.bookingWindowDays ?? 60,
      options.minNoticeMinutes ?? 0,
      options.bufferBeforeMinutes ?? 0,
      options.bufferAfterMinutes ?? 0,
      options.changeDeadlineMinutes ?? 0,
    ],
  );
  const advisorIds: string[] = [];
  const ranges =
    options.ranges ?? [1, 2, 3, 4, 5].map((weekday): [number, string, string] => [weekday, '09:00', '12:00']);
  for (let index = 0; index < (options.advisors ?? 1); index++) {
    const agentId = randomUUID();
    const [advisor] = await db.query<{ id: string }>(
      `insert into appointments.advisors (agent_id, email, display_name, body) values ($1, $2, $3, $4) returning id`,
      [agentId, `conseiller.${agentId}@test.fr`, `Conseiller ${index + 1}`, body],
    );
    advisorIds.push(advisor!.id);
    for (const [weekday, start, end] of ranges) {
      const [range] = await db.query<{ id: string }>(
        `insert into appointments.opening_ranges (advisor_id, site_id, weekday, start_time, end_time, channels, valid_from)
         values ($1, $2, $3, $4, $5, '{video,phone,in_person}', '2020-01-01') returning id`,
        [advisor!.id, site!.id, weekday, start, end],
      );
      await db.query('insert into appointments.opening_range_reasons values ($1, $2)', [range!.id, reasonRow!.id]);
    }
  }
  return { siteId: site!.id, reasonId: reasonRow!.id, reason: await getReason(db, reasonRow!.id), advisorIds };
};

export const agentIdOf = async (db: Sql, advisorId: string) =>
  (await db.query<{ agent_id: string }>('select agent_id from appointments.advisors where id = $1', [advisorId]))[0]!
    .agent_id;
