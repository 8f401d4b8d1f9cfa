// A journey no declaration starts (the person's file alone says they are on it) starts the day
// Guichet first finds them on it: that day is kept, so its deadlines do not slide day after day,
// and forgotten when they are no longer on it, so that a later event starts it afresh.
import type { Sql } from '../platform/index.ts';

/** The day the journey started for the person: the one recorded, or `today`, recorded now. */
export const recordStart = async (db: Sql, personId: string, journey: string, today: string) => {
  // The insert's row is not visible to the select of the same statement: one row comes back either way.
  const [row] = await db.query<{ started_on: string }>(
    `with inserted as (
       insert into journeys.journey_starts (person_id, journey, started_on) values ($1, $2, $3)
       on conflict do nothing returning started_on
     )
     select to_char(started_on, 'YYYY-MM-DD') as started_on from inserted
     union all
     select to_char(started_on, 'YYYY-MM-DD') from journeys.journey_starts where person_id = $1 and journey = $2`,
    [personId, journey, today],
  );
  return row!.started_on;
};

export const forgetStart = (db: Sql, personId: string, journey: string) =>
  db.query('delete from journeys.journey_starts where person_id = $1 and journey = $2', [personId, journey]);
