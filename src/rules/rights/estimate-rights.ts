// Every benefit of the catalogue for one situation: eligible or not, the amount, the body, when it
// is paid, the reasons (each condition met or failed, read from the trace), the legal articles,
// how it was computed, and the inputs the evaluation had to take by default that would change
// a result. Amounts follow OpenFisca-France's conventions (see AMOUNT_CONVENTION).
import { buildSimulation } from '../engine/evaluate.ts';
import { SituationError } from '../engine/errors.ts';
import { parsePeriod, periodKey } from '../engine/period.ts';
import type { Situation } from '../engine/situation.ts';
import type { TraceNode } from '../engine/simulation.ts';
import type { TaxBenefitSystem } from '../engine/tax-benefit-system.ts';
import type { EntityKey } from '../engine/entities.ts';
import { computeBenefits, periodsOf } from './benefit-values.ts';
import { bodyName, rightsCatalogue, type RightsEntry, type Texts } from './catalogue.ts';
import { checkSituation, fromSituationError, withoutUnreadCommune } from './check-situation.ts';
import { explainCalculation, explainReasons, type CalculationStep, type Reason } from './explain.ts';
import { findMissingInputs, type MissingInput } from './missing-inputs.ts';

export const AMOUNT_CONVENTION: Texts = {
  fr:
    'Montants en euros, arrondis au centime, selon les conventions d’OpenFisca-France : une prestation mensuelle ' +
    'est donnée pour le mois demandé (« monthly ») et sur douze mois si rien ne change (« annual ») ; une ' +
    'prestation annuelle (allocation de rentrée scolaire) pour l’année du mois demandé ; une prime versée une ' +
    'fois pour le mois où elle est due dans les douze mois qui viennent. Les prestations familiales sont brutes ' +
    'de CRDS (la caisse verse 0,5 % de moins).',
  en:
    'Amounts in euros, rounded to the cent, following OpenFisca-France’s conventions: a monthly benefit is given ' +
    'for the month asked ("monthly") and over twelve months if nothing changes ("annual"); a yearly benefit ' +
    '(back-to-school allowance) for the year of the month asked; a one-off grant for the month it is due within ' +
    'the next twelve months. Family benefits are gross of CRDS (the fund pays 0.5% less).',
};

export type RightStatus = 'eligible' | 'not_eligible' | 'not_supported' | 'not_computed';

export type Right = {
  id: string;
  label: Texts;
  body: { id: string; name: Texts };
  status: RightStatus;
  /** null when Guichet cannot say (not supported, or described only). */
  eligible: boolean | null;
  /** The group or person the benefit is paid to (OpenFisca entity and id). */
  entity: EntityKey;
  entityId: string | null;
  /** For the period in `amountPeriod` (a month, a year, or the month a one-off grant is due). */
  amount: number | null;
  amountPeriod: string | null;
  monthly: number | null;
  annual: number | null;
  periodicity: Texts;
  amountConvention: Texts | null;
  reasons: Reason[];
  legalArticles: string[];
  /** Keys of `missing` entries that change this benefit. */
  missing: string[];
  claim: { url: string; text: Texts };
  /** Why Guichet gives no amount, for a situation or a period it does not cover. */
  notSupported: Texts | null;
  /** What the benefit's rules cover not yet (from the catalogue). */
  limits: Texts | null;
  calculation: CalculationStep | null;
  warnings: string[];
};

export type RightsEstimate = {
  period: string;
  amountConvention: Texts;
  rights: Right[];
  /** Sums of eligible rights: monthly benefits for the month; every right over a year. */
  total: { monthly: number; annual: number };
  missing: MissingInput[];
  warnings: string[];
};

const cents = (value: number) => Math.round(value * 100) / 100;

const claimText = (entry: RightsEntry): Texts => {
  const body = bodyName(entry.body);
  return {
    fr: `Faire la demande auprès de : ${body.fr}. La marche à suivre est sur service-public.fr.`,
    en: `Claim from: ${body.en}. How to claim is explained on service-public.fr (in French).`,
  };
};

/** The catalogue entries the system can compute, the others being described only. */
const computable = (system: TaxBenefitSystem, entry: RightsEntry) =>
  entry.variable !== undefined && system.variables.has(entry.variable);

/**
 * Estimates every right of the catalogue for `asked` in `month` (YYYY-MM). Throws an AppError
 * (400, naming the path in the situation prefixed by `prefix`) for an impossible situation.
 * `isLookingForMissing: false` skips the search for missing inputs (a comparison needs none).
 */
export const estimateRights = (
  system: TaxBenefitSystem,
  asked: Situation,
  {
    month: monthText,
    prefix = 'situation',
    isLookingForMissing = true,
  }: { month: string; prefix?: string; isLookingForMissing?: boolean },
): RightsEstimate => {
  const month = parsePeriod(monthText);
  checkSituation(system, asked, { prefix, period: monthText });
  const situation = withoutUnreadCommune(system, asked);
  const catalogue = rightsCatalogue();
  const entries = catalogue.filter((entry) => computable(system, entry));
  let built: ReturnType<typeof buildSimulation>;
  try {
    built = buildSimulation(system, situation, { period: month, trace: true });
  } catch (error) {
    if (error instanceof SituationError) throw fromSituationError(error, prefix);
    throw error;
  }
  const { simulation, ids } = built;
  const computed = computeBenefits(simulation, entries, month);
  const trace = simulation.trace;
  const missing = isLookingForMissing
    ? findMissingInputs(system, situation, { month, trace, ids, entries, baseline: computed })
    : [];

  const rights: Right[] = catalogue.flatMap((entry): Right[] => {
    const base = {
      id: entry.id,
      label: entry.label,
      body: { id: entry.body, name: bodyName(entry.body) },
      entity: entry.entity,
      periodicity: entry.periodicity,
      amountConvention: entry.amountConvention ?? null,
      legalArticles: entry.legalArticles,
      claim: { url: entry.claimUrl, text: entry.howToClaim ?? claimText(entry) },
      limits: entry.limits ?? null,
    };
    const none = { amount: null, amountPeriod: null, monthly: null, annual: null, calculation: null, warnings: [] };
    const result = computed.get(entry.id);
    if (!result) {
      return [
        {
          ...base,
          ...none,
          status: 'not_computed',
          eligible: null,
          entityId: null,
          reasons: entry.conditions.map((text) => ({ met: null, text })),
          missing: [],
          notSupported: {
            fr: 'Guichet ne calcule pas encore cette aide : vérifiez les conditions ci-dessous et sur la page officielle.',
            en: 'Guichet does not compute this benefit yet: check the conditions below and on the official page.',
          },
        },
      ];
    }
    if (result.error) {
      return [
        {
          ...base,
          ...none,
          status: 'not_supported',
          eligible: null,
          entityId: null,
          reasons: [],
          missing: [],
          notSupported: {
            fr: `Non pris en charge : ${result.error.message.replace(/^non pris en charge : /, '')}`,
            en: `Not supported by Guichet for this situation or period (${result.error.message}).`,
          },
        },
      ];
    }
    const rowIds = ids[entry.entity];
    const periods = periodsOf(entry, month);
    const rows = rowIds.map((entityId, row) => {
      const at = result.values.findIndex((column) => column[row]! > 0);
      return { entityId, row, at };
    });
    const shown = rows.filter((row) => row.at >= 0);
    return (shown.length ? shown : rows.slice(0, 1)).map(({ entityId, row, at }): Right => {
      const period = periods[Math.max(at, 0)]!;
      const key = `${entry.variable}@${periodKey(period)}`;
      const amount = cents(at >= 0 ? result.values[at]![row]! : 0);
      const eligible = amount > 0;
      const isMonthly = entry.period === 'month' && !entry.isPaidOnce;
      const hasAmount = entry.unit !== 'bool';
      return {
        ...base,
        status: eligible ? 'eligible' : 'not_eligible',
        eligible,
        entityId,
        amount: hasAmount ? amount : null,
        amountPeriod: periodKey(period),
        monthly: hasAmount && isMonthly ? amount : null,
        annual: !hasAmount ? null : isMonthly ? cents(amount * 12) : amount,
        reasons: explainReasons(system, trace, key, {
          row,
          entity: entry.entity,
          ids,
          amount: hasAmount ? amount : null,
          population: simulation.population,
          otherBenefits: new Set(entries.filter((other) => other !== entry).map((other) => other.variable!)),
        }),
        missing: missing.filter((input) => input.affects.includes(entry.id)).map((input) => input.key),
        notSupported: null,
        calculation: explainCalculation(system, trace, key, ids),
        warnings: warningsUnder(trace, key),
      };
    });
  });
  const eligible = rights.filter((right) => right.eligible);
  return {
    period: periodKey(month),
    amountConvention: AMOUNT_CONVENTION,
    rights,
    total: {
      monthly: cents(eligible.reduce((sum, right) => sum + (right.monthly ?? 0), 0)),
      annual: cents(eligible.reduce((sum, right) => sum + (right.annual ?? 0), 0)),
    },
    missing,
    warnings: [...simulation.warnings],
  };
};

/** Warnings of the parameters a value was computed from (values past their confirmed validity). */
const warningsUnder = (trace: ReadonlyMap<string, TraceNode>, key: string): string[] => {
  const warnings = new Set<string>();
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    const node = trace.get(k);
    if (!node) return;
    for (const parameter of node.parameters) if (parameter.warning) warnings.add(parameter.warning);
    node.variables.forEach(visit);
  };
  visit(key);
  return [...warnings];
};

/** Today's month (YYYY-MM), the default period of an estimate. */
export const currentMonth = (now = new Date()) => now.toISOString().slice(0, 7);
