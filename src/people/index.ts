// The people module: persons, their households (OpenFisca's famille, foyer fiscal, ménage), their
// situation, the accounts that log in and the agents of the bodies. Other modules import only this.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from '../platform/index.ts';
import { mountPeopleRoutes } from './routes.ts';

/** The module's manifest: schema `people`, its migrations and its routes. */
export const peopleModule: GuichetModule = {
  name: 'people',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: mountPeopleRoutes,
};

/** Maps an OIDC login to an account: citizens by the FranceConnect pivot, agents by e-mail; null refuses. */
export { resolveAccount } from './resolve-account.ts';

/** A person and every member of their famille, foyer fiscal and ménage. */
export {
  getPersonFile,
  findPerson,
  type PersonFile,
  type Person,
  type Member,
  type Address,
  type Situation,
} from './person-file.ts';

/** An agent's look-up by NIR (exact) or by name (accents and case ignored). */
export { searchPersons, type PersonHit, type SearchPersonsResult } from './search-persons.ts';

/** A citizen's change of e-mail, phone or address (schema and use case). */
export { updateContact, updateContactInput, type UpdateContactInput } from './update-contact.ts';

/** A declared pregnancy (its expected date) or its end, in the situation the rights engine reads. */
export { recordPregnancy } from './record-pregnancy.ts';
export { recordBirth, type BornChild } from './record-birth.ts';

/** The NIR: check with the reason of a refusal, normalise, build, and the Zod schema for requests. */
export {
  checkNir,
  isValidNir,
  normalizeNir,
  nirKey,
  buildNir,
  formatNir,
  nirSchema,
  type NirCheck,
  type NirProblem,
  type ParsedNir,
} from './nir.ts';

/** The demo population: generate it (pure), load it (returns the demo logins), know if it is loaded. */
export { generateDemoPopulation, seedDemoPopulation, isDemoSeeded } from './seeds.ts';
export { createRandom, type Random } from './random.ts';
export type { DemoIdentity, DemoPopulation, DemoHousehold, DemoPerson, DemoAgent } from './demo-population.ts';

/** The person's household as an OpenFisca-France situation (for the rights engine). */
export { householdSituation, type OpenFiscaSituation } from './household-situation.ts';

/** The communes of France by INSEE code (Code officiel géographique), loaded once. */
export { loadCommunes, type Commune } from './communes.ts';

/** OpenFisca vocabulary of the module (roles, statuses) and the bodies agents work for. */
export * from './vocabulary.ts';
