import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Sql } from '../platform/index.ts';

type PayloadRow = { payload: AdapterPayload; consumed_at: string | Date | null };

// Expired rows are of no use to the provider (find ignores them); sweep them now and then.
const SWEEP_EVERY = 200;

/**
 * oidc-provider's storage on `idp.oidc_payloads`: one row per stored object (session,
 * interaction, grant, code, token…), keyed by model name and id, so a restart loses no login.
 */
export const postgresAdapter = (db: Sql) => {
  let writes = 0;
  const live = 'and (expires_at is null or expires_at > now())';
  const findBy = async (model: string, where: string, value: string) => {
    const [row] = await db.query<PayloadRow>(
      `select payload, consumed_at from idp.oidc_payloads where model = $1 and ${where} = $2 ${live} limit 1`,
      [model, value],
    );
    if (!row) return undefined;
    const consumed = row.consumed_at ? Math.floor(new Date(row.consumed_at).getTime() / 1000) : undefined;
    return consumed ? { ...row.payload, consumed } : row.payload;
  };

  return (model: string): Adapter => ({
    upsert: async (id, payload, expiresIn) => {
      await db.query(
        `insert into idp.oidc_payloads (model, id, payload, grant_id, user_code, uid, expires_at)
         values ($1, $2, $3::jsonb, $4, $5, $6, case when $7::int is null then null else now() + make_interval(secs => $7::int) end)
         on conflict (model, id) do update
           set payload = excluded.payload, grant_id = excluded.grant_id, user_code = excluded.user_code,
               uid = excluded.uid, expires_at = excluded.expires_at`,
        [
          model,
          id,
          JSON.stringify(payload),
          payload.grantId ?? null,
          payload.userCode ?? null,
          payload.uid ?? null,
          expiresIn ?? null,
        ],
      );
      if (++writes % SWEEP_EVERY === 0) await db.query('delete from idp.oidc_payloads where expires_at < now()');
    },
    find: (id) => findBy(model, 'id', id),
    findByUid: (uid) => findBy(model, 'uid', uid),
    findByUserCode: (userCode) => findBy(model, 'user_code', userCode),
    consume: async (id) => {
      await db.query('update idp.oidc_payloads set consumed_at = now() where model = $1 and id = $2', [model, id]);
    },
    destroy: async (id) => {
      await db.query('delete from idp.oidc_payloads where model = $1 and id = $2', [model, id]);
    },
    revokeByGrantId: async (grantId) => {
      await db.query('delete from idp.oidc_payloads where grant_id = $1', [grantId]);
    },
  });
};
