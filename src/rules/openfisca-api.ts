// The rules module's routes: OpenFisca's Web API under /api/openfisca (its own path layout, outside
// /api/v1), so an OpenFisca client such as aides-jeunes can point its base URL at Guichet.
// A public calculator: no login and no session read (hence no CSRF token), rate limited as every
// write; errors in OpenFisca's shape (the message at the path of the fault in the situation).
import fs from 'node:fs';
import type { FastifyError } from 'fastify';
import type { HttpApp, ModuleContext } from '../platform/index.ts';
import { OpenfiscaApiError, trace } from './openfisca-api-calculate.ts';
import {
  COUNTRY_PACKAGE,
  describeEntities,
  describeParameter,
  describeVariable,
  findParameter,
  listParameters,
  listVariables,
  openApiSpec,
} from './openfisca-api-describe.ts';
import { createCalculatePool } from './openfisca-api-workers.ts';
import { getSystem } from './system.ts';

export const OPENFISCA_API_PREFIX = '/api/openfisca';

const VERSION = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const TAGS = ['openfisca'];

export const mountOpenfiscaApi = async (app: HttpApp, { config }: ModuleContext) => {
  const system = getSystem();
  const baseUrl = `${config.publicUrl}${OPENFISCA_API_PREFIX}`;
  // Built once: the system does not change while the process runs.
  let variables: ReturnType<typeof listVariables> | undefined;
  let parameters: ReturnType<typeof listParameters> | undefined;
  let spec: ReturnType<typeof openApiSpec> | undefined;
  // Its workers start with the first calculation (which the main thread answers meanwhile): a
  // server nobody asks for a calculation keeps no copy of the rules in a worker.
  const pool = createCalculatePool(system);
  app.addHook('onClose', pool.close);

  await app.register(
    async (api) => {
      // A callback hook, not an async one: no promise to make and await on every response.
      api.addHook('onSend', (_request, reply, payload, done) => {
        reply.header('country-package', COUNTRY_PACKAGE);
        reply.header('country-package-version', VERSION);
        done(null, payload);
      });
      api.setErrorHandler((error: FastifyError | OpenfiscaApiError, _request, reply) => {
        if (error instanceof OpenfiscaApiError) return reply.status(error.status).send(error.body);
        if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
          return reply.status(400).send({ error: `JSON invalide : ${error.message}` });
        if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
          return reply.status(400).send({ error: 'Corps vide : envoyez la situation en JSON.' });
        throw error; // Guichet's own format for the rest (rate limit, media type, internal error).
      });

      api.post(
        '/calculate',
        { schema: { tags: TAGS, summary: 'OpenFisca : calculer (les valeurs null de la situation sont remplies)' } },
        async (request, reply) => {
          const { json, warnings } = await pool.calculate(request.body);
          if (warnings.length) reply.header('guichet-warnings', encodeURIComponent(JSON.stringify(warnings)));
          // Already JSON: sent as it is, with the type Fastify gives an object.
          return reply.type('application/json; charset=utf-8').send(json);
        },
      );

      api.post(
        '/trace',
        { schema: { tags: TAGS, summary: 'OpenFisca : calculer et tracer chaque valeur' } },
        async (request) => trace(system, request.body),
      );

      api.get('/variables', { schema: { tags: TAGS, summary: 'OpenFisca : les variables' } }, async () => {
        variables ??= listVariables(system, baseUrl);
        return variables;
      });

      api.get<{ Params: { name: string } }>(
        '/variable/:name',
        { schema: { tags: TAGS, summary: 'OpenFisca : une variable' } },
        async (request, reply) => {
          const variable = system.variables.get(request.params.name);
          if (!variable)
            return reply.status(404).send({ error: `Variable inconnue de Guichet : « ${request.params.name} ».` });
          return describeVariable(variable);
        },
      );

      api.get('/parameters', { schema: { tags: TAGS, summary: 'OpenFisca : les paramètres' } }, async () => {
        parameters ??= listParameters(system, baseUrl);
        return parameters;
      });

      api.get<{ Params: { '*': string } }>(
        '/parameter/*',
        { schema: { tags: TAGS, summary: 'OpenFisca : un paramètre (identifiant à points ou à barres obliques)' } },
        async (request, reply) => {
          const parameter = findParameter(system, request.params['*']);
          if (!parameter)
            return reply.status(404).send({ error: `Paramètre inconnu de Guichet : « ${request.params['*']} ».` });
          return describeParameter(parameter);
        },
      );

      api.get('/entities', { schema: { tags: TAGS, summary: 'OpenFisca : les entités et leurs rôles' } }, async () =>
        describeEntities(),
      );

      api.get(
        '/spec',
        { schema: { tags: TAGS, summary: 'OpenFisca : la description OpenAPI de cette API' } },
        async () => {
          spec ??= openApiSpec(system, baseUrl, VERSION);
          return spec;
        },
      );
    },
    { prefix: OPENFISCA_API_PREFIX },
  );
};
