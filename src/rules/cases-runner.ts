// Runs test cases written in OpenFisca-France's YAML format (name, period, input, output,
// absolute_error_margin, relative_error_margin) and says, per case, pass, fail or not supported
// (a variable Guichet does not implement, or a period before its dated parameters). Guichet's own
// cases may add `not_supported: <reason>`: the case passes only if Guichet refuses to answer, for
// that reason (a situation the rules do not cover yet must never get a wrong amount).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ArithmeticError, evaluateArithmetic } from './arithmetic.ts';
import type { Column } from './engine/columns.ts';
import { ENTITIES, type EntityKey } from './engine/entities.ts';
import { NotSupportedError, SituationError } from './engine/errors.ts';
import { buildSimulation } from './engine/evaluate.ts';
import { dayNumber, parsePeriod, periodKey, type Period } from './engine/period.ts';
import type { Simulation } from './engine/simulation.ts';
import type { TaxBenefitSystem } from './engine/tax-benefit-system.ts';

export type CaseStatus = 'pass' | 'fail' | 'not supported';

export type CaseResult = { file: string; name: string; status: CaseStatus; messages: string[]; warnings: string[] };

export type CasesReport = { results: CaseResult[]; passed: number; failed: number; notSupported: number };

type Case = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PERIOD_KEY = /^(\d{4}(-\d{2})?|(month|year):\d{4}(-\d{2})?(:\d+)?)$/;

const parseNumber = (text: string, where: string): number => {
  try {
    return evaluateArithmetic(text);
  } catch (error) {
    throw new SituationError(where, error instanceof ArithmeticError ? error.message : String(error));
  }
};

/** Every `.yaml`/`.yml` file under the given files or folders, sorted (benefit descriptions excepted). */
export const findCaseFiles = (paths: string[]): string[] =>
  paths
    .flatMap((p) =>
      fs.statSync(p).isDirectory()
        ? fs
            .readdirSync(p, { recursive: true })
            .map(String)
            .filter((f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && path.basename(f) !== 'benefit.yaml')
            .map((f) => path.join(p, f))
        : [p],
    )
    .sort();

export const runCaseFiles = (system: TaxBenefitSystem, paths: string[]): CasesReport => {
  const results: CaseResult[] = [];
  for (const file of findCaseFiles(paths)) {
    let cases: unknown;
    try {
      cases = parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      results.push({ file, name: '(fichier illisible)', status: 'fail', messages: [String(error)], warnings: [] });
      continue;
    }
    for (const testCase of Array.isArray(cases) ? cases : [cases])
      results.push({ file, ...runCase(system, testCase as Case) });
  }
  return {
    results,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    notSupported: results.filter((r) => r.status === 'not supported').length,
  };
};

/** One case: not supported as soon as a variable is unknown or a parameter has no value then. */
export const runCase = (system: TaxBenefitSystem, testCase: Case): Omit<CaseResult, 'file'> => {
  const name = String(testCase.name ?? '(sans nom)');
  const result = (status: CaseStatus, messages: string[], warnings: string[] = []) => ({
    name,
    status,
    messages,
    warnings,
  });
  if (testCase.reforms || testCase.extensions)
    return result('not supported', ['réformes et extensions OpenFisca non prises en charge']);
  // Guichet's own key: the case proves a situation is answered "not supported" for this reason.
  const expectedNotSupported = testCase.not_supported === undefined ? undefined : String(testCase.not_supported);
  if (expectedNotSupported !== undefined) {
    const outcome = runCase(system, { ...testCase, not_supported: undefined });
    if (outcome.status === 'not supported' && outcome.messages.some((m) => m.includes(expectedNotSupported)))
      return result('pass', [], outcome.warnings);
    return result(
      'fail',
      [
        `attendu « non pris en charge » pour la raison « ${expectedNotSupported} », obtenu ${outcome.status}`,
        ...outcome.messages,
      ],
      outcome.warnings,
    );
  }
  let simulation: Simulation | undefined;
  try {
    const period = parsePeriod(String(testCase.period ?? firstPeriod(testCase.output)));
    const built = buildSimulation(system, (testCase.input ?? {}) as Record<string, unknown>, {
      period,
      parseNumber: evaluateArithmetic,
    });
    simulation = built.simulation;
    const checks = expectations(testCase.output, period, built.ids);
    for (const check of checks) system.variable(check.variable);
    const margins = {
      absolute: numberOr(testCase.absolute_error_margin),
      relative: numberOr(testCase.relative_error_margin),
    };
    const failures: string[] = [];
    for (const check of checks) {
      const variable = system.variable(check.variable);
      const column =
        variable.definitionPeriod === 'month' && check.period.unit !== 'month'
          ? simulation.add(check.variable, check.period)
          : simulation.calculate(check.variable, check.period);
      const ids = built.ids[variable.entity];
      // A single expected value for several rows applies to each (OpenFisca broadcasts it).
      const expectedRows =
        !check.rows && check.expected.length === 1 ? ids.map(() => check.expected[0]) : check.expected;
      expectedRows.forEach((expected, index) => {
        const row = check.rows ? ids.indexOf(check.rows[index]!) : index;
        if (row < 0 || row >= ids.length) {
          failures.push(
            `${check.variable} : ${check.rows?.[index] ?? `ligne ${index}`} n'est pas un ${variable.entity}`,
          );
          return;
        }
        const actual = (column as Column)[row]!;
        const wanted = toNumber(
          expected,
          variable.valueType,
          `${check.variable}.${periodKey(check.period)}`,
          variable.possibleValues,
        );
        if (!isNear(actual, wanted, margins)) {
          failures.push(
            `${check.variable} (${periodKey(check.period)}, ${ids[row]}) : attendu ${show(wanted, variable.valueType)}, obtenu ${show(actual, variable.valueType)}`,
          );
        }
      });
    }
    return result(failures.length ? 'fail' : 'pass', failures, [...simulation.warnings]);
  } catch (error) {
    if (error instanceof NotSupportedError)
      return result('not supported', [error.message], simulation ? [...simulation.warnings] : []);
    return result('fail', [error instanceof Error ? error.message : String(error)]);
  }
};

type Check = { variable: string; period: Period; expected: unknown[]; rows?: string[] };

/** Output in any of the test format's shapes: `var: x`, `var: [x, y]`, `var: {2024-01: x}`,
 *  or per entity id `parent1: {var: x}`. */
const expectations = (output: unknown, period: Period, ids: Record<EntityKey, string[]>): Check[] => {
  if (!isRecord(output)) return [];
  const allIds = new Set(Object.values(ids).flat());
  const checks: Check[] = [];
  const add = (variable: string, value: unknown, rows?: string[]) => {
    if (isRecord(value) && Object.keys(value).every((k) => PERIOD_KEY.test(k))) {
      for (const [p, v] of Object.entries(value))
        checks.push({ variable, period: parsePeriod(p), expected: Array.isArray(v) ? v : [v], rows });
      return;
    }
    if (isRecord(value)) {
      // Per entity id under the variable: `af: {famille_1: x}`.
      for (const [id, v] of Object.entries(value)) add(variable, v, [id]);
      return;
    }
    checks.push({ variable, period, expected: Array.isArray(value) ? value : [value], rows });
  };
  for (const [key, value] of Object.entries(output)) {
    if (allIds.has(key) && isRecord(value)) {
      for (const [variable, v] of Object.entries(value)) add(variable, v, [key]);
    } else if (Object.values(ENTITIES).some((e) => e.plural === key || e.key === key) && isRecord(value)) {
      for (const [id, variables] of Object.entries(value))
        if (isRecord(variables)) for (const [variable, v] of Object.entries(variables)) add(variable, v, [id]);
    } else {
      add(key, value);
    }
  }
  return checks;
};

/** A case without `period` gives a period with every value: take the first output's. */
const firstPeriod = (output: unknown): string => {
  if (isRecord(output)) {
    for (const value of Object.values(output)) {
      if (isRecord(value)) for (const key of Object.keys(value)) if (PERIOD_KEY.test(key)) return key;
    }
  }
  return 'période absente';
};

const numberOr = (value: unknown): number | undefined =>
  value === undefined || value === null
    ? undefined
    : typeof value === 'number'
      ? value
      : evaluateArithmetic(String(value));

const toNumber = (value: unknown, type: string, where: string, possibleValues: readonly string[] = []): number => {
  if (type === 'enum') {
    const index = possibleValues.indexOf(String(value));
    if (index < 0) throw new SituationError(where, `valeur attendue inconnue « ${String(value)} »`);
    return index;
  }
  if (type === 'bool') {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value === 0 || value === 1) return value;
    throw new SituationError(where, `valeur attendue non booléenne « ${String(value)} »`);
  }
  if (type === 'date') return dayNumber(String(value));
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseNumber(value, where);
  throw new SituationError(where, `valeur attendue non numérique « ${String(value)} »`);
};

const isNear = (actual: number, expected: number, margins: { absolute?: number; relative?: number }): boolean => {
  const gap = Math.abs(actual - expected);
  if (margins.absolute !== undefined && gap <= margins.absolute + 1e-9) return true;
  if (margins.relative !== undefined && gap <= margins.relative * Math.abs(expected) + 1e-9) return true;
  return gap <= 1e-9 * Math.max(1, Math.abs(expected));
};

const show = (value: number, type: string) =>
  type === 'bool'
    ? String(value !== 0)
    : type === 'date'
      ? new Date(value * 86_400_000).toISOString().slice(0, 10)
      : String(Math.round(value * 1e6) / 1e6);

/** Printable report: one line per case, then the totals. */
export const formatReport = (report: CasesReport, { verbose = false } = {}): string => {
  const lines: string[] = [];
  for (const r of report.results) {
    const mark = r.status === 'pass' ? 'réussi     ' : r.status === 'fail' ? 'ÉCHEC      ' : 'non couvert';
    if (r.status === 'not supported' && !verbose) continue;
    lines.push(`${mark}  ${r.file} — ${r.name}`);
    for (const message of r.messages) lines.push(`             ${message}`);
    for (const warning of r.warnings) lines.push(`             avertissement : ${warning}`);
  }
  if (!verbose && report.notSupported)
    lines.push(`(${report.notSupported} cas non couverts par Guichet : --verbose pour le détail)`);
  lines.push(`non couverts (not supported) : ${report.notSupported}`);
  lines.push(`${report.passed} passed, ${report.failed} failed, ${report.notSupported} skipped`);
  return lines.join('\n');
};
