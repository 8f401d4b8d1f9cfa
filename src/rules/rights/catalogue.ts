// The catalogue (src/rules/catalogue.ts) as the rights API reads it: computed entries name the
// engine's variable, the others are described only (conditions, body, page). A new folder under
// src/rules/benefits/ is a new entry, with no list to keep in step.
import { getCatalogue } from '../system.ts';

export type Texts = { fr: string; en: string };

/** A catalogue entry as the rights API uses it (the file's French texts serve both languages). */
export type RightsEntry = {
  id: string;
  label: Texts;
  body: string;
  entity: 'individu' | 'famille' | 'foyer_fiscal' | 'menage';
  /** The engine's variable giving the amount; undefined for an entry described only. */
  variable: string | undefined;
  period: 'month' | 'year';
  /** `bool` for a right without an amount (a free complementary health cover): yes or no. */
  unit: 'currency' | 'currency_per_day' | 'bool';
  /** Paid once (a birth or adoption grant): the amount is looked for in the coming twelve months. */
  isPaidOnce: boolean;
  periodicity: Texts;
  amountConvention: Texts | undefined;
  claimUrl: string;
  howToClaim: Texts | undefined;
  legalArticles: string[];
  /** What is not covered yet, or why the entry is not computed. */
  limits: Texts | undefined;
  conditions: Texts[];
};

const same = (text: string | undefined): Texts | undefined =>
  text === undefined ? undefined : { fr: text.trim(), en: text.trim() };

let entries: RightsEntry[] | undefined;

/** Every entry of the catalogue (src/rules/benefits/<id>/benefit.yaml), sorted by id. */
export const rightsCatalogue = (): RightsEntry[] => {
  entries ??= getCatalogue().map((entry): RightsEntry => {
    const isComputed = entry.computed !== false;
    return {
      id: entry.id,
      label: entry.label,
      body: entry.body,
      entity: 'entity' in entry ? entry.entity : 'famille',
      variable: 'variable' in entry ? entry.variable : undefined,
      period: 'period' in entry ? entry.period : 'month',
      unit: 'unit' in entry ? entry.unit : 'currency',
      isPaidOnce: /^une fois/i.test(entry.periodicity),
      periodicity: same(entry.periodicity)!,
      amountConvention: same(
        'amount_convention' in entry ? entry.amount_convention : 'amount' in entry ? entry.amount : undefined,
      ),
      claimUrl: entry.service_public,
      howToClaim: same(entry.how_to_claim),
      legalArticles: entry.legal_articles,
      limits: same(
        isComputed && 'not_supported_yet' in entry
          ? entry.not_supported_yet
          : 'not_computed_because' in entry
            ? entry.not_computed_because
            : undefined,
      ),
      conditions: (entry.eligibility ?? []).map((condition) => same(condition)!),
    };
  });
  return entries;
};

/** The bodies a benefit names, as people call them. */
export const BODY_NAMES: Record<string, Texts> = {
  caf: { fr: 'Caisse d’allocations familiales (CAF) ou MSA', en: 'Family allowance fund (CAF) or MSA' },
  msa: { fr: 'Mutualité sociale agricole (MSA)', en: 'Agricultural social insurance (MSA)' },
  cpam: { fr: 'Assurance Maladie (CPAM)', en: 'Health insurance (CPAM)' },
  education_nationale: { fr: 'Établissement scolaire (Éducation nationale)', en: 'School (Ministry of Education)' },
  asp: { fr: 'Agence de services et de paiement (ASP)', en: 'Services and payment agency (ASP)' },
  cnav: { fr: 'Assurance retraite (CNAV, Carsat) ou MSA', en: 'State pension fund (CNAV, Carsat) or MSA' },
  urssaf: { fr: 'Urssaf', en: 'Urssaf' },
  'france-travail': { fr: 'France Travail', en: 'France Travail (job centre)' },
  dgfip: { fr: 'Direction générale des finances publiques (impots.gouv.fr)', en: 'Tax administration (DGFiP)' },
  'etat-civil': { fr: 'Mairie (état civil)', en: 'Town hall (civil registry)' },
};

export const bodyName = (body: string): Texts => BODY_NAMES[body] ?? { fr: body, en: body };
