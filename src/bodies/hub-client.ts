// A node's client of the hub: the published public keys (to check who signed a message) and the
// declaration of its files to the directory. Plain HTTP, as for a remote node.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { signMessage, type Holding, type SigningKey } from '../exchange/index.ts';

type Keys = { fetchedAt: number; keys: Map<string, KeyObject> };
const cache = new Map<string, Keys>();
const REFRESH_MS = 5_000;

/** The public key of a party as the hub publishes it (cached; looked up again for an unknown party). */
export const publicKeyOf = async (hubUrl: string, party: string): Promise<KeyObject | undefined> => {
  const cached = cache.get(hubUrl);
  if (cached?.keys.has(party)) return cached.keys.get(party);
  if (cached && Date.now() - cached.fetchedAt < REFRESH_MS) return undefined;
  const response = await fetch(`${hubUrl}/exchange/v1/keys`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`clés de la plateforme indisponibles : HTTP ${response.status}`);
  const { keys } = (await response.json()) as {
    keys: { party: string; publicKey: import('node:crypto').JsonWebKey }[];
  };
  const fresh = new Map(keys.map((entry) => [entry.party, createPublicKey({ key: entry.publicKey, format: 'jwk' })]));
  cache.set(hubUrl, { fetchedAt: Date.now(), keys: fresh });
  return fresh.get(party);
};

/** Tells the hub's directory which files this node holds (or no longer holds). */
export const declareHoldings = async (hubUrl: string, key: SigningKey, holdings: Holding[]) => {
  if (!holdings.length) return;
  const message = signMessage(key, {
    idempotencyKey: `holdings:${key.party}:${crypto.randomUUID()}`,
    correlationId: `holdings:${key.party}`,
    recipient: 'hub',
    type: 'repertoire.declaration',
    category: 'repertoire',
    purpose: 'declaration_dossier',
    subjects: holdings.map((holding) => ({ nir: holding.nir })),
    content: { holdings },
  });
  const response = await fetch(`${hubUrl}/exchange/v1/holdings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok)
    throw new Error(`déclaration au répertoire refusée : HTTP ${response.status} ${await response.text()}`);
};
