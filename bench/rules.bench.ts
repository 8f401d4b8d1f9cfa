// npm run bench:rules — the rights engine, three ways:
// 1. one household, the full catalogue with its trace, in this process (p50 and p99);
// 2. POST /api/openfisca/calculate over HTTP on `guichet start` with the embedded defaults (PGlite),
//    loaded by autocannon from this process;
// 3. the full catalogue over 1,000,000 synthetic households in batch (calculateBatch), with the
//    households per second and the peak memory of this process.
// Targets (issue 3): p50 < 0.2 ms; ≥ 3,000 req/s with p99 < 20 ms; < 20 s and < 4 GB.
// 4. the estimate of rights behind POST /api/v1/rights (every right, its explanation, the questions
//    whose answer would change a result), in this process, for the same household.
// BENCH_ONLY=single|http|batch|rights runs one part (BENCH_SKIP_HTTP=1 leaves out part 2); BENCH_PORT (3910).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import {
  calculateBatch,
  estimateRights,
  getSystem,
  membership,
  NotSupportedError,
  OpenfiscaApiError,
  openfiscaTrace as trace,
  type BatchInput,
  type Population,
} from '../src/rules/index.ts';
import { createRandom } from '../src/people/index.ts';
import { startServer } from './server.ts';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20_000);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const ONLY = process.env.BENCH_ONLY;
const runs = (part: 'single' | 'http' | 'batch' | 'rights') =>
  (!ONLY || ONLY === part) && !(part === 'http' && process.env.BENCH_SKIP_HTTP === '1');
const MONTH = '2025-06';
const YEAR = '2025';

const system = getSystem();
const benefitsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/rules/benefits');

/** The catalogue: the variable of each benefit.yaml that Guichet computes, with its period. */
const catalogue = fs
  .readdirSync(benefitsDir)
  .filter((id) => fs.existsSync(path.join(benefitsDir, id, 'benefit.yaml')))
  .map((id) => parse(fs.readFileSync(path.join(benefitsDir, id, 'benefit.yaml'), 'utf8')) as { variable?: string })
  .map((benefit) => benefit.variable)
  .filter((name): name is string => !!name && system.variables.has(name))
  .map((name) => ({ name, variable: system.variable(name) }));
const periodOf = (definitionPeriod: string) => (definitionPeriod === 'year' ? YEAR : MONTH);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (value: number) => value.toFixed(3);

// A couple with two children, one salary, renting: every benefit of the catalogue asked (null).
const household = (requested: string[] = catalogue.map(({ name }) => name)) => {
  const familles: Record<string, Record<string, unknown>> = {
    famille: { parents: ['parent1', 'parent2'], enfants: ['enfant1', 'enfant2'] },
  };
  const individus: Record<string, Record<string, unknown>> = {
    parent1: {
      date_naissance: { ETERNITY: '1988-04-12' },
      // 1,500 € a month over the twelve months before June 2025 (`year:2025-01:12` would be twelve years).
      salaire_net: { 'month:2024-06:12': 18_000 },
      salaire_imposable: { '2023': 19_500 },
    },
    parent2: { date_naissance: { ETERNITY: '1990-09-30' } },
    enfant1: { date_naissance: { ETERNITY: '2015-03-10' } },
    enfant2: { date_naissance: { ETERNITY: '2022-11-02' } },
  };
  for (const { name, variable } of catalogue.filter((entry) => requested.includes(entry.name))) {
    const holder =
      variable.entity === 'famille'
        ? familles.famille!
        : variable.entity === 'individu'
          ? individus.parent1!
          : undefined;
    if (holder) holder[name] = { [periodOf(variable.definitionPeriod)]: null };
  }
  return {
    individus,
    familles,
    menages: {
      menage: {
        personne_de_reference: ['parent1'],
        conjoint: ['parent2'],
        enfants: ['enfant1', 'enfant2'],
        statut_occupation_logement: { [MONTH]: 'locataire_vide' },
      },
    },
  };
};

/** The catalogue entries the engine computes for `situation` ("not supported" ones left out, with why). */
const supportedFor = (situation: (names: string[]) => unknown, run: (input: unknown) => unknown) => {
  const supported: string[] = [];
  const excluded: string[] = [];
  for (const { name } of catalogue) {
    try {
      run(situation([name]));
      supported.push(name);
    } catch (error) {
      if (!(error instanceof OpenfiscaApiError || error instanceof NotSupportedError)) throw error;
      excluded.push(`${name} (${error.message})`);
    }
  }
  return { supported, excluded };
};

const inProcess = () => {
  const { supported, excluded } = supportedFor(household, (input) => trace(system, input));
  const situation = household(supported);
  // `trace()` computes and records the trace; its OpenFisca form is made when read (as the
  // /trace route's JSON serialiser does): measured both ways.
  const measure = (iterations: number, run: () => unknown) => {
    const times = new Array<number>(iterations);
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      run();
      times[i] = performance.now() - start;
    }
    return times.sort((a, b) => a - b);
  };
  const computed = () => trace(system, situation);
  const serialised = () => JSON.stringify(trace(system, situation));
  measure(Math.min(2000, ITERATIONS), computed); // warm-up: the JIT compiles the formulas
  const times = measure(ITERATIONS, computed);
  measure(Math.min(500, ITERATIONS), serialised);
  const withJson = measure(Math.max(1, Math.round(ITERATIONS / 10)), serialised);
  const nodes = Object.keys(trace(system, situation).trace).length;
  return {
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    jsonP50: percentile(withJson, 0.5),
    jsonP99: percentile(withJson, 0.99),
    nodes,
    supported,
    excluded,
  };
};

const overHttp = async (requested: string[]) => {
  // Rate limit lifted for the load generator (one address); everything else as `guichet start`.
  const server = await startServer({
    port: Number(process.env.BENCH_PORT ?? 3910),
    env: { SEED_HOUSEHOLDS: '200', RATE_LIMIT_WRITE_PER_MINUTE: '100000000' },
    waitIdle: true,
  });
  try {
    const body = JSON.stringify(household(requested));
    const check = await fetch(`${server.url}/api/openfisca/calculate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (!check.ok) throw new Error(`/api/openfisca/calculate : ${check.status} ${await check.text()}`);
    const load = (duration: number) =>
      autocannon({
        url: `${server.url}/api/openfisca/calculate`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: CONNECTIONS,
        duration,
      });
    // Warm-up, not measured: the JIT compiles the engine (in the server and in its worker threads).
    await load(WARMUP_SECONDS);
    const result = await load(DURATION_SECONDS);
    if (result.non2xx) throw new Error(`${result.non2xx} réponses non 2xx`);
    return {
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      timeouts: result.timeouts,
      idleMs: server.idleMs,
    };
  } finally {
    await server.stop();
  }
};

const DAY_2025_06_01 = Date.UTC(2025, 5, 1) / 86_400_000;

/** `households` families of one or two adults and zero to three children, each family also a
 *  foyer fiscal and a ménage; incomes, ages and housing drawn at random. */
const syntheticPopulation = (households: number) => {
  // Seeded: the same population at every run.
  const next = createRandom(42).next;
  const sizes = new Uint8Array(households * 2);
  let persons = 0;
  for (let h = 0; h < households; h++) {
    const adults = next() < 0.7 ? 2 : 1;
    const children = Math.floor(next() * 4);
    sizes[2 * h] = adults;
    sizes[2 * h + 1] = children;
    persons += adults + children;
  }
  const group = new Int32Array(persons);
  const familyRole = new Uint8Array(persons);
  const taxRole = new Uint8Array(persons);
  const homeRole = new Uint8Array(persons);
  const birth = new Int32Array(persons);
  const salary = new Float64Array(persons);
  const taxable = new Float64Array(persons);
  const housing = new Int32Array(households);
  const statuts = system.variable('statut_occupation_logement').possibleValues ?? [];
  const renting = ['locataire_vide', 'locataire_hlm', 'proprietaire'].map((statut) => statuts.indexOf(statut));
  let p = 0;
  for (let h = 0; h < households; h++) {
    const adults = sizes[2 * h]!;
    const children = sizes[2 * h + 1]!;
    housing[h] = renting[Math.floor(next() * renting.length)]!;
    for (let a = 0; a < adults; a++, p++) {
      group[p] = h;
      homeRole[p] = a; // personne de référence, then conjoint
      birth[p] = DAY_2025_06_01 - Math.floor((20 + next() * 50) * 365.25);
      const monthly = next() < 0.25 ? 0 : Math.round(800 + next() * 3500);
      salary[p] = monthly * 12;
      taxable[p] = monthly * 12 * 1.08;
    }
    for (let c = 0; c < children; c++, p++) {
      group[p] = h;
      familyRole[p] = 1;
      taxRole[p] = 1;
      homeRole[p] = 2;
      birth[p] = DAY_2025_06_01 - Math.floor(next() * 20 * 365.25);
    }
  }
  const population: Population = {
    persons,
    groups: {
      famille: membership(households, group, familyRole),
      foyer_fiscal: membership(households, group, taxRole),
      menage: membership(households, group, homeRole),
    },
  };
  const inputs: BatchInput[] = [
    { name: 'date_naissance', period: 'eternity', column: birth },
    // A year's amount, spread over its twelve months (`year:2025-01:12` would be twelve years).
    { name: 'salaire_net', period: '2025', column: salary },
    { name: 'salaire_net', period: '2024', column: salary },
    { name: 'salaire_imposable', period: '2023', column: taxable },
    { name: 'statut_occupation_logement', period: '2025', column: housing },
  ];
  return { population, inputs };
};

const total = (column: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < column.length; i++) sum += column[i]!;
  return sum;
};

const batch = () => {
  const built = performance.now();
  const { population, inputs } = syntheticPopulation(HOUSEHOLDS);
  const generatedMs = performance.now() - built;
  const start = performance.now();
  const requests = catalogue.map(({ name, variable }) => ({ name, period: periodOf(variable.definitionPeriod) }));
  // With the system's module, the chunks are also computed on worker threads (one per other core).
  const { columns, notSupported } = calculateBatch(system, population, inputs, requests, {
    systemModule: new URL('../src/rules/system.ts', import.meta.url).href,
  });
  const seconds = (performance.now() - start) / 1000;
  const totals = Object.entries(columns)
    .map(([key, column]) => `${key} ${Math.round(total(column) / 1e6)} M€`)
    .join(', ');
  const refused = Object.entries(notSupported)
    .filter(([, reasons]) => reasons.length)
    .map(
      ([key, reasons]) =>
        `${key} : ${reasons.map(({ reason, rows }) => `${rows.length.toLocaleString('fr-FR')} (${reason})`).join(', ')}`,
    );
  return {
    persons: population.persons,
    generatedMs,
    seconds,
    perSecond: Math.round(HOUSEHOLDS / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    totals,
    refused,
  };
};

console.log(
  `Machine : ${os.cpus().length} cœurs (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} Gio, Node ${process.version}, charge ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `Catalogue : ${catalogue.map(({ name, variable }) => `${name} (${variable.definitionPeriod})`).join(', ')}\n`,
);

if (runs('single')) {
  const one = inProcess();
  if (one.excluded.length)
    console.log(`   Non pris en charge pour ce foyer, donc hors mesure : ${one.excluded.join(' ; ')}`);
  console.log(
    `1. Un foyer, tout le catalogue avec la trace (${one.nodes} valeurs tracées), ${ITERATIONS} fois : p50 ${ms(one.p50)} ms, p99 ${ms(one.p99)} ms (cible p50 < 0,2 ms) ; trace mise en JSON OpenFisca comprise (/trace) : p50 ${ms(one.jsonP50)} ms, p99 ${ms(one.jsonP99)} ms`,
  );
}

if (runs('http')) {
  const http = await overHttp(supportedFor(household, (input) => trace(system, input)).supported);
  if (http.idleMs !== undefined)
    console.log(
      `   Mesure lancée quand le serveur est au repos (ses travaux de démarrage l'ont occupé ${(http.idleMs / 1000).toFixed(1)} s après « prêt »), après ${WARMUP_SECONDS} s de chauffe.`,
    );
  console.log(
    `2. POST /api/openfisca/calculate (PGlite, autocannon ${CONNECTIONS} connexions, ${DURATION_SECONDS} s) : ${http.rps} req/s, p50 ${http.p50} ms, p99 ${http.p99} ms (cible ≥ 3 000 req/s, p99 < 20 ms)${http.timeouts ? `, ${http.timeouts} requêtes au-delà de 10 s` : ''}`,
  );
}

if (runs('batch')) {
  const many = batch();
  console.log(
    `3. Lot : ${HOUSEHOLDS.toLocaleString('fr-FR')} foyers (${many.persons.toLocaleString('fr-FR')} personnes, générés en ${(many.generatedMs / 1000).toFixed(1)} s), tout le catalogue en ${many.seconds.toFixed(1)} s : ${many.perSecond.toLocaleString('fr-FR')} foyers/s, pic de mémoire (RSS) ${many.peakRssMb} Mo (cible < 20 s, < 4 Go)`,
  );
  console.log(`   Totaux : ${many.totals}`);
  if (many.refused.length) console.log(`   Foyers « non pris en charge » : ${many.refused.join(' ; ')}`);
}
if (runs('rights')) {
  // The household as a person would give it: nothing asked, every right estimated.
  const estimate = () => estimateRights(system, household([]), { month: MONTH });
  const iterations = Math.max(1, Math.round(ITERATIONS / 100));
  for (let i = 0; i < Math.min(50, iterations); i++) estimate(); // warm-up
  const times = new Array<number>(iterations);
  let questions = 0;
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    questions = estimate().missing.length;
    times[i] = performance.now() - start;
  }
  times.sort((a, b) => a - b);
  console.log(
    `4. Estimation des droits (ce que calcule POST /api/v1/rights, ${questions} questions qui changeraient un résultat), ${iterations} fois : p50 ${ms(percentile(times, 0.5))} ms, p99 ${ms(percentile(times, 0.99))} ms`,
  );
}
console.log('\nChiffres indicatifs : la machine est partagée (voir la charge ci-dessus).');
