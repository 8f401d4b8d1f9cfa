// npm run bench:appointments — slots for 200 advisors over 60 days (target < 50 ms), and 500
// concurrent bookings of one slot (exactly one succeeds) on PostgreSQL when TEST_DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { bookAppointment, findAvailableSlots } from '../src/appointments/index.ts';
import { migrationSources } from '../src/main.ts';
import { testDb } from '../src/platform/testing/index.ts';
import { createFixture } from '../src/appointments/testing/index.ts';

const NOW = Date.parse('2027-03-01T06:00:00Z');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const db = await testDb(migrationSources());
try {
  const { reasonId } = await createFixture(db, {
    advisors: 200,
    bookingWindowDays: 90,
    ranges: [1, 2, 3, 4, 5].flatMap((weekday): [number, string, string][] => [
      [weekday, '09:00', '12:00'],
      [weekday, '13:30', '16:30'],
    ]),
  });
  // A tenth of the time already booked, so that the busy intervals count.
  for (let day = 0; day < 20; day++) {
    const date = new Date(Date.parse('2027-03-02T08:00:00Z') + day * 86_400_000);
    if ([0, 6].includes(date.getUTCDay())) continue;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        bookAppointment(
          db,
          { personId: randomUUID(), reasonId, channel: 'video', startsAt: date.toISOString() },
          { now: NOW },
        ).catch(() => null),
      ),
    );
  }
  // Statistics as a running server has them (autovacuum on PostgreSQL, the seed's analyze on
  // PGlite): without them the planner takes 2,000 opening ranges for 10 and nests its loops.
  await db.exec('analyze');
  const timings: number[] = [];
  let count = 0;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    const { slots } = await findAvailableSlots(
      db,
      { reasonId, channel: 'video', from: '2027-03-02', to: '2027-04-30' },
      { now: NOW },
    );
    timings.push(performance.now() - started);
    count = slots.length;
  }
  console.log(
    `[${db.kind}] slots, 200 advisors × 60 days: ${count} slots, median ${median(timings).toFixed(1)} ms (first ${timings[0]!.toFixed(1)} ms)`,
  );

  if (db.kind === 'pg') {
    const { reasonId: single } = await createFixture(db);
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, () =>
        bookAppointment(
          db,
          { personId: randomUUID(), reasonId: single, channel: 'video', startsAt: '2027-03-02T08:00:00.000Z' },
          { now: NOW },
        ),
      ),
    );
    const booked = results.filter((result) => result.status === 'fulfilled').length;
    console.log(
      `[pg] 500 concurrent bookings of one slot: ${booked} booked, ${results.length - booked} refused (409), settled in ${(performance.now() - started).toFixed(0)} ms`,
    );
  } else {
    console.log('[pglite] concurrent bookings: set TEST_DATABASE_URL to measure them on PostgreSQL.');
  }
} finally {
  await db.close();
}
