// The hub's HTTP API: published keys and the intake for parties (signed, no session: /exchange/v1),
// and the administrators' screens (/api/v1/admin/exchange).
import { z } from 'zod';
import { AppError, requireUser, type HttpApp, type ModuleContext } from '../platform/index.ts';
import { acceptMessages } from './accept-messages.ts';
import { listDeadLetters, retryDeadLetter } from './dead-letters.ts';
import type { Hub } from './hub.ts';
import { isSignedBy, signedMessageSchema, STATUS_CODES } from './message.ts';
import { verifyMessageLog } from './message-log.ts';
import { BODY_PARTIES } from './parties.ts';
import { listParties } from './parties-registry.ts';
import { holdingSchema, recordHoldings } from './record-holdings.ts';

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  messages: z.object({ fr: z.string(), en: z.string() }),
});
const messages = z.object({ fr: z.string(), en: z.string() });

// Machine-to-machine calls, authenticated by their signature: a generous limit, not the citizens' one.
const connectorLimit = { rateLimit: { max: 20_000, timeWindow: '1 minute' } };

const jwk = z.object({ kty: z.string(), crv: z.string(), x: z.string() }).loose();

export const mountExchangeRoutes = (app: HttpApp, { db }: ModuleContext, hub: Hub) => {
  app.get(
    '/exchange/v1/keys',
    {
      schema: {
        tags: ['exchange'],
        summary: 'Clés publiques Ed25519 des parties (pour vérifier les signatures des messages)',
        response: { 200: z.object({ keys: z.array(z.object({ party: z.string(), publicKey: jwk })) }) },
      },
    },
    async () => ({
      keys: (await listParties(db)).map((party) => ({
        party: party.id,
        publicKey: party.publicKey as z.infer<typeof jwk>,
      })),
    }),
  );

  app.post(
    '/exchange/v1/messages',
    {
      config: connectorLimit,
      schema: {
        tags: ['exchange'],
        summary: 'Déposer des messages signés à acheminer (un organisme renvoie un événement par la plateforme)',
        body: z.object({ messages: z.array(signedMessageSchema).min(1).max(500) }).strict(),
        response: {
          200: z.object({
            results: z.array(
              z.object({
                messageId: z.string(),
                recipient: z.string(),
                status: z.enum(['accepted', 'refused']),
                code: z.string(),
                reason: messages.nullable(),
                isReplay: z.boolean(),
              }),
            ),
          }),
          400: errorSchema,
        },
      },
    },
    async (request) => ({ results: await db.transaction((tx) => acceptMessages(tx, hub, request.body.messages)) }),
  );

  app.post(
    '/exchange/v1/holdings',
    {
      config: connectorLimit,
      schema: {
        tags: ['exchange'],
        summary: 'Un organisme déclare détenir (ou ne plus détenir) un dossier sur des personnes',
        description:
          'Message signé adressé à `hub`, de type `repertoire.declaration`, catégorie `repertoire`, contenu `{ holdings: [...] }`.',
        body: signedMessageSchema,
        response: { 200: z.object({ recorded: z.number().int() }), 400: errorSchema, 401: errorSchema },
      },
    },
    async (request) => {
      const { envelope } = request.body;
      const content = z.object({ holdings: z.array(holdingSchema).min(1).max(10_000) }).safeParse(envelope.content);
      if (envelope.recipient !== 'hub' || envelope.type !== 'repertoire.declaration' || !content.success)
        throw new AppError('REJ-11', { status: 400, field: 'envelope.content', messages: STATUS_CODES['REJ-11'] });
      const [sender] = (await listParties(db)).filter((party) => party.id === envelope.sender);
      if (
        !sender ||
        !(BODY_PARTIES as readonly string[]).includes(sender.id) ||
        !(await isSignedBy(request.body, sender.publicKey))
      )
        throw new AppError('REJ-10', { status: 401, messages: STATUS_CODES['REJ-10'] });
      await db.transaction((tx) => recordHoldings(tx, hub, sender.id, content.data.holdings));
      return { recorded: content.data.holdings.length };
    },
  );

  const deadLetter = z.object({
    messageId: z.string(),
    correlationId: z.string(),
    sender: z.string(),
    recipient: z.string(),
    type: z.string(),
    category: z.string(),
    purpose: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
  });
  const adminTags = ['admin: échanges'];

  app.get(
    '/api/v1/admin/exchange/dead-letters',
    {
      schema: {
        tags: adminTags,
        summary: 'Messages abandonnés après leur dernier essai (sans leur contenu)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ deadLetters: z.array(deadLetter) }), 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['admin'] });
      return { deadLetters: await listDeadLetters(db, request.query) };
    },
  );

  app.post(
    '/api/v1/admin/exchange/dead-letters/:messageId/retry',
    {
      schema: {
        tags: adminTags,
        summary: 'Renvoyer un message abandonné',
        params: z.object({ messageId: z.uuid() }),
        response: {
          200: z.object({ messageId: z.string(), status: z.literal('pending') }),
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['admin'] });
      await db.transaction((tx) => retryDeadLetter(tx, request.params.messageId));
      return { messageId: request.params.messageId, status: 'pending' as const };
    },
  );

  app.get(
    '/api/v1/admin/exchange/log/verify',
    {
      schema: {
        tags: adminTags,
        summary: 'Vérifier la chaîne d’empreintes du journal des échanges',
        response: {
          200: z.object({
            isIntact: z.boolean(),
            rows: z.number().int(),
            brokenAt: z.number().int().optional(),
            reason: z.enum(['hash', 'link']).optional(),
          }),
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['admin'] });
      return verifyMessageLog(db);
    },
  );
};
