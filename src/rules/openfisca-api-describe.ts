// What the OpenFisca Web API says about the tax-benefit system: its variables, parameters and
// entities, and its OpenAPI description (`/spec`), in OpenFisca's formats, from Guichet's own
// variables and dated parameter files.
import { ENTITIES, roleField, type EntityKey } from './engine/entities.ts';
import { isoDate } from './engine/period.ts';
import type { Parameter } from './engine/parameters.ts';
import type { TaxBenefitSystem } from './engine/tax-benefit-system.ts';
import type { Variable } from './engine/variable.ts';

export const COUNTRY_PACKAGE = 'guichet';

const VALUE_TYPES = { float: 'Float', int: 'Int', bool: 'Boolean', date: 'Date', enum: 'String' } as const;
const JSON_TYPES = { float: 'number', int: 'integer', bool: 'boolean', date: 'string', enum: 'string' } as const;

const defaultValue = (variable: Variable): number | boolean | string =>
  variable.valueType === 'bool'
    ? variable.defaultValue !== 0
    : variable.valueType === 'date'
      ? isoDate(variable.defaultValue)
      : variable.valueType === 'enum'
        ? (variable.possibleValues?.[variable.defaultValue] ?? '')
        : variable.defaultValue;

/** `/variables`: every variable's description and the address of its page. */
export const listVariables = (system: TaxBenefitSystem, baseUrl: string) =>
  Object.fromEntries(
    [...system.variables.values()].map((variable) => [
      variable.name,
      { description: variable.label, href: `${baseUrl}/variable/${variable.name}` },
    ]),
  );

/** `/variable/{name}`: OpenFisca's fields (the formulas' `content` is the code Guichet runs),
 *  plus Guichet's `unit`. */
export const describeVariable = (variable: Variable) => ({
  id: variable.name,
  description: variable.label,
  valueType: VALUE_TYPES[variable.valueType],
  defaultValue: defaultValue(variable),
  definitionPeriod: variable.definitionPeriod.toUpperCase(),
  entity: variable.entity,
  ...(variable.unit ? { unit: variable.unit } : {}),
  ...(variable.documentation ? { documentation: variable.documentation.trim() } : {}),
  ...(variable.reference?.length ? { references: variable.reference } : {}),
  ...(variable.formulaStarts.length
    ? {
        formulas: Object.fromEntries(
          variable.formulaStarts.map((start) => [start, { content: variable.formulas![start]!.toString() }]),
        ),
      }
    : {}),
  ...(variable.valueType === 'enum'
    ? { possibleValues: Object.fromEntries((variable.possibleValues ?? []).map((name) => [name, name])) }
    : {}),
});

/** `/parameters`: every parameter by its dotted id, with the address of its page (slashes, as OpenFisca). */
export const listParameters = (system: TaxBenefitSystem, baseUrl: string) =>
  Object.fromEntries(
    system.parameters
      .all()
      .map((parameter) => [
        parameter.name,
        { description: parameter.description, href: `${baseUrl}/parameter/${parameter.name.replaceAll('.', '/')}` },
      ]),
  );

/** `/parameter/{id}`: values by start date; the legal reference and source of each value and
 *  the date the latest value was last confirmed in force go in `metadata`. */
export const describeParameter = (parameter: Parameter) => ({
  id: parameter.name,
  description: parameter.description,
  metadata: {
    unit: parameter.unit,
    last_value_still_valid_on: parameter.lastConfirmed,
    reference: Object.fromEntries(parameter.values.map((v) => [v.start, v.reference])),
    source: Object.fromEntries(parameter.values.map((v) => [v.start, v.source])),
  },
  values: Object.fromEntries([...parameter.values].reverse().map((v) => [v.start, v.value])),
});

/** Finds a parameter by its dotted id or its slashed path (both work in OpenFisca). */
export const findParameter = (system: TaxBenefitSystem, id: string): Parameter | undefined =>
  system.parameters.get(id.replaceAll('/', '.'));

/** `/entities`: each entity with its roles. */
export const describeEntities = () =>
  Object.fromEntries(
    (Object.keys(ENTITIES) as EntityKey[]).map((key) => {
      const entity = ENTITIES[key];
      return [
        key,
        {
          plural: entity.plural,
          description: entity.label,
          ...(entity.roles.length
            ? {
                roles: Object.fromEntries(
                  entity.roles.map((role) => [
                    role.key,
                    { plural: roleField(role), ...(role.max !== undefined ? { max: role.max } : {}) },
                  ]),
                ),
              }
            : {}),
        },
      ];
    }),
  );

const entitySchema = (system: TaxBenefitSystem, key: EntityKey) => {
  const properties: Record<string, unknown> = {};
  for (const role of ENTITIES[key].roles) properties[roleField(role)] = { type: 'array', items: { type: 'string' } };
  for (const variable of system.variables.values()) {
    if (variable.entity !== key) continue;
    properties[variable.name] = {
      type: 'object',
      additionalProperties: {
        type: JSON_TYPES[variable.valueType],
        nullable: true,
        ...(variable.valueType === 'enum' ? { enum: [...(variable.possibleValues ?? []), null] } : {}),
      },
    };
  }
  return { type: 'object', properties, additionalProperties: false };
};

const schemaName = (key: EntityKey) => key[0]!.toUpperCase() + key.slice(1);

const SITUATION_EXAMPLE = {
  individus: {
    parent1: { date_naissance: { ETERNITY: '1985-05-01' } },
    parent2: { date_naissance: { ETERNITY: '1987-05-01' } },
    enfant1: { date_naissance: { ETERNITY: '2015-03-10' } },
    enfant2: { date_naissance: { ETERNITY: '2018-09-22' } },
  },
  familles: { famille1: { parents: ['parent1', 'parent2'], enfants: ['enfant1', 'enfant2'], af: { '2025-06': null } } },
};

const errorResponses = {
  400: { description: 'Situation invalide : le message est placé au chemin fautif de la situation.' },
  404: { description: 'Une variable de la situation est inconnue de Guichet : le message est placé à son chemin.' },
  429: { description: 'Trop de requêtes : réessayez dans une minute.' },
};

const jsonResponse = (description: string, ref: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});

/** `/spec`: the OpenAPI 3 description of this Web API, with the entities' variables. */
export const openApiSpec = (system: TaxBenefitSystem, baseUrl: string, version: string) => {
  const entityKeys = Object.keys(ENTITIES) as EntityKey[];
  const situation = {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      entityKeys.map((key) => [
        ENTITIES[key].plural,
        { type: 'object', additionalProperties: { $ref: `#/components/schemas/${schemaName(key)}` } },
      ]),
    ),
  };
  const situationBody = {
    required: true,
    description:
      'La situation (personnes et groupes). Chaque valeur se donne par période ; une valeur null est un calcul demandé.',
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/SituationInput' }, example: SITUATION_EXAMPLE },
    },
  };
  return {
    openapi: '3.0.0',
    info: {
      title: 'Guichet — API Web compatible OpenFisca',
      description:
        'Les formats de l’API Web d’OpenFisca, servis par le moteur de droits de Guichet : un client OpenFisca peut y pointer son adresse de base. Les variables portent les noms, entités et périodes d’OpenFisca-France ; les montants suivent ses conventions (par exemple af est brut de CRDS). Les avertissements (paramètre demandé après la date où sa valeur a été vérifiée en vigueur pour la dernière fois) sont dans l’en-tête Guichet-Warnings (JSON encodé en URI) de /calculate et dans le champ warnings de /trace.',
      version,
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0' },
    },
    servers: [{ url: baseUrl }],
    tags: [
      { name: 'Calculations' },
      { name: 'Variables' },
      { name: 'Parameters' },
      { name: 'Entities' },
      { name: 'Documentation' },
    ],
    components: {
      schemas: {
        ...Object.fromEntries(entityKeys.map((key) => [schemaName(key), entitySchema(system, key)])),
        SituationInput: situation,
        SituationOutput: situation,
        Trace: {
          type: 'object',
          properties: {
            requestedCalculations: { type: 'array', items: { type: 'string' } },
            entitiesDescription: {
              type: 'object',
              properties: Object.fromEntries(
                entityKeys.map((key) => [ENTITIES[key].plural, { type: 'array', items: { type: 'string' } }]),
              ),
            },
            trace: {
              type: 'object',
              additionalProperties: {
                type: 'object',
                properties: {
                  value: { type: 'array', items: {} },
                  dependencies: { type: 'array', items: { type: 'string' } },
                  parameters: { type: 'object' },
                  origin: { type: 'string', enum: ['input', 'projected input', 'formula', 'default'] },
                  formula_start: { type: 'string' },
                  parameter_references: { type: 'object' },
                },
              },
            },
            warnings: { type: 'array', items: { type: 'string' } },
          },
        },
        Variables: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { description: { type: 'string' }, href: { type: 'string' } },
          },
        },
        Variable: { type: 'object', example: describeVariable(system.variable('af')) },
        Parameters: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { description: { type: 'string' }, href: { type: 'string' } },
          },
        },
        Parameter: { type: 'object' },
        Entities: { type: 'object' },
      },
    },
    paths: {
      '/calculate': {
        post: {
          tags: ['Calculations'],
          summary: 'Calculer : la situation revient avec ses valeurs null remplies',
          operationId: 'calculate',
          requestBody: situationBody,
          responses: { 200: jsonResponse('La situation, calculs faits', 'SituationOutput'), ...errorResponses },
        },
      },
      '/trace': {
        post: {
          tags: ['Calculations'],
          summary: 'Calculer et expliquer : chaque valeur, ses dépendances et ses paramètres',
          operationId: 'trace',
          requestBody: situationBody,
          responses: { 200: jsonResponse('La trace du calcul', 'Trace'), ...errorResponses },
        },
      },
      '/variables': {
        get: {
          tags: ['Variables'],
          summary: 'Toutes les variables',
          operationId: 'getVariables',
          responses: { 200: jsonResponse('Les variables', 'Variables') },
        },
      },
      '/variable/{variableID}': {
        get: {
          tags: ['Variables'],
          summary: 'Une variable',
          operationId: 'getVariable',
          parameters: [{ name: 'variableID', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: jsonResponse('La variable', 'Variable'), 404: { description: 'Variable inconnue' } },
        },
      },
      '/parameters': {
        get: {
          tags: ['Parameters'],
          summary: 'Tous les paramètres',
          operationId: 'getParameters',
          responses: { 200: jsonResponse('Les paramètres', 'Parameters') },
        },
      },
      '/parameter/{parameterID}': {
        get: {
          tags: ['Parameters'],
          summary: 'Un paramètre : ses valeurs datées, leur référence juridique et leur source',
          operationId: 'getParameter',
          parameters: [{ name: 'parameterID', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: jsonResponse('Le paramètre', 'Parameter'), 404: { description: 'Paramètre inconnu' } },
        },
      },
      '/entities': {
        get: {
          tags: ['Entities'],
          summary: 'Les entités et leurs rôles',
          operationId: 'getEntities',
          responses: { 200: jsonResponse('Les entités', 'Entities') },
        },
      },
      '/spec': {
        get: {
          tags: ['Documentation'],
          summary: 'Cette description OpenAPI',
          operationId: 'spec',
          responses: { 200: { description: 'La description OpenAPI' } },
        },
      },
    },
  };
};
