import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../main.ts';
import { testConfig, testDb } from '../platform/testing/index.ts';
import type { Db } from '../platform/index.ts';
import { seedDemo } from '../seed.ts';

describe('dossiers de démonstration des organismes', () => {
  let db: Db;
  const count = async (sql: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`))[0]!.n;

  before(async () => {
    db = await testDb(migrationSources());
    await seedDemo(db, { households: 60, seed: 5, config: testConfig() });
  });
  after(() => db.close());

  it('donne un acte de naissance à chaque personne née en France', async () => {
    assert.equal(
      await count(
        `people.persons p where p.birth_country = '99100' and not exists (select 1 from body_etat_civil.actes a where a.nir = p.nir and a.kind = 'naissance')`,
      ),
      0,
    );
  });

  it('sert chaque adulte par la CPAM ou, pour les familles agricoles, par la MSA, jamais les deux', async () => {
    assert.ok((await count('body_msa.adherents')) > 0, 'quelques familles agricoles');
    assert.equal(await count('body_msa.adherents m join body_cpam.assures c using (nir)'), 0);
    assert.equal(await count('body_msa.adherents m join body_caf.allocataires c using (nir)'), 0);
    assert.equal(
      await count(`people.famille_members f join people.persons p on p.id = f.person_id where f.role = 'parents'
                   and not exists (select 1 from body_cpam.assures c where c.nir = p.nir)
                   and not exists (select 1 from body_msa.adherents m where m.nir = p.nir)`),
      0,
    );
  });

  it('inscrit les chômeurs à France Travail et chaque foyer fiscal à la DGFiP avec son revenu fiscal', async () => {
    assert.equal(
      await count(`people.person_situations s join people.persons p on p.id = s.person_id where s.employment_status = 'chomeur'
                   and not exists (select 1 from body_france_travail.demandeurs d where d.nir = p.nir)`),
      0,
    );
    assert.equal(await count('people.foyers_fiscaux'), await count('body_dgfip.foyers'));
  });

  it('déclare au répertoire chaque dossier détenu, sous pseudonyme', async () => {
    const holdings =
      (await count('body_cpam.assures')) +
      (await count('body_cpam.ayants_droit')) +
      (await count('body_msa.adherents')) +
      (await count('body_msa.ayants_droit')) +
      (await count('body_cnav.assures'));
    assert.equal(await count(`exchange.directory where party in ('cpam', 'msa', 'cnav')`), holdings);
    assert.equal(await count(`exchange.directory where subject_key !~ '^[0-9a-f]{64}$'`), 0);
  });
});
