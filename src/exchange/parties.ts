// The parties of the exchange: the guichet (front office), the hub and the bodies' nodes.
import type { Messages } from '../platform/index.ts';

export const BODY_PARTIES = ['caf', 'cpam', 'msa', 'urssaf', 'france-travail', 'cnav', 'dgfip', 'etat-civil'] as const;
export type BodyParty = (typeof BODY_PARTIES)[number];

export const PARTIES = ['guichet', 'hub', ...BODY_PARTIES] as const;
export type Party = (typeof PARTIES)[number];

export const isParty = (value: string): value is Party => (PARTIES as readonly string[]).includes(value);

export const PARTY_NAMES: Record<Party, Messages> = {
  guichet: { fr: 'Guichet (le guichet unique)', en: 'Guichet (the one-stop shop)' },
  hub: { fr: 'Plateforme d’échange', en: 'Exchange hub' },
  caf: { fr: 'Caisse d’allocations familiales (CAF)', en: 'Family allowance fund (CAF)' },
  cpam: { fr: 'Caisse primaire d’assurance maladie (CPAM)', en: 'Health insurance fund (CPAM)' },
  msa: { fr: 'Mutualité sociale agricole (MSA)', en: 'Agricultural social insurance (MSA)' },
  urssaf: { fr: 'Urssaf', en: 'Urssaf (social contributions)' },
  'france-travail': { fr: 'France Travail', en: 'France Travail (employment service)' },
  cnav: { fr: 'Assurance retraite (CNAV)', en: 'Pension insurance (CNAV)' },
  dgfip: { fr: 'Impôts (DGFiP)', en: 'Tax administration (DGFiP)' },
  'etat-civil': { fr: 'État civil (mairie)', en: 'Civil registry (town hall)' },
};

/** Where a body's node listens on the embedded default: on the same server, under /bodies/<body>. */
export const embeddedBodyUrl = (publicUrl: string, body: BodyParty) => `${publicUrl}/bodies/${body}`;

/** The variable giving the URL of a body's node run as its own process: `BODY_FRANCE_TRAVAIL_URL`. */
export const bodyUrlVariable = (body: BodyParty) => `BODY_${body.toUpperCase().replace('-', '_')}_URL`;

/** The configured URLs of the bodies' nodes run apart (the others run in this process). */
export const remoteBodyUrls = (config: object): Partial<Record<BodyParty, string>> =>
  Object.fromEntries(
    BODY_PARTIES.flatMap((body) => {
      const url = (config as Record<string, unknown>)[bodyUrlVariable(body)];
      return typeof url === 'string' ? [[body, url]] : [];
    }),
  );
