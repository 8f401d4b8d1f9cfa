// The exchange hub (the BCSS model): a directory of references keyed by a pseudonym of the NIR, an
// authorisation matrix as data, routing, signed messages written to an outbox in the caller's
// transaction, delivery by workers over HTTP to each body's connector, and a hash-chained log.
// Other modules import only this file.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from '../platform/index.ts';
import { DELIVER_JOB } from './accept-messages.ts';
import { deliverJob } from './deliver-outbox.ts';
import { installHub, loadHub } from './hub.ts';
import { remoteBodyUrls } from './parties.ts';
import { registerEmbeddedParties } from './parties-registry.ts';
import { mountExchangeRoutes } from './routes.ts';

/** The module's manifest: schema `exchange`, its routes (keys, intake, admin) and the delivery job. */
export const exchangeModule: GuichetModule = {
  name: 'exchange',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: async (app, context) => {
    const hub = installHub(await loadHub(context.db, context.config));
    await registerEmbeddedParties(context.db, hub, remoteBodyUrls(context.config));
    mountExchangeRoutes(app, context, hub);
  },
  jobs: { [DELIVER_JOB]: deliverJob },
};

/** The hub's keys (pseudonyms, sealing, signing) for this configuration. */
export { createHub, loadHub, currentHub, type Hub } from './hub.ts';
export { registerEmbeddedParties, registerRemoteParty, listParties } from './parties-registry.ts';

/** The message format and its signature (what a connector implements). */
export { signingKey, canonicalJson, type SigningKey } from './signing.ts';
export {
  envelopeSchema,
  signedMessageSchema,
  acknowledgementSchema,
  signMessage,
  isSignedBy,
  STATUS_CODES,
  type Envelope,
  type SignedMessage,
  type Acknowledgement,
  type StatusCode,
} from './message.ts';
export { BODY_PARTIES, PARTIES, PARTY_NAMES, isParty, type BodyParty, type Party } from './parties.ts';

/** Routing and the authorisation matrix. */
export { routeDeclaration, declarationTypes, loadRoutes, type Routing, type Recipient } from './routing.ts';
export { authorisations, findAuthorisation, type Authorisation } from './authorisations.ts';

/** Directory of references. */
export {
  recordHoldings,
  findDirectoryEntries,
  holdingSchema,
  type Holding,
  type DirectoryEntry,
} from './record-holdings.ts';

/** Intake, delivery, statuses, dead letters, log. */
export { acceptMessages, DELIVER_JOB, type Intake } from './accept-messages.ts';
export { deliverBatch, drainOutbox, type DeliveryOptions, type DeliveryReport } from './deliver-outbox.ts';
export { getMessageStatuses, type DeliveryStatus, type MessageStatus } from './message-status.ts';
export { listDeadLetters, retryDeadLetter, type DeadLetter } from './dead-letters.ts';
export { verifyMessageLog, type LogVerification } from './message-log.ts';

/** Message contents by type (the connector contract). */
export {
  birthDeclaredContent,
  pregnancyDeclaredContent,
  addressChangedContent,
  householdChangedContent,
  activityChangedContent,
  bankDetailsChangedContent,
  deathDeclaredContent,
  HOUSEHOLD_EVENTS,
  ACTIVITY_EVENTS,
  RELATIONS,
  type BirthDeclaredContent,
  type PregnancyDeclaredContent,
  type AddressChangedContent,
  type HouseholdChangedContent,
  type ActivityChangedContent,
  type BankDetailsChangedContent,
  type DeathDeclaredContent,
} from './message-types.ts';
