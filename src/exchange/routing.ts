// Routing: declaration type → bodies concerned, given the persons' directory entries (routing.yaml).
import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Messages, Sql } from '../platform/index.ts';
import { findAuthorisation, type Authorisation } from './authorisations.ts';
import type { Hub } from './hub.ts';
import { PARTIES, PARTY_NAMES, type Party } from './parties.ts';

const messages = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();

const routeSchema = z
  .object({
    type: z.string().min(1),
    category: z.string().min(1),
    label: messages,
    recipients: z.array(
      z
        .object({
          party: z.enum(PARTIES),
          purpose: z.string().min(1),
          regime: z.enum(['general', 'agricole']).optional(),
          /** Only for these variants of the declaration (e.g. a marriage, not a separation). */
          variants: z.array(z.string().min(1)).min(1).optional(),
          why: messages,
        })
        .strict(),
    ),
  })
  .strict();
export type Route = z.infer<typeof routeSchema>;

let routes: Record<string, Route> | undefined;
export const loadRoutes = () =>
  (routes ??= z
    .record(z.string(), routeSchema)
    .parse(parse(fs.readFileSync(new URL('./routing.yaml', import.meta.url), 'utf8'))));

export const declarationTypes = () => Object.keys(loadRoutes());

export type Recipient = {
  party: Party;
  name: Messages;
  category: string;
  purpose: string;
  why: Messages;
  legalBasis: string;
  decision: Authorisation['decision'];
};

export type Routing = {
  type: string;
  messageType: string;
  category: string;
  label: Messages;
  regime: 'general' | 'agricole';
  recipients: Recipient[];
};

/**
 * Which bodies a declaration of this type about these persons goes to, and why. A recipient the
 * matrix does not allow, that holds no file when its decision requires one, or that is only for
 * other variants of the declaration, is left out (without a variant, every variant's recipients).
 */
export const routeDeclaration = async (
  db: Sql,
  hub: Hub,
  {
    type,
    nirs,
    variant,
    on = new Date().toISOString().slice(0, 10),
  }: { type: string; nirs: string[]; variant?: string; on?: string },
): Promise<Routing | null> => {
  const route = loadRoutes()[type];
  if (!route) return null;
  const keys = nirs.map(hub.pseudonym);
  const held = await db.query<{ party: string }>(
    `select distinct party from exchange.directory
      where subject_key = any($1::text[]) and period_start <= $2 and (period_end is null or period_end >= $2)`,
    [keys, on],
  );
  const holders = new Set(held.map((row) => row.party));
  const regime = holders.has('msa') ? 'agricole' : 'general';
  const recipients: Recipient[] = [];
  for (const candidate of route.recipients) {
    if (candidate.regime && candidate.regime !== regime) continue;
    if (variant && candidate.variants && !candidate.variants.includes(variant)) continue;
    const authorisation = findAuthorisation({
      recipient: candidate.party,
      category: route.category,
      purpose: candidate.purpose,
      on,
    });
    if (!authorisation) continue;
    if (authorisation.scope === 'dossier' && !holders.has(candidate.party)) continue;
    recipients.push({
      party: candidate.party,
      name: PARTY_NAMES[candidate.party],
      category: route.category,
      purpose: candidate.purpose,
      why: candidate.why,
      legalBasis: authorisation.legalBasis,
      decision: authorisation.decision,
    });
  }
  return { type, messageType: route.type, category: route.category, label: route.label, regime, recipients };
};
