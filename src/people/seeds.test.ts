import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../main.ts';
import { testDb } from '../platform/testing/index.ts';
import type { Db } from '../platform/index.ts';
import { checkNir } from './nir.ts';
import { generateDemoPopulation, isDemoSeeded, seedDemoPopulation } from './seeds.ts';

const TODAY = '2026-11-24';

describe('population de démonstration', () => {
  let db: Db;
  let identities: Awaited<ReturnType<typeof seedDemoPopulation>>;

  before(async () => {
    db = await testDb(migrationSources());
    assert.equal(await isDemoSeeded(db), false);
    identities = await db.transaction((tx) => seedDemoPopulation(tx, { households: 300, seed: 7, today: TODAY }));
  });
  after(() => db.close());

  it('donne la même population pour la même graine, une autre pour une autre graine', () => {
    const nirs = (seed: number) =>
      generateDemoPopulation({ households: 200, seed, today: TODAY }).households.flatMap((h) =>
        h.persons.map((p) => p.nir),
      );
    assert.deepEqual(nirs(11), nirs(11));
    assert.notDeepEqual(nirs(11), nirs(12));
  });

  it('note qu’elle est chargée', async () => {
    assert.equal(await isDemoSeeded(db), true);
  });

  it('donne à chacun un NIR valide, unique et cohérent avec son sexe, sa date et son lieu de naissance', async () => {
    const rows = await db.query<{ nir: string; sex: string; birth_date: string; birth_place: string }>(
      'select nir, sex, birth_date, birth_place from people.persons',
    );
    assert.ok(rows.length > 300);
    assert.equal(new Set(rows.map((r) => r.nir)).size, rows.length);
    for (const row of rows) {
      const check = checkNir(row.nir);
      assert.ok(check.ok, row.nir);
      assert.equal(check.value.sex, row.sex, row.nir);
      assert.equal(check.value.year2, row.birth_date.slice(2, 4), row.nir);
      assert.equal(check.value.month, Number(row.birth_date.slice(5, 7)), row.nir);
      assert.equal(check.value.birthPlace, row.birth_place, row.nir);
    }
  });

  it('fait naître chaque enfant après ses parents, et chaque enfant a 20 ans au plus', async () => {
    const [{ wrong }] = (await db.query<{ wrong: number }>(
      `select count(*)::int as wrong from people.famille_members c
         join people.persons child on child.id = c.person_id
         join people.famille_members p on p.famille_id = c.famille_id and p.role = 'parents'
         join people.persons parent on parent.id = p.person_id
        where c.role = 'enfants' and (child.birth_date <= parent.birth_date + interval '16 years'
              or child.birth_date <= date '${TODAY}' - interval '21 years')`,
    )) as [{ wrong: number }];
    assert.equal(wrong, 0);
  });

  it('donne à chaque ménage une personne de référence, et chaque personne a ses trois groupes', async () => {
    const [counts] = await db.query<{
      menages: number;
      with_reference: number;
      persons: number;
      in_famille: number;
      in_foyer: number;
      in_menage: number;
    }>(
      `select (select count(*)::int from people.menages) as menages,
              (select count(*)::int from people.menage_members where role = 'personne_de_reference') as with_reference,
              (select count(*)::int from people.persons) as persons,
              (select count(*)::int from people.famille_members) as in_famille,
              (select count(*)::int from people.foyer_fiscal_members) as in_foyer,
              (select count(*)::int from people.menage_members) as in_menage`,
    );
    assert.equal(counts!.menages, 306);
    assert.equal(counts!.with_reference, counts!.menages);
    assert.equal(counts!.in_famille, counts!.persons);
    assert.equal(counts!.in_foyer, counts!.persons);
    assert.equal(counts!.in_menage, counts!.persons);
  });

  it('contient les foyers vitrines et un identifiant de démonstration par adulte et par agent', async () => {
    const logins = new Set(identities.map((identity) => identity.login));
    for (const login of [
      'camille.martin@demo.guichet.fr',
      'julien.roux@demo.guichet.fr',
      'nadia.benali@demo.guichet.fr',
      'jean.dupont@demo.guichet.fr',
      'francoise.dupont@demo.guichet.fr',
      'maxime.girard@demo.guichet.fr',
      'elodie.fontaine@demo.guichet.fr',
      'sylvie.lemoine@demo.guichet.fr',
      'agent.caf@demo.guichet.fr',
      'agent.france-travail@demo.guichet.fr',
      'agent.etat-civil@demo.guichet.fr',
      'admin@demo.guichet.fr',
    ]) {
      assert.ok(logins.has(login), login);
    }
    assert.equal(logins.size, identities.length);
    const [{ adults }] = (await db.query<{ adults: number }>(
      `select count(*)::int as adults from people.persons where birth_date <= date '${TODAY}' - interval '18 years'`,
    )) as [{ adults: number }];
    assert.equal(identities.filter((identity) => identity.audience === 'citizen').length, adults);
    const camille = identities.find((identity) => identity.login === 'camille.martin@demo.guichet.fr')!;
    assert.deepEqual(camille.claims, {
      given_name: 'Camille Marie',
      family_name: 'Martin',
      birthdate: '1992-05-14',
      gender: 'female',
      birthplace: '69383',
      birthcountry: '99100',
      email: 'camille.martin@demo.guichet.fr',
      preferred_username: '',
    });
    const [pregnant] = await db.query<{ is_pregnant: boolean }>(
      `select s.is_pregnant from people.persons p join people.person_situations s on s.person_id = p.id where p.email = 'camille.martin@demo.guichet.fr'`,
    );
    assert.equal(pregnant!.is_pregnant, true);
  });
});
