// npm run bench:journeys — (1) the birth journey's whole calendar for one family, amounts from the
// rights engine included (target p50 < 5 ms); (2) one day's reminder run over BENCH_FAMILIES
// families (100,000 by default): calendars computed, the reminders due today or tomorrow handed
// to the notifications module, the run repeated (no duplicate may appear), then fired by the
// real job workers. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import os from 'node:os';
import { migrationSources } from '../src/main.ts';
import { MODULES } from '../src/modules.ts';
import { birthJourney, buildCalendar, type BirthFacts } from '../src/journeys/index.ts';
import { notify } from '../src/notifications/index.ts';
import { addDays, createJobRegistry, createWorker, installJobRegistry } from '../src/platform/index.ts';
import { testConfig, testDb, testLogger } from '../src/platform/testing/index.ts';
import { evaluate } from '../src/rules/index.ts';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 100_000);
const TODAY = '2026-11-24';
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * p)]!;
const months = Array.from(
  { length: 24 },
  (_, index) => `${2026 + Math.floor((index + 10) / 12)}-${String(((index + 10) % 12) + 1).padStart(2, '0')}`,
);
const monthly = (amount: number) => Object.fromEntries(months.map((month) => [month, amount]));
const yearly = (amount: number) => ({ 2024: amount, 2025: amount, 2026: amount, 2027: amount });

// A couple, one child of 4, a baby expected on 15 March 2027 (OpenFisca-France situation).
const situation = {
  individus: {
    camille: {
      date_naissance: { ETERNITY: '1994-05-02' },
      salaire_net: monthly(1650),
      salaire_imposable: yearly(21_600),
    },
    julien: {
      date_naissance: { ETERNITY: '1992-09-14' },
      salaire_net: monthly(1900),
      salaire_imposable: yearly(24_800),
    },
    lucas: { date_naissance: { ETERNITY: '2022-06-03' } },
    bebe: { date_naissance: { ETERNITY: '2027-03-15' } },
  },
  familles: { famille: { parents: ['camille', 'julien'], enfants: ['lucas', 'bebe'] } },
  foyers_fiscaux: { foyer: { declarants: ['camille', 'julien'], personnes_a_charge: ['lucas', 'bebe'] } },
  menages: { menage: { personne_de_reference: ['camille'], conjoint: ['julien'], enfants: ['lucas', 'bebe'] } },
};
const facts: BirthFacts = {
  expectedBirthDate: '2027-03-15',
  previousChildren: 1,
  expectedChildren: 1,
  isAlsaceMoselle: false,
  hasSecondParent: true,
  isAgricultural: false,
};
const amountOf = (variable: string, month: string) => {
  try {
    const { values } = evaluate(situation, { period: month, variables: [variable] });
    return Object.values(values[variable] ?? {}).reduce<number>((sum, value) => sum + Number(value), 0);
  } catch {
    return null;
  }
};

console.log(`Machine : ${os.cpus().length} cœurs (${os.cpus()[0]?.model}), Node ${process.version}\n`);
const timings: number[] = [];
let withAmounts = 0;
for (let run = 0; run < 2_000; run++) {
  const started = performance.now();
  const calendar = buildCalendar(birthJourney, { facts, amountOf, today: TODAY, done: new Set() });
  timings.push(performance.now() - started);
  withAmounts = calendar.steps.filter((step) => step.amount?.euros != null).length;
}
console.log(
  `calendrier naissance d’une famille (${withAmounts} montants du moteur de droits) : p50 ${percentile(timings, 0.5).toFixed(2)} ms, p99 ${percentile(timings, 0.99).toFixed(2)} ms`,
);

// One day's run. Expected dates spread over the next nine months and births over the last three
// years, as in a real population on the journey; persons are ids only (their e-mail is unknown,
// so each sending is logged "skipped": what is measured is the scheduling and the job pipeline).
const families = Array.from({ length: FAMILIES }, (_, index) => {
  const offset = (index * 7919) % 1_370; // days, deterministic spread
  const born = offset >= 270;
  const date = addDays(TODAY, born ? 270 - offset : offset);
  return {
    personId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    facts: { ...facts, expectedBirthDate: date, birthDate: born ? date : null },
  };
});
const noAmount = () => null;
const tomorrow = addDays(TODAY, 1);

for (const databaseUrl of [undefined, process.env.TEST_DATABASE_URL].filter((url, index) => index === 0 || url)) {
  if (databaseUrl) process.env.TEST_DATABASE_URL = databaseUrl;
  else delete process.env.TEST_DATABASE_URL;
  const db = await testDb(migrationSources());
  const label = db.kind === 'pg' ? 'PostgreSQL' : 'PGlite';
  const schedule = async () => {
    const started = performance.now();
    let handed = 0;
    for (let first = 0; first < families.length; first += 1_000) {
      const due = families
        .slice(first, first + 1_000)
        .flatMap(({ personId, facts: own }) =>
          buildCalendar(birthJourney, { facts: own, amountOf: noAmount, today: TODAY, done: new Set() }).steps.flatMap(
            (step) =>
              step.reminders
                .filter((reminder) => reminder.on === TODAY || reminder.on === tomorrow)
                .map((reminder) => ({ personId, step, on: reminder.on })),
          ),
        );
      await db.transaction(async (tx) => {
        for (const { personId, step, on } of due)
          await notify(tx, {
            personId,
            kind: 'journey-step',
            title: step.title,
            body: step.explanation,
            link: '/mon-calendrier',
            dedupeKey: `journeys:${personId}:naissance:${step.id}:${step.dueOn}:${on}`,
          });
      });
      handed += due.length;
    }
    return { handed, seconds: (performance.now() - started) / 1000 };
  };
  const first = await schedule();
  const second = await schedule();
  const [{ count }] = (await db.query<{ count: number }>(
    'select count(*)::int as count from notifications.notifications',
  )) as [{ count: number }];
  console.log(
    `[${label}] ${FAMILIES} familles : ${first.handed} rappels du jour et du lendemain, calculés et confiés en ${first.seconds.toFixed(1)} s (${Math.round(FAMILIES / first.seconds)} familles/s) ; rejoué (${second.handed} rappels confiés de nouveau en ${second.seconds.toFixed(1)} s) : ${count} notifications en base (doublons : ${count - first.handed})`,
  );

  const config = testConfig({ WORKER_CONCURRENCY: '8' });
  const worker = createWorker({
    db,
    logger: testLogger(),
    config,
    registry: installJobRegistry(createJobRegistry(MODULES)),
    concurrency: 8,
    pollIntervalMs: 20,
  });
  const started = performance.now();
  worker.start();
  for (;;) {
    const [{ left }] = (await db.query<{ left: number }>(
      `select count(*)::int as left from platform.jobs where type = 'notifications.deliver-notification' and status in ('queued', 'running')`,
    )) as [{ left: number }];
    if (left === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  const [{ sent, dead }] = (await db.query<{ sent: number; dead: number }>(
    `select count(*) filter (where status = 'done')::int as sent, count(*) filter (where status = 'dead')::int as dead
       from platform.jobs where type = 'notifications.deliver-notification'`,
  )) as [{ sent: number; dead: number }];
  console.log(
    `[${label}] déclenchés : ${sent} envois en ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s), ${dead} en échec`,
  );
  await db.close();
}
