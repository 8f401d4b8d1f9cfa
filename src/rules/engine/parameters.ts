// Dated parameters: every legal amount, rate and threshold lives in a YAML file under
// src/rules/parameters/, one value per start date, each with its legal reference and its source,
// and a `last_confirmed` date: the day the latest value was last checked to be in force.
// Asking past that date gives a warning; asking before the first value is "not supported".
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { NotSupportedError } from './errors.ts';
import { month, MonthTable, startDate } from './period.ts';

export type ParameterValue = {
  start: string;
  value: number | string | null;
  reference: string;
  source: string;
};

export type Parameter = {
  name: string;
  description: string;
  unit: string;
  lastConfirmed: string;
  values: ParameterValue[];
};

/** A parameter's value at a date, with where it comes from. */
export type ParameterAt = ParameterValue & { name: string; at: string; warning?: string };

export type ParameterSet = {
  get: (name: string) => Parameter | undefined;
  at: (name: string, date: string) => ParameterAt;
  /** `at` the first day of a month (1–12) of a year, found without building the date's text. */
  atMonth: (name: string, year: number, monthNumber: number) => ParameterAt;
  all: () => Parameter[];
};

export class ParameterFileError extends Error {
  override name = 'ParameterFileError';
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : '';

/** Reads one parameter file's content; `name` is its dotted path under the parameters folder. */
export const readParameter = (name: string, content: unknown, file = name): Parameter => {
  const fail = (message: string): never => {
    throw new ParameterFileError(`${file} : ${message}`);
  };
  if (typeof content !== 'object' || content === null) return fail('le fichier doit décrire un paramètre');
  const data = content as Record<string, unknown>;
  const lastConfirmed = asText(data.last_confirmed);
  if (!ISO.test(lastConfirmed)) fail('last_confirmed doit être une date AAAA-MM-JJ');
  if (typeof data.values !== 'object' || data.values === null) fail('values manquant');
  const values = Object.entries(data.values as Record<string, unknown>).map(([start, raw]): ParameterValue => {
    if (!ISO.test(start)) fail(`date de début invalide « ${start} »`);
    const entry = (raw ?? {}) as Record<string, unknown>;
    const value = entry.value;
    if (value !== null && typeof value !== 'number' && typeof value !== 'string')
      fail(`${start} : value doit être un nombre, une date ou null`);
    const reference = asText(entry.reference);
    const source = asText(entry.source);
    if (value !== null && (!reference || !source))
      fail(`${start} : chaque valeur a une référence juridique (reference) et une source (source)`);
    return { start, value: value as number | string | null, reference, source };
  });
  if (!values.length) fail('aucune valeur');
  values.sort((a, b) => (a.start < b.start ? -1 : 1));
  return {
    name,
    description: asText(data.description),
    unit: asText(data.unit) || 'number',
    lastConfirmed,
    values,
  };
};

/** Loads every `*.yaml` under `dir`; a parameter's name is its path with dots (`a/b/c.yaml` → `a.b.c`). */
export const loadParameters = (dir: string): ParameterSet => {
  const byName = new Map<string, Parameter>();
  for (const file of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (!file.endsWith('.yaml')) continue;
    const name = file.slice(0, -'.yaml'.length).split(path.sep).join('.');
    const full = path.join(dir, file);
    byName.set(name, readParameter(name, parse(fs.readFileSync(full, 'utf8')), full));
  }
  return parameterSet(byName);
};

export const parameterSet = (byName: Map<string, Parameter>): ParameterSet => {
  // By name, then by date: no key to build on the engine's hottest path.
  const cache = new Map<string, Map<string, ParameterAt>>();
  const at = (name: string, date: string): ParameterAt => {
    let byDate = cache.get(name);
    if (!byDate) {
      byDate = new Map();
      cache.set(name, byDate);
    }
    const cached = byDate.get(date);
    if (cached) return cached;
    const parameter = byName.get(name);
    if (!parameter) throw new NotSupportedError(`paramètre inconnu : ${name}`);
    let found: ParameterValue | undefined;
    for (const value of parameter.values) if (value.start <= date) found = value;
    if (!found || found.value === null) {
      const first = parameter.values.find((v) => v.value !== null);
      throw new NotSupportedError(
        found
          ? `non pris en charge : le paramètre ${name} n'a pas de valeur au ${date} (fin de validité le ${found.start})`
          : `non pris en charge : pas de paramètre ${name} pour le ${date} (première valeur connue de Guichet : ${first?.start ?? 'aucune'})`,
      );
    }
    const result: ParameterAt = { ...found, name, at: date };
    if (date > parameter.lastConfirmed) {
      result.warning = `${name} : valeur du ${found.start} vérifiée pour la dernière fois le ${parameter.lastConfirmed} ; au ${date} elle peut avoir changé (revalorisation non encore enregistrée)`;
    }
    byDate.set(date, result);
    return result;
  };
  const byMonth = new Map<string, MonthTable<ParameterAt>>();
  const atMonth = (name: string, year: number, monthNumber: number): ParameterAt => {
    let table = byMonth.get(name);
    if (!table) {
      table = new MonthTable();
      byMonth.set(name, table);
    }
    let found = table.get(year, monthNumber);
    if (!found) {
      found = at(name, startDate(month(year, monthNumber)));
      table.set(year, monthNumber, found);
    }
    return found;
  };
  return { get: (name) => byName.get(name), at, atMonth, all: () => [...byName.values()] };
};
