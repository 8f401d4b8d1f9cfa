// Test kit of the exchange hub, the bodies and the declarations (beside src/testing.ts): a seeded Guichet listening on a real port
// (the hub calls the bodies over HTTP), citizens' sessions, and families picked from the demo data.
import { randomUUID } from 'node:crypto';
import type { Db, SessionUser } from './platform/index.ts';
import { seedDemo } from './seed.ts';
import { logInAs, testGuichetServer } from './testing.ts';
import { loadHub } from './exchange/index.ts';

export const seededHub = async ({
  households = 40,
  env = {},
}: { households?: number; env?: Record<string, string> } = {}) => {
  const guichet = await testGuichetServer(env);
  await seedDemo(guichet.db, { households, seed: 11, config: guichet.config });
  const hub = await loadHub(guichet.db, guichet.config);
  const loginAs = (personId: string) => {
    const user: SessionUser = { accountId: randomUUID(), role: 'citizen', displayName: 'Test', personId };
    return logInAs(guichet, user, { subject: personId });
  };
  const loginAdmin = () => {
    const user: SessionUser = { accountId: randomUUID(), role: 'admin', displayName: 'Admin', body: 'caf' };
    return logInAs(guichet, user, { subject: 'admin' });
  };
  return { ...guichet, hub, loginAs, loginAdmin };
};

/**
 * A couple with a famille, both with a NIR, whose scheme is `regime` (agricultural families have a
 * file at the MSA), and who hold files at every body a birth goes to.
 */
export const findCouple = async (db: Db, { regime, skip = 0 }: { regime: 'general' | 'agricole'; skip?: number }) => {
  const rows = await db.query<{ person_id: string; nir: string; other_nir: string }>(
    `select a.person_id, pa.nir, pb.nir as other_nir
       from people.famille_members a
       join people.famille_members b on b.famille_id = a.famille_id and b.role = 'parents' and b.person_id <> a.person_id
       join people.persons pa on pa.id = a.person_id
       join people.persons pb on pb.id = b.person_id
      where a.role = 'parents' and pa.nir is not null and pb.nir is not null
        and ${regime === 'agricole' ? '' : 'not'} exists (select 1 from body_msa.adherents m where m.nir = pa.nir)
        and (${regime === 'agricole'} or (exists (select 1 from body_cnav.assures c where c.nir = pa.nir)
             and exists (select 1 from body_cpam.assures c where c.nir = pa.nir)))
        and exists (select 1 from body_dgfip.foyer_personnes f where f.nir = pa.nir and f.role = 'declarant')
      order by pa.nir
      offset $1 limit 1`,
    [skip],
  );
  if (!rows[0]) throw new Error(`aucun couple du régime ${regime} dans la population de test`);
  return { personId: rows[0].person_id, nir: rows[0].nir, otherNir: rows[0].other_nir };
};

export const birthOf = (
  children: { givenNames: string; sex?: 'F' | 'M' }[],
  { birthDate = new Date().toISOString().slice(0, 10) } = {},
) => ({
  type: 'naissance' as const,
  children: children.map((child) => ({
    givenNames: child.givenNames,
    familyName: 'Testard',
    sex: child.sex ?? 'F',
    birthDate,
    birthPlace: '75056',
  })),
});
