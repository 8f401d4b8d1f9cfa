// /api/v1/declarations: preview (who will be told, why, on which legal basis), send, follow.
import { z } from 'zod';
import { loadHub, loadRoutes, type Routing } from '../exchange/index.ts';
import { AppError, notFound, requireUser, type HttpApp, type ModuleContext } from '../platform/index.ts';
import { DECLARATION_KINDS, DECLARATION_TYPES, isDeclarationType } from './declaration-kinds.ts';
import { declarationInput } from './declaration-input.ts';
import { getDeclaration, listDeclarations } from './get-declaration.ts';
import { planDeclaration } from './plan-declaration.ts';
import { findParties, relativesOf, routeForPerson } from './route-for-person.ts';
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

const routingPreview = z.object({
  type: z.string(),
  label: messages,
  regime: z.enum(['general', 'agricole']),
  recipients: z.array(recipientPreview),
});
const relative = z.object({
  id: z.uuid(),
  givenNames: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  relation: z.string(),
});

const toPreview = (routing: Routing) => ({
  type: routing.type,
  label: routing.label,
  regime: routing.regime,
  recipients: routing.recipients.map(({ category: _category, ...recipient }) => recipient),
});

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The client's key for one filled-in form (header `Idempotency-Key`), or null when it sent none. */
const idempotencyKeyOf = (header: string | string[] | undefined) => {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header))
    throw new AppError('invalid_idempotency_key', {
      field: 'idempotency-key',
      messages: {
        fr: 'En-tête Idempotency-Key invalide : 8 à 100 lettres, chiffres, tirets ou soulignés.',
        en: 'Invalid Idempotency-Key header: 8 to 100 letters, digits, hyphens or underscores.',
      },
    });
  return header;
};

const ownPersonId = (personId: string | undefined) => {
  if (!personId) throw notFound({ fr: 'Personne', en: 'Person' });
  return personId;
};

const tags = ['declarations'];

export const mountDeclarationsRoutes = async (app: HttpApp, { db, config }: ModuleContext) => {
  const hub = await loadHub(db, config);

  app.get(
    '/api/v1/declarations/types',
    {
      schema: {
        tags,
        summary: 'Ce qu’on peut déclarer, dans l’ordre de la page « Déclarer un changement »',
        response: { 200: z.object({ types: z.array(z.object({ type: z.string(), label: messages })) }) },
      },
    },
    async () => {
      const routes = loadRoutes();
      return {
        types: DECLARATION_TYPES.flatMap((type) => (routes[type] ? [{ type, label: routes[type].label }] : [])),
      };
    },
  );

  app.get(
    '/api/v1/declarations/preview',
    {
      schema: {
        tags,
        summary:
          'Avant de remplir : les valeurs connues de Guichet pour le formulaire, et quels organismes peuvent être prévenus, pourquoi, sur quelle base légale',
        querystring: z.object({ type: z.string().min(1) }).strict(),
        response: {
          200: routingPreview.extend({
            prefill: z.object({ values: z.record(z.string(), z.unknown()), relatives: z.array(relative) }),
          }),
          400: errorSchema,
          401: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request, { roles: ['citizen'] });
      const type = request.query.type;
      if (!isDeclarationType(type))
        throw new AppError('unknown_type', {
          field: 'query.type',
          messages: { fr: 'Type de déclaration inconnu.', en: 'Unknown declaration type.' },
        });
      const parties = await findParties(db, ownPersonId(user.personId));
      const routing = await routeForPerson(db, hub, type, parties);
      const relatives = relativesOf(parties.file);
      return {
        ...toPreview(routing),
        prefill: { values: DECLARATION_KINDS[type].prefill(parties, relatives), relatives },
      };
    },
  );

  app.post(
    '/api/v1/declarations/preview',
    {
      schema: {
        tags,
        summary:
          'Avant d’envoyer : pour la déclaration remplie, quels organismes seront prévenus, pourquoi, sur quelle base légale (rien n’est écrit)',
        body: declarationInput,
        response: { 200: routingPreview, 400: errorSchema, 401: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const user = requireUser(request, { roles: ['citizen'] });
      const { routing } = await planDeclaration(db, hub, ownPersonId(user.personId), request.body);
      return toPreview(routing);
    },
  );

  app.post(
    '/api/v1/declarations',
    {
      schema: {
        tags,
        summary:
          'Déclarer une fois (naissance, déménagement…) : la déclaration part vers chaque organisme concerné. Avec l’en-tête Idempotency-Key, un second envoi du même formulaire rend la première déclaration (200) au lieu d’en créer une autre',
        body: declarationInput,
        response: {
          200: declarationResponse,
          201: declarationResponse,
          400: errorSchema,
          401: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, { roles: ['citizen'] });
      const personId = ownPersonId(user.personId);
      const idempotencyKey = idempotencyKeyOf(request.headers['idempotency-key']);
      const { id, isReplay } = await submitDeclaration(db, hub, { personId, input: request.body, idempotencyKey });
      reply.code(isReplay ? 200 : 201);
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
