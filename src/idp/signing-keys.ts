import { generateKeyPair, randomUUID, type JsonWebKey } from 'node:crypto';
import type { Db } from '../platform/index.ts';

const newRsaKey = () =>
  new Promise<JsonWebKey>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, privateKey) =>
      error ? reject(error) : resolve(privateKey.export({ format: 'jwk' })),
    ),
  );

/**
 * The provider's ID token signing keys (RS256, the algorithm FranceConnect and every client
 * support), generated on first start and kept in `idp.signing_keys`: tokens stay verifiable
 * across restarts and between processes.
 */
export const loadSigningKeys = async (db: Db): Promise<JsonWebKey[]> => {
  const read = () =>
    db.query<{ private_jwk: JsonWebKey }>('select private_jwk from idp.signing_keys order by created_at desc');
  const existing = await read();
  if (existing.length) return existing.map((row) => row.private_jwk);
  const jwk = { ...(await newRsaKey()), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  // Under a lock: two processes starting at once must not sign with two different first keys.
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7200003)');
    const [row] = await tx.query('select 1 from idp.signing_keys limit 1');
    if (!row)
      await tx.query('insert into idp.signing_keys (kid, private_jwk) values ($1, $2::jsonb)', [
        jwk.kid,
        JSON.stringify(jwk),
      ]);
  });
  return (await read()).map((row) => row.private_jwk);
};
