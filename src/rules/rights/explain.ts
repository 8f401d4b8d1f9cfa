// Reads a benefit's trace back as a person would want it told: the conditions met or failed (the
// yes/no intermediate variables the amount depended on), the amounts it was built from, and the
// whole calculation as a tree of variables and dated parameters with their legal reference.
import type { EntityKey } from '../engine/entities.ts';
import { isoDate } from '../engine/period.ts';
import type { Population } from '../engine/population.ts';
import type { TraceNode } from '../engine/simulation.ts';
import type { TaxBenefitSystem } from '../engine/tax-benefit-system.ts';
import type { Texts } from './catalogue.ts';

export type Reason = { met: boolean | null; text: Texts; variable?: string };

export type CalculationStep = {
  variable: string;
  label: string;
  period: string;
  source: TraceNode['source'];
  /** Start date of the formula in force (a reform shows as a later start). */
  formulaStart?: string;
  /** Value by id of the variable's entity (persons or groups of the situation). */
  value: Record<string, number | boolean | string>;
  parameters: Array<{
    name: string;
    description: string;
    value: number | string | null;
    start: string;
    reference: string;
    source: string;
  }>;
  /** Variables this one was computed from; a variable already shown higher up is not repeated. */
  steps: CalculationStep[];
};

type Ids = Record<EntityKey, string[]>;

// Made once: a formatter costs far more to make than to use (it was 8 % of an estimate).
const EUROS = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** An amount in euros, written as in `lang`. */
export const euros = (value: number, lang: 'fr' | 'en'): string => EUROS[lang].format(value);

/** « Complément familial - Plafond… » → « Plafond… »: the benefit is already named above. */
const plainLabel = (label: string) => {
  const dash = label.indexOf(' - ');
  const text = dash > 0 && dash < 40 ? label.slice(dash + 3) : label;
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** The nodes under `key`, breadth first, each once; another benefit is listed but not opened. */
const descendants = (
  trace: ReadonlyMap<string, TraceNode>,
  key: string,
  otherBenefits: Set<string>,
): Array<{ key: string; node: TraceNode; depth: number }> => {
  const seen = new Set([key]);
  const found: Array<{ key: string; node: TraceNode; depth: number }> = [];
  let level = trace.get(key)?.variables ?? [];
  for (let depth = 1; level.length; depth++) {
    const next: string[] = [];
    for (const k of level) {
      if (seen.has(k)) continue;
      seen.add(k);
      const node = trace.get(k);
      if (!node) continue;
      found.push({ key: k, node, depth });
      if (!otherBenefits.has(node.variable)) next.push(...node.variables);
    }
    level = next;
  }
  return found;
};

/** The rows, in the node's entity, that belong to row `row` of `entity`. */
const rowsIn = (population: Population, entity: EntityKey, row: number, target: EntityKey): number[] => {
  const persons =
    entity === 'individu'
      ? [row]
      : Array.from(population.groups[entity].group.entries())
          .filter(([, group]) => group === row)
          .map(([person]) => person);
  if (target === 'individu') return persons;
  return [...new Set(persons.map((person) => population.groups[target].group[person]!))];
};

/** Each condition met or failed, the amounts behind the result, and a conclusion. */
export const explainReasons = (
  system: TaxBenefitSystem,
  trace: ReadonlyMap<string, TraceNode>,
  key: string,
  {
    row,
    entity,
    ids,
    amount,
    population,
    otherBenefits,
  }: {
    row: number;
    entity: EntityKey;
    ids: Ids;
    /** null for a right without an amount (yes or no). */
    amount: number | null;
    population: Population;
    otherBenefits: Set<string>;
  },
): Reason[] => {
  const reasons: Reason[] = [];
  let isAnyConditionFailed = false;
  for (const { node, depth } of descendants(trace, key, otherBenefits)) {
    if (node.source !== 'formula') continue;
    const variable = system.variable(node.variable);
    const rows = rowsIn(population, entity, row, node.entity as EntityKey);
    const label = plainLabel(variable.label);
    if (variable.valueType === 'bool') {
      if (node.entity === 'individu') {
        const who = rows.filter((i) => node.value[i]).map((i) => ids.individu[i]!);
        reasons.push({
          met: who.length > 0,
          variable: node.variable,
          text: {
            fr: `${label} : ${who.length ? who.join(', ') : 'personne'}`,
            en: `${label}: ${who.length ? who.join(', ') : 'nobody'}`,
          },
        });
      } else {
        const met = rows.some((i) => node.value[i]);
        if (!met) isAnyConditionFailed = true;
        reasons.push({
          met,
          variable: node.variable,
          text: {
            fr: `${met ? 'Condition remplie' : 'Condition non remplie'} : ${label}`,
            en: `${met ? 'Condition met' : 'Condition not met'}: ${label}`,
          },
        });
      }
    } else if (
      (depth === 1 || otherBenefits.has(node.variable)) &&
      variable.unit === 'currency' &&
      node.entity !== 'individu'
    ) {
      const value = rows.reduce((sum, i) => sum + node.value[i]!, 0);
      reasons.push({
        met: null,
        variable: node.variable,
        text: {
          fr: `${label} (${node.period}) : ${euros(value, 'fr')}`,
          en: `${label} (${node.period}): ${euros(value, 'en')}`,
        },
      });
    }
  }
  if (amount !== null && amount > 0)
    reasons.push({
      met: true,
      text: { fr: `Montant estimé : ${euros(amount, 'fr')}`, en: `Estimated amount: ${euros(amount, 'en')}` },
    });
  else if (amount !== null && !isAnyConditionFailed)
    reasons.push({
      met: false,
      text: {
        fr: 'Le montant calculé est nul : les ressources dépassent le plafond, ou le montant est sous le seuil de versement, ou aucun membre du foyer ne remplit les conditions.',
        en: 'The computed amount is nil: resources are above the ceiling, or the amount is below the payment threshold, or no member of the household meets the conditions.',
      },
    });
  return reasons;
};

const valueOf = (system: TaxBenefitSystem, node: TraceNode, ids: Ids) => {
  const variable = system.variable(node.variable);
  const result: Record<string, number | boolean | string> = {};
  (ids[node.entity as EntityKey] ?? []).forEach((id, i) => {
    const raw = node.value[i]!;
    result[id] =
      variable.valueType === 'bool'
        ? raw !== 0
        : variable.valueType === 'date'
          ? isoDate(raw)
          : variable.valueType === 'enum'
            ? (variable.possibleValues?.[raw] ?? raw)
            : Math.round(raw * 100) / 100;
  });
  return result;
};

/** The calculation of `key` as a tree, down to the inputs, with every parameter's legal reference. */
export const explainCalculation = (
  system: TaxBenefitSystem,
  trace: ReadonlyMap<string, TraceNode>,
  key: string,
  ids: Ids,
  maxDepth = 6,
): CalculationStep | null => {
  const shown = new Set<string>();
  const step = (k: string, depth: number): CalculationStep | null => {
    const node = trace.get(k);
    if (!node) return null;
    const isFirst = !shown.has(k);
    shown.add(k);
    return {
      variable: node.variable,
      label: system.variable(node.variable).label,
      period: node.period,
      source: node.source,
      ...(node.formulaStart ? { formulaStart: node.formulaStart } : {}),
      value: valueOf(system, node, ids),
      parameters: isFirst
        ? [...new Map(node.parameters.map((p) => [p.name, p])).values()].map((p) => ({
            name: p.name,
            description: system.parameters.get(p.name)?.description ?? p.name,
            value: p.value,
            start: p.start,
            reference: p.reference,
            source: p.source,
          }))
        : [],
      steps:
        isFirst && depth < maxDepth
          ? [...new Set(node.variables)].flatMap((child) => step(child, depth + 1) ?? [])
          : [],
    };
  };
  return step(key, 0);
};
