// The rights API as the questionnaire uses it (shapes of src/rules/rights/routes.schemas.ts).
import { apiFetch, ApiError, NetworkError } from '../../api.ts';

export type Texts = { fr: string; en: string };
export type Situation = Record<string, Record<string, Record<string, unknown>>>;

export type CalculationStep = {
  variable: string;
  label: string;
  period: string;
  source: string;
  value: Record<string, number | boolean | string>;
  parameters: Array<{
    name: string;
    description: string;
    value: number | string | null;
    start: string;
    reference: string;
  }>;
  steps: CalculationStep[];
};

export type Right = {
  id: string;
  label: Texts;
  body: { id: string; name: Texts };
  status: 'eligible' | 'not_eligible' | 'not_supported' | 'not_computed';
  entityId: string | null;
  amount: number | null;
  amountPeriod: string | null;
  monthly: number | null;
  annual: number | null;
  periodicity: Texts;
  amountConvention: Texts | null;
  reasons: Array<{ met: boolean | null; text: Texts }>;
  legalArticles: string[];
  claim: { url: string; text: Texts };
  notSupported: Texts | null;
  limits: Texts | null;
  calculation: CalculationStep | null;
};

export type MissingInput = {
  key: string;
  variable: string;
  question: Texts;
  entity: 'individu' | 'famille' | 'foyer_fiscal' | 'menage';
  entityId: string;
  periods: string[];
  valueType: 'float' | 'int' | 'bool' | 'date' | 'enum';
  unit: string | null;
  amountPer: 'month' | 'year' | null;
  possibleValues: Array<{ value: string; label: Texts }> | null;
  topic: { id: string; label: Texts } | null;
  affects: string[];
};

export type RightsEstimate = {
  period: string;
  amountConvention: Texts;
  rights: Right[];
  total: { monthly: number; annual: number };
  missing: MissingInput[];
  warnings: string[];
  situation: Situation;
};

/** The situation sent, or (none sent, logged in) the person's own household. */
export const estimateRights = (situation: Situation | undefined, signal?: AbortSignal) =>
  apiFetch<RightsEstimate>('/api/v1/rights', { method: 'POST', body: situation ? { situation } : {}, signal });

/** The same estimate as a PDF file, saved by the browser. */
export const downloadRightsPdf = async (situation: Situation, csrfToken: string | undefined) => {
  let response: Response;
  try {
    response = await fetch('/api/v1/rights/pdf', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: JSON.stringify({ situation }),
    });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) throw new ApiError(response.status, await response.json());
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'mes-droits.pdf';
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};
