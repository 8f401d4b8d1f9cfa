// One factory for the eight reference nodes: each body is its own module (`body_<name>`), so its
// store is its own schema with its own migrations (and its own database when run apart), and its
// connector is mounted under /bodies/<body>. The hub reaches it over HTTP only.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  acknowledgementSchema,
  signedMessageSchema,
  signingKey,
  STATUS_CODES,
  type SigningKey,
} from '../exchange/index.ts';
import {
  AppError,
  loadInstanceSecret,
  type Db,
  type GuichetModule,
  type HttpApp,
  type Logger,
} from '../platform/index.ts';
import { isBodyDown } from './availability.ts';
import { declareHoldings } from './hub-client.ts';
import { schemaOf, type BodyNode } from './node.ts';
import { receiveMessages } from './receive-messages.ts';

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  messages: z.object({ fr: z.string(), en: z.string() }),
});

// Calls from the hub, authenticated by their signatures: not the citizens' write limit.
const connectorLimit = { rateLimit: { max: 20_000, timeWindow: '1 minute' } };

/** Mounts a node's connector under /bodies/<body>: on the guichet's server, or alone (`guichet body`). */
export const mountBodyConnector = (
  app: HttpApp,
  { db, logger, node, hubUrl, key }: { db: Db; logger: Logger; node: BodyNode; hubUrl: string; key: SigningKey },
) => {
  const prefix = `/bodies/${node.party}`;
  const edge = async () => {
    if (isBodyDown(node.party))
      throw new AppError('ERR-50', {
        status: 503,
        messages: { fr: 'Service momentanément indisponible.', en: 'Service temporarily unavailable.' },
      });
  };
  app.post(
    `${prefix}/messages`,
    {
      config: connectorLimit,
      onRequest: edge,
      schema: {
        tags: [`organisme : ${node.party}`],
        summary: 'Recevoir des messages signés et les acquitter (appliqués une seule fois chacun)',
        description:
          'Un lot de messages, dans l’ordre où les appliquer ; un acquittement par message. Un message déjà reçu (même clé d’idempotence) n’est pas appliqué une seconde fois : la première réponse est renvoyée.',
        body: z.object({ messages: z.array(signedMessageSchema).min(1).max(500) }).strict(),
        response: {
          200: z.object({ acknowledgements: z.array(acknowledgementSchema) }),
          400: errorSchema,
          503: errorSchema,
        },
      },
    },
    async (request) => ({
      acknowledgements: await receiveMessages(
        db,
        node,
        { hubUrl, logger, onApplied: async ({ holdings }) => declareHoldings(hubUrl, key, holdings ?? []) },
        request.body.messages,
      ),
    }),
  );
  app.get(
    `${prefix}/status`,
    {
      onRequest: edge,
      schema: {
        tags: [`organisme : ${node.party}`],
        summary: 'État du connecteur et nombre de messages reçus',
        response: {
          200: z.object({ party: z.string(), received: z.number().int(), codes: z.record(z.string(), z.string()) }),
          503: errorSchema,
        },
      },
    },
    async () => {
      const [row] = await db.query<{ count: number }>(
        `select count(*)::int as count from ${schemaOf(node.party)}.inbox`,
      );
      return {
        party: node.party,
        received: row!.count,
        codes: Object.fromEntries(Object.entries(STATUS_CODES).map(([code, text]) => [code, text.fr])),
      };
    },
  );
};

export const defineBody = (node: BodyNode, migrations: URL): GuichetModule => ({
  name: schemaOf(node.party),
  migrations: fileURLToPath(migrations),
  routes: async (app, { db, config, logger }) => {
    const key = signingKey(await loadInstanceSecret(db, config), node.party);
    // The hub of the embedded default is this same server.
    mountBodyConnector(app, { db, logger, node, hubUrl: config.publicUrl, key });
  },
});
