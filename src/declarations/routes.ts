// /api/v1/declarations: preview (who will be told, why, on which legal basis), send, follow.
import { z } from 'zod';
import { declarationTypes, loadHub } from '../exchange/index.ts';
import { AppError, notFound, requireUser, type HttpApp, type ModuleContext } from '../platform/index.ts';
import { declarationInput } from './declaration-input.ts';
import { getDeclaration, listDeclarations } from './get-declaration.ts';
import { findParties, routeForPerson } from './route-for-person.ts';
import { submitDeclaration } from './submit-declaration.ts';

const messages = z.object({ fr: z.string(), en: z.string() });
const errorSchema = z.object({ code: z.string(), message: z.string(), messages, field: z.string().optional() });
const decision = z.object({ reference: z.string(), date: z.string() });
const recipientPreview = z.object({
  party: z.string(),
  name: messages,
  purpose: z.string(),
  why: messages,
  legalBasis: z.string(),
  decision,
});
const recipientStatus = recipientPreview.extend({
  status: z.enum(['sent', 'received', 'processed', 'rejected', 'failed']),
  code: z.string(),
  reason: messages.nullable(),
  isRetrying: z.boolean(),
  updatedAt: z.string(),
});
const declarationResponse = z.object({
  id: z.uuid(),
  type: z.string(),
  content: z.unknown(),
  createdAt: z.string(),
  recipients: z.array(recipientStatus),
  isComplete: z.boolean(),
});

const ownPersonId = (personId: string | undefined) => {
  if (!personId) throw notFound({ fr: 'Personne', en: 'Person' });
  return personId;
};

const tags = ['declarations'];

export const mountDeclarationsRoutes = async (app: HttpApp, { db, config }: ModuleContext) => {
  const hub = await loadHub(db, config);

  app.get(
    '/api/v1/declarations/preview',
    {
      schema: {
        tags,
        summary: 'Avant d’envoyer : quels organismes seront prévenus, pourquoi, sur quelle base légale',
        querystring: z.object({ type: z.string().min(1) }).strict(),
        response: {
          200: z.object({
            type: z.string(),
            label: messages,
            regime: z.enum(['general', 'agricole']),
            recipients: z.array(recipientPreview),
            prefill: z.object({ familyName: z.string(), birthPlace: z.string().nullable() }),
          }),
          400: errorSchema,
          401: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request, { roles: ['citizen'] });
      if (!declarationTypes().includes(request.query.type))
        throw new AppError('unknown_type', {
          field: 'query.type',
          messages: { fr: 'Type de déclaration inconnu.', en: 'Unknown declaration type.' },
        });
      const parties = await findParties(db, ownPersonId(user.personId));
      const routing = await routeForPerson(db, hub, request.query.type, parties);
      return {
        type: routing.type,
        label: routing.label,
        regime: routing.regime,
        recipients: routing.recipients.map(({ category: _category, ...recipient }) => recipient),
        prefill: {
          familyName: parties.declarant.familyName,
          birthPlace: parties.file.person.address?.communeCode ?? null,
        },
      };
    },
  );

  app.post(
    '/api/v1/declarations',
    {
      schema: {
        tags,
        summary: 'Déclarer une fois (naissance…) : la déclaration part vers chaque organisme concerné',
        body: declarationInput,
        response: { 201: declarationResponse, 400: errorSchema, 401: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, { roles: ['citizen'] });
      const personId = ownPersonId(user.personId);
      const { id } = await submitDeclaration(db, hub, { personId, input: request.body });
      reply.code(201);
      return getDeclaration(db, { id, personId });
    },
  );

  app.get(
    '/api/v1/declarations',
    {
      schema: {
        tags,
        summary: 'Mes déclarations, les plus récentes d’abord',
        response: { 200: z.object({ declarations: z.array(declarationResponse) }), 401: errorSchema },
      },
    },
    async (request) => {
      const user = requireUser(request, { roles: ['citizen'] });
      return { declarations: await listDeclarations(db, ownPersonId(user.personId)) };
    },
  );

  const idParams = z.object({ id: z.uuid() });

  app.get(
    '/api/v1/declarations/:id',
    {
      schema: {
        tags,
        summary:
          'Où en est ma déclaration, organisme par organisme (à interroger toutes les quelques secondes, ou /events)',
        params: idParams,
        response: { 200: declarationResponse, 401: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, { roles: ['citizen'] });
      const declaration = await getDeclaration(db, { id: request.params.id, personId: ownPersonId(user.personId) });
      // Polling-friendly: tells the client when to ask again while something is pending.
      if (!declaration.isComplete) reply.header('retry-after', '2');
      return declaration;
    },
  );

  app.get(
    '/api/v1/declarations/:id/events',
    {
      schema: {
        tags,
        summary: 'Suivi en direct (server-sent events) : un événement `status` à chaque changement, jusqu’à la fin',
        params: idParams,
      },
    },
    async (request, reply) => {
      const user = requireUser(request, { roles: ['citizen'] });
      const personId = ownPersonId(user.personId);
      const first = await getDeclaration(db, { id: request.params.id, personId });
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      let last = '';
      let isClosed = false;
      request.raw.on('close', () => (isClosed = true));
      const startedAt = Date.now();
      let declaration = first;
      for (;;) {
        const text = JSON.stringify(declaration);
        if (text !== last) reply.raw.write(`event: status\ndata: ${text}\n\n`);
        last = text;
        if (declaration.isComplete || isClosed || Date.now() - startedAt > 10 * 60_000) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        declaration = await getDeclaration(db, { id: request.params.id, personId });
      }
      reply.raw.end();
    },
  );
};
