// The rights API: every benefit of the catalogue for a situation (OpenFisca JSON) or, for a
// logged-in citizen who sends none, for their own household; two situations compared; and the
// estimate as a PDF to keep. Public like the simulator it serves: no login needed to estimate.
import { z } from 'zod';
import { AppError, requestLang, type HttpApp, type ModuleContext } from '../../platform/index.ts';
import { householdSituation } from '../../people/index.ts';
import { offset, parsePeriod, periodKey } from '../engine/period.ts';
import type { Situation } from '../engine/situation.ts';
import { getSystem } from '../system.ts';
import { onlyKnownVariables } from './check-situation.ts';
import { compareRights } from './compare-rights.ts';
import { currentMonth, estimateRights } from './estimate-rights.ts';
import { rightsPdf } from './rights-pdf.ts';
import { compareResponse, rightsResponse } from './routes.schemas.ts';

const TAGS = ['rights'];

const situation = z
  .record(z.string(), z.unknown())
  .describe('Situation au format OpenFisca (individus, familles, foyers_fiscaux, menages)');
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'attendu un mois AAAA-MM')
  .describe('Mois de l’estimation (AAAA-MM), le mois en cours par défaut');

const rightsRequest = z.strictObject({ situation: situation.optional(), period: month.optional() });
const compareRequest = z.strictObject({ before: situation, after: situation, period: month.optional() });

/** The situation asked about: the one sent, or the logged-in citizen's own household. */
const situationOf = async (
  { db }: ModuleContext,
  request: { user?: { role: string; personId?: string } | null },
  sent: Situation | undefined,
  period: string,
): Promise<Situation> => {
  if (sent) return sent;
  const user = request.user;
  if (!user || user.role !== 'citizen' || !user.personId)
    throw new AppError('situation_required', {
      status: 400,
      field: 'situation',
      messages: {
        fr: 'Décrivez la situation (format OpenFisca), ou connectez-vous pour estimer les droits de votre foyer.',
        en: 'Describe the situation (OpenFisca format), or log in to estimate your household’s rights.',
      },
    });
  // The recorded situation is taken to have held over the past year (incomes of the last months).
  const start = parsePeriod(period);
  const months = Array.from({ length: 13 }, (_, n) => periodKey(offset(start, n - 12, 'month')));
  const own = await householdSituation(db, user.personId, { months });
  if (!own)
    throw new AppError('not_found', {
      status: 404,
      messages: { fr: 'Personne introuvable.', en: 'Person not found.' },
    });
  return onlyKnownVariables(own);
};

export const mountRightsRoutes = (app: HttpApp, context: ModuleContext) => {
  const system = getSystem();

  app.post(
    '/api/v1/rights',
    {
      schema: {
        tags: TAGS,
        summary: 'Mes droits : chaque aide du catalogue, son montant, pourquoi, sa base légale et comment la demander',
        body: rightsRequest.optional(),
        response: { 200: rightsResponse },
      },
    },
    async (request) => {
      const period = request.body?.period ?? currentMonth();
      const asked = await situationOf(context, request, request.body?.situation, period);
      return { ...estimateRights(system, asked, { month: period }), situation: asked };
    },
  );

  app.post(
    '/api/v1/rights/compare',
    {
      schema: {
        tags: TAGS,
        summary: 'Comparer deux situations (avant, après) aide par aide et au total',
        body: compareRequest,
        response: { 200: compareResponse },
      },
    },
    async (request) => {
      const { before, after, period = currentMonth() } = request.body;
      return compareRights(system, { before, after }, { month: period });
    },
  );

  app.post(
    '/api/v1/rights/pdf',
    {
      schema: {
        tags: TAGS,
        summary: 'Mes droits en PDF (la même estimation que /api/v1/rights)',
        body: rightsRequest.optional(),
      },
    },
    async (request, reply) => {
      const period = request.body?.period ?? currentMonth();
      const asked = await situationOf(context, request, request.body?.situation, period);
      const estimate = estimateRights(system, asked, { month: period });
      const pdf = await rightsPdf(estimate, { lang: requestLang(request) });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="guichet-mes-droits-${estimate.period}.pdf"`)
        .send(pdf);
    },
  );
};
