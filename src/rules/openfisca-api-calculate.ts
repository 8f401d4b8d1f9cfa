// The OpenFisca Web API's `/calculate` and `/trace` over Guichet's engine. A request is an
// OpenFisca situation whose `null` values are the calculations asked (`{ individus: { x: { af:
// { "2025-06": null } } } }`): `/calculate` answers the same situation with the nulls filled,
// `/trace` answers `{ trace, entitiesDescription, requestedCalculations }`. A bad situation is an
// error shaped as OpenFisca's: the message sits at the path of the fault, e.g.
// `{ individus: { x: { salaire_nett: "…" } } }`, status 404 for an unknown variable, 400 otherwise.
import { ENTITIES, GROUP_KEYS, ROLE_FIELDS, type EntityKey } from './engine/entities.ts';
import { NotSupportedError, SituationError } from './engine/errors.ts';
import { buildSimulation } from './engine/evaluate.ts';
import type { ParameterAt } from './engine/parameters.ts';
import { ETERNITY, isoDate, parsePeriod, PeriodError, periodKey, type Period } from './engine/period.ts';
import type { Simulation, TraceNode } from './engine/simulation.ts';
import type { TaxBenefitSystem } from './engine/tax-benefit-system.ts';
import type { Variable } from './engine/variable.ts';

export type OpenfiscaValue = number | boolean | string;

/** An error the Web API answers with `status` and `body` (OpenFisca's shape). */
export class OpenfiscaApiError extends Error {
  override name = 'OpenfiscaApiError';
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    message: string,
  ) {
    super(message);
  }
}

/** The message nested at `path` in the situation, as OpenFisca's SituationParsingError. */
export const errorAt = (path: string[], message: string, status = 400): OpenfiscaApiError => {
  const body = path.length
    ? (path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), message) as Record<string, unknown>)
    : { error: message };
  return new OpenfiscaApiError(status, body, `${path.join('/')} : ${message}`);
};

type Computation = {
  plural: string;
  entity: EntityKey;
  id: string;
  variable: Variable;
  periodText: string;
  period: Period;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PLURALS = new Map<string, EntityKey>(
  (Object.keys(ENTITIES) as EntityKey[]).map((key) => [ENTITIES[key].plural, key]),
);

/** Closest variable names, for "did you mean" in the message of an unknown variable. */
const closeNames = (system: TaxBenefitSystem, name: string): string[] => {
  const distance = (a: string, b: string) => {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++)
        current[j] = Math.min(
          previous[j]! + 1,
          current[j - 1]! + 1,
          previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
      previous = current;
    }
    return previous[b.length]!;
  };
  return [...system.variables.keys()]
    .map((candidate) => ({ candidate, d: distance(name, candidate) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
};

const unknownVariable = (system: TaxBenefitSystem, name: string): string => {
  const close = closeNames(system, name);
  return (
    `Vous avez demandé ou donné la variable « ${name} », mais Guichet ne la connaît pas ` +
    `(ni formule ni donnée de ce nom dans son système socio-fiscal, compatible openfisca-france). ` +
    (close.length ? `Vouliez-vous dire ${close.map((c) => `« ${c} »`).join(' ou ')} ? ` : '') +
    `La liste des variables est sur /api/openfisca/variables.`
  );
};

const unitName = (variable: Variable) =>
  variable.definitionPeriod === 'month' ? 'un mois (2025-06)' : 'une année civile (2025)';

/** A calculation asks one period of the variable's own unit (OpenFisca refuses the others too). */
const fitsCalculation = (variable: Variable, period: Period) =>
  variable.definitionPeriod === 'eternity' ||
  (period.size === 1 && period.unit === variable.definitionPeriod && (period.unit === 'month' || period.month === 1));

/** An input may cover several months of a monthly variable, or whole calendar years of a yearly one. */
const fitsInput = (variable: Variable, period: Period) =>
  variable.definitionPeriod === 'eternity' ||
  (variable.definitionPeriod === 'month' && period.unit !== 'eternity') ||
  (variable.definitionPeriod === 'year' && period.unit === 'year' && period.month === 1);

/** Checks the situation's shape and names, and lists the calculations asked (its `null` values). */
export const readRequest = (system: TaxBenefitSystem, body: unknown): Computation[] => {
  if (!isRecord(body))
    throw errorAt(['error'], 'Type invalide : attendu un objet JSON décrivant la situation (individus, familles…).');
  for (const key of Object.keys(body)) {
    if (key === 'axes')
      throw errorAt([key], 'Les axes (variations d’une variable) ne sont pas pris en charge par Guichet.');
    if (!PLURALS.has(key))
      throw errorAt([key], `Entité inconnue « ${key} ». Les entités sont : ${[...PLURALS.keys()].join(', ')}.`);
  }
  if (!isRecord(body.individus) || !Object.keys(body.individus).length)
    throw errorAt(['individus'], 'Aucun individu : il faut au moins une personne pour faire un calcul.');

  const computations: Computation[] = [];
  for (const plural in body) {
    const instances = body[plural];
    const entity = PLURALS.get(plural)!;
    if (!isRecord(instances)) throw errorAt([plural], 'Type invalide : attendu un objet { identifiant: { … } }.');
    const roleFields = ROLE_FIELDS[entity];
    for (const id in instances) {
      const instance = instances[id];
      if (!isRecord(instance))
        throw errorAt([plural, id], 'Type invalide : attendu un objet { variable: { période: valeur } }.');
      for (const name in instance) {
        const values = instance[name];
        const path = [plural, id, name];
        if (roleFields.has(name)) {
          const members = Array.isArray(values) ? values : [values];
          if (!members.every((member) => typeof member === 'string'))
            throw errorAt(path, 'Type invalide : attendu une liste d’identifiants de personnes (["parent1"]).');
          continue;
        }
        const variable = system.variables.get(name);
        if (!variable) throw errorAt(path, unknownVariable(system, name), 404);
        if (variable.entity !== entity)
          throw errorAt(
            path,
            `La variable « ${name} » se rapporte à l’entité ${ENTITIES[variable.entity].plural}, pas à ${plural}.`,
          );
        if (!isRecord(values))
          throw errorAt(
            path,
            `Type invalide : attendu un objet { période: valeur }, par exemple { "${name}": { "2025-06": ${
              variable.definitionPeriod === 'eternity' ? '"…"' : 'null'
            } } }.`,
          );
        for (const periodText in values) {
          const value = values[periodText];
          let period: Period;
          try {
            period = parsePeriod(periodText);
          } catch (error) {
            if (error instanceof PeriodError) throw errorAt([...path, periodText], error.message);
            throw error;
          }
          if (value === null) {
            if (!fitsCalculation(variable, period))
              throw errorAt(
                [...path, periodText],
                `« ${name} » se calcule pour ${unitName(variable)} : la période « ${periodText} » ne lui convient pas.`,
              );
            computations.push({ plural, entity, id, variable, periodText, period });
          } else if (!fitsInput(variable, period)) {
            throw errorAt(
              [...path, periodText],
              `« ${name} » se donne pour ${
                variable.definitionPeriod === 'year' ? 'une ou plusieurs années civiles' : 'un ou plusieurs mois'
              } : la période « ${periodText} » ne lui convient pas.`,
            );
          }
        }
      }
    }
  }
  return computations;
};

/** The keys of `situation` a dotted engine path (`individus.x.salaire_net.2025-06`) goes through. */
const pathIn = (situation: Record<string, unknown>, dotted: string): string[] => {
  const path: string[] = [];
  let node: unknown = situation;
  let rest = dotted;
  while (rest && isRecord(node)) {
    const key = Object.keys(node)
      .filter((k) => rest === k || rest.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) break;
    path.push(key);
    node = node[key];
    rest = rest.slice(key.length + 1);
  }
  return rest ? [...path, rest] : path;
};

const situationErrorAt = (situation: Record<string, unknown>, error: SituationError) =>
  errorAt(pathIn(situation, error.path), error.message.slice(error.path.length + ' : '.length));

const toValue = (variable: Variable, raw: number): OpenfiscaValue =>
  variable.valueType === 'bool'
    ? raw !== 0
    : variable.valueType === 'date'
      ? isoDate(raw)
      : variable.valueType === 'enum'
        ? (variable.possibleValues?.[raw] ?? raw)
        : raw;

const simulate = (system: TaxBenefitSystem, situation: Record<string, unknown>, trace: boolean) => {
  const computations = readRequest(system, situation);
  let built: ReturnType<typeof buildSimulation>;
  try {
    built = buildSimulation(system, situation, { period: computations[0]?.period ?? ETERNITY, trace });
  } catch (error) {
    if (error instanceof SituationError) throw situationErrorAt(situation, error);
    throw error;
  }
  const { simulation, ids } = built;
  const rows = {} as Record<EntityKey, Map<string, number>>;
  const rowOf = (entity: EntityKey, id: string) => {
    rows[entity] ??= new Map(ids[entity].map((entityId, index) => [entityId, index]));
    return rows[entity].get(id)!;
  };
  const results = computations.map((computation) => {
    try {
      const column = simulation.calculate(computation.variable.name, computation.period);
      return toValue(computation.variable, column[rowOf(computation.entity, computation.id)]!);
    } catch (error) {
      const path = [computation.plural, computation.id, computation.variable.name, computation.periodText];
      if (error instanceof NotSupportedError) throw errorAt(path, error.message);
      if (error instanceof SituationError) throw situationErrorAt(situation, error);
      throw error;
    }
  });
  return { simulation, ids, computations, results };
};

/** `/calculate`: the situation with each `null` replaced by its computed value, and the warnings
 *  (parameters asked past the date they were last confirmed in force). */
export const calculate = (
  system: TaxBenefitSystem,
  situation: unknown,
): { situation: Record<string, unknown>; warnings: string[] } => {
  const { simulation, computations, results } = simulate(system, situation as Record<string, unknown>, false);
  const filled = situation as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
  computations.forEach((c, index) => {
    filled[c.plural]![c.id]![c.variable.name]![c.periodText] = results[index];
  });
  return { situation: filled, warnings: [...simulation.warnings] };
};

export type OpenfiscaTraceNode = {
  value: OpenfiscaValue[];
  dependencies: string[];
  parameters: Record<string, number | string | null>;
  /** Guichet's additions: where the value comes from, the formula's start date and each
   *  parameter's legal reference and source. */
  origin: TraceNode['source'];
  formula_start?: string;
  parameter_references: Record<string, { start: string; reference: string; source: string }>;
};

export type OpenfiscaTrace = {
  trace: Record<string, OpenfiscaTraceNode>;
  entitiesDescription: Record<string, string[]>;
  requestedCalculations: string[];
  warnings: string[];
};

const periodText = (period: string) => (period === 'eternity' ? 'ETERNITY' : period);

/** `name@period` (the engine's key) as OpenFisca's `name<period>`. */
const traceKey = (engineKey: string) => {
  const at = engineKey.lastIndexOf('@');
  return `${engineKey.slice(0, at)}<${periodText(engineKey.slice(at + 1))}>`;
};

/** A parameter's key (`name<date>`) and legal reference in a trace, made once per parameter
 *  value (the parameter set keeps one object per name and date). */
const parameterTraces = new WeakMap<
  ParameterAt,
  { key: string; reference: OpenfiscaTraceNode['parameter_references'][string] }
>();
const parameterTrace = (parameter: ParameterAt) => {
  let made = parameterTraces.get(parameter);
  if (!made) {
    made = {
      key: `${parameter.name}<${parameter.at}>`,
      reference: { start: parameter.start, reference: parameter.reference, source: parameter.source },
    };
    parameterTraces.set(parameter, made);
  }
  return made;
};

/** OpenFisca's trace of a simulation's trace nodes. */
const openfiscaTraceOf = (system: TaxBenefitSystem, nodes: ReadonlyMap<string, TraceNode>): OpenfiscaTrace['trace'] => {
  const result: OpenfiscaTrace['trace'] = {};
  // OpenFisca's key of each engine key, made once (a value is the dependency of many others).
  const keys = new Map<string, string>();
  for (const key of nodes.keys()) keys.set(key, traceKey(key));
  for (const [key, node] of nodes) {
    const variable = system.variable(node.variable);
    const parameters: OpenfiscaTraceNode['parameters'] = {};
    const references: OpenfiscaTraceNode['parameter_references'] = {};
    for (const parameter of node.parameters) {
      const { key: name, reference } = parameterTrace(parameter);
      parameters[name] = parameter.value;
      references[name] = reference;
    }
    const value = new Array<OpenfiscaValue>(node.value.length);
    for (let i = 0; i < value.length; i++) value[i] = toValue(variable, node.value[i]!);
    const dependencies = new Set<string>();
    for (const dependency of node.variables) dependencies.add(keys.get(dependency) ?? traceKey(dependency));
    result[keys.get(key)!] = {
      value,
      dependencies: [...dependencies],
      parameters,
      origin: node.source,
      ...(node.formulaStart ? { formula_start: node.formulaStart } : {}),
      parameter_references: references,
    };
  }
  return result;
};

/** `/trace`'s answer. Its OpenFisca form of the engine's trace (hundreds of objects) is made when
 *  first read, by the JSON serialiser of the response, once. A class, not an object with its own
 *  getter: a getter closure defined on each object gave each one a new hidden class, held in old
 *  space, whose getter kept the young simulation alive: every trace was promoted, and the
 *  collector's pauses made one household's p99 20 ms. */
class TraceAnswer implements OpenfiscaTrace {
  #trace: OpenfiscaTrace['trace'] | undefined;

  constructor(
    private readonly system: TaxBenefitSystem,
    private readonly simulation: Simulation,
    readonly entitiesDescription: Record<string, string[]>,
    readonly requestedCalculations: string[],
    readonly warnings: string[],
  ) {}

  get trace() {
    return (this.#trace ??= openfiscaTraceOf(this.system, this.simulation.trace));
  }

  toJSON(): OpenfiscaTrace {
    const { trace, entitiesDescription, requestedCalculations, warnings } = this;
    return { trace, entitiesDescription, requestedCalculations, warnings };
  }
}

/** `/trace`: every value computed for the asked calculations, what it depends on, and the ids of
 *  each entity. */
export const trace = (system: TaxBenefitSystem, situation: unknown): OpenfiscaTrace => {
  const { simulation, ids, computations } = simulate(system, situation as Record<string, unknown>, true);
  return new TraceAnswer(
    system,
    simulation,
    Object.fromEntries((['individu', ...GROUP_KEYS] as EntityKey[]).map((key) => [ENTITIES[key].plural, ids[key]])),
    [
      ...new Set(
        computations.map(
          (c) => `${c.variable.name}<${c.variable.definitionPeriod === 'eternity' ? 'ETERNITY' : periodKey(c.period)}>`,
        ),
      ),
    ],
    [...simulation.warnings],
  );
};
