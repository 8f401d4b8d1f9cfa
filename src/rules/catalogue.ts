// The benefits catalogue as data: one `benefit.yaml` per folder of src/rules/benefits/, checked
// against a schema. A computed benefit names the OpenFisca variable that gives its amount; an
// entry with `computed: false` still tells a household who may claim it (conditions in plain
// French), which body pays it, the legal articles and the official page, so the rights API can
// list every aid a household commonly claims, computed or not.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const text = z.string().trim().min(1);

const common = {
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.strictObject({ fr: text, en: text }),
  /** Who pays or grants it: caf, msa, cpam, cnav, education_nationale, asp… */
  body: text,
  periodicity: text,
  service_public: z.url(),
  legal_articles: z.array(text).min(1),
  /** How to claim it, in plain French. */
  how_to_claim: text.optional(),
  /** Who may claim it, one condition per line, in plain French. */
  eligibility: z.array(text).min(1).optional(),
};

const computedEntry = z.strictObject({
  ...common,
  computed: z.literal(true).default(true),
  entity: z.enum(['individu', 'famille', 'foyer_fiscal', 'menage']),
  variable: text,
  period: z.enum(['month', 'year']),
  /** How to read the variable: euros for the period, euros per day (daily allowances, not to
   *  be added to monthly totals), or a right without an amount (true / false). */
  unit: z.enum(['currency', 'currency_per_day', 'bool']),
  /** What the amount is, in OpenFisca's convention (gross of CRDS…), and what is paid. */
  amount_convention: text,
  /** The situations answered "not supported" or not taken into account, in plain French. */
  not_supported_yet: text,
});

const catalogueOnlyEntry = z.strictObject({
  ...common,
  computed: z.literal(false),
  eligibility: z.array(text).min(1),
  /** The amount as the official page states it, for information. */
  amount: text,
  /** Why Guichet does not compute it yet. */
  not_computed_because: text,
});

export type ComputedCatalogueEntry = z.infer<typeof computedEntry>;
export type CatalogueEntry = ComputedCatalogueEntry | z.infer<typeof catalogueOnlyEntry>;

/** Checks one entry against the schema its `computed` flag selects, so errors name the field. */
export const parseCatalogueEntry = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && (raw as { computed?: unknown }).computed === false
    ? catalogueOnlyEntry.safeParse(raw)
    : computedEntry.safeParse(raw);

export class CatalogueFileError extends Error {
  override name = 'CatalogueFileError';
}

/** Reads and checks every `benefit.yaml` under `dir`, sorted by id; the id must be the folder's name. */
export const loadCatalogue = (dir: string): CatalogueEntry[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'benefit.yaml')))
    .map((entry) => {
      const file = path.join(dir, entry.name, 'benefit.yaml');
      const checked = parseCatalogueEntry(parse(fs.readFileSync(file, 'utf8')));
      if (!checked.success)
        throw new CatalogueFileError(
          `${file} : ${checked.error.issues.map((issue) => `${issue.path.join('.') || '(racine)'} — ${issue.message}`).join(' ; ')}`,
        );
      if (checked.data.id !== entry.name)
        throw new CatalogueFileError(`${file} : id « ${checked.data.id} » différent du dossier « ${entry.name} »`);
      return checked.data;
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
