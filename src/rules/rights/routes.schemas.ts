// The JSON shapes of the rights API (they also make the OpenAPI description at /api/docs).
import { z } from 'zod';

const texts = z.object({ fr: z.string(), en: z.string() });
const status = z.enum(['eligible', 'not_eligible', 'not_supported', 'not_computed']);
const value = z.union([z.number(), z.boolean(), z.string()]);

type Step = {
  variable: string;
  label: string;
  period: string;
  source: 'input' | 'projected input' | 'formula' | 'default';
  formulaStart?: string;
  value: Record<string, number | boolean | string>;
  parameters: Array<{
    name: string;
    description: string;
    value: number | string | null;
    start: string;
    reference: string;
    source: string;
  }>;
  steps: Step[];
};

const calculationStep: z.ZodType<Step> = z.lazy(() =>
  z.object({
    variable: z.string(),
    label: z.string(),
    period: z.string(),
    source: z.enum(['input', 'projected input', 'formula', 'default']),
    formulaStart: z.string().optional(),
    value: z.record(z.string(), value),
    parameters: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        value: z.union([z.number(), z.string(), z.null()]),
        start: z.string(),
        reference: z.string(),
        source: z.string(),
      }),
    ),
    steps: z.array(calculationStep),
  }),
);

const right = z.object({
  id: z.string(),
  label: texts,
  body: z.object({ id: z.string(), name: texts }),
  status: status.describe(
    'eligible, not_eligible, not_supported (non pris en charge : jamais de montant), not_computed (décrite seulement)',
  ),
  eligible: z.boolean().nullable(),
  entity: z.enum(['individu', 'famille', 'foyer_fiscal', 'menage']),
  entityId: z.string().nullable(),
  amount: z.number().nullable().describe('En euros, pour amountPeriod (voir amountConvention)'),
  amountPeriod: z.string().nullable(),
  monthly: z.number().nullable(),
  annual: z.number().nullable(),
  periodicity: texts,
  amountConvention: texts.nullable(),
  reasons: z.array(z.object({ met: z.boolean().nullable(), text: texts, variable: z.string().optional() })),
  legalArticles: z.array(z.string()),
  missing: z.array(z.string()).describe('Clés des entrées de `missing` qui changent cette aide'),
  claim: z.object({ url: z.string(), text: texts }),
  notSupported: texts.nullable(),
  limits: texts.nullable(),
  calculation: calculationStep.nullable(),
  warnings: z.array(z.string()),
});

const missingInput = z.object({
  key: z.string(),
  variable: z.string(),
  label: z.string(),
  question: texts,
  entity: z.enum(['individu', 'famille', 'foyer_fiscal', 'menage']),
  entityId: z.string(),
  periods: z.array(z.string()),
  valueType: z.enum(['float', 'int', 'bool', 'date', 'enum']),
  unit: z.string().nullable(),
  amountPer: z.enum(['month', 'year']).nullable(),
  possibleValues: z.array(z.object({ value: z.string(), label: texts })).nullable(),
  topic: z.object({ id: z.string(), label: texts }).nullable(),
  affects: z.array(z.string()),
});

const totals = z.object({ monthly: z.number(), annual: z.number() });

export const rightsResponse = z.object({
  period: z.string(),
  amountConvention: texts,
  rights: z.array(right),
  total: totals,
  missing: z.array(missingInput).describe('Données prises par défaut qui changeraient un résultat'),
  warnings: z.array(z.string()),
  situation: z
    .record(z.string(), z.unknown())
    .describe('La situation estimée (celle du foyer, pour une personne connectée)'),
});

const side = z.object({
  status,
  amount: z.number().nullable(),
  amountPeriod: z.string().nullable(),
  monthly: z.number().nullable(),
  annual: z.number().nullable(),
});

export const compareResponse = z.object({
  period: z.string(),
  amountConvention: texts,
  benefits: z.array(z.object({ id: z.string(), label: texts, before: side, after: side, difference: totals })),
  total: z.object({ before: totals, after: totals, difference: totals }),
  warnings: z.array(z.string()),
});
