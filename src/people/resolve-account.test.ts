import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrationSources } from '../main.ts';
import type { Db, OidcLogin } from '../platform/index.ts';
import { testDb } from '../platform/testing/index.ts';
import type { DemoIdentity } from './demo-population.ts';
import { resolveAccount } from './resolve-account.ts';
import { seedDemoPopulation } from './seeds.ts';

const ISSUER = 'https://fc.example.test';

describe('reconnaissance des comptes à la connexion', () => {
  let db: Db;
  let identities: DemoIdentity[];
  const claimsOf = (login: string) => identities.find((identity) => identity.login === login)!.claims;
  const citizen = (subject: string, claims: Record<string, unknown>): OidcLogin => ({
    kind: 'citizen',
    issuer: ISSUER,
    subject,
    claims,
  });

  before(async () => {
    db = await testDb(migrationSources());
    identities = await db.transaction((tx) => seedDemoPopulation(tx, { households: 40, seed: 5, today: '2026-11-24' }));
  });
  after(() => db.close());

  it('reconnaît une citoyenne par son identité pivot et crée son compte, puis le réutilise', async () => {
    const first = await resolveAccount(db, citizen('sub-camille', claimsOf('camille.martin@demo.guichet.fr')));
    assert.ok(first?.personId);
    assert.equal(first.role, 'citizen');
    assert.equal(first.displayName, 'Camille Martin');
    const [person] = await db.query<{ email: string }>('select email from people.persons where id = $1', [
      first.personId,
    ]);
    assert.equal(person!.email, 'camille.martin@demo.guichet.fr');
    const again = await resolveAccount(db, citizen('sub-camille', claimsOf('camille.martin@demo.guichet.fr')));
    assert.equal(again?.accountId, first.accountId);
  });

  it('ignore la casse et les accents des noms, et ne compare que le premier prénom', async () => {
    const claims = {
      ...claimsOf('francoise.dupont@demo.guichet.fr'),
      given_name: 'FRANCOISE Anne',
      family_name: 'moreau',
    };
    const user = await resolveAccount(db, citizen('sub-francoise', claims));
    assert.equal(user?.displayName, 'Françoise Dupont');
  });

  it('reconnaît une personne née à l’étranger par son pays de naissance', async () => {
    const abroad = identities.find(
      (identity) => identity.audience === 'citizen' && identity.claims.birthcountry !== '99100',
    );
    assert.ok(abroad, 'la population contient une personne née à l’étranger');
    assert.equal(abroad.claims.birthplace, '');
    assert.ok((await resolveAccount(db, citizen('sub-abroad', abroad.claims)))?.personId);
  });

  it('refuse une identité dont la date de naissance, le sexe ou le lieu ne correspondent pas', async () => {
    const claims = claimsOf('camille.martin@demo.guichet.fr');
    assert.equal(await resolveAccount(db, citizen('x1', { ...claims, birthdate: '1992-05-15' })), null);
    assert.equal(await resolveAccount(db, citizen('x2', { ...claims, gender: 'male' })), null);
    assert.equal(await resolveAccount(db, citizen('x3', { ...claims, birthplace: '75056' })), null);
    assert.equal(await resolveAccount(db, citizen('x4', { given_name: 'Camille' })), null);
  });

  it('reconnaît un agent par son courriel, avec son organisme et sa fonction', async () => {
    const user = await resolveAccount(db, {
      kind: 'agent',
      issuer: 'https://pc.example.test',
      subject: 'a1',
      claims: { email: 'Agent.CAF@demo.guichet.fr' },
    });
    assert.match(String(user?.agentId), /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      { ...user, accountId: undefined, agentId: undefined },
      {
        accountId: undefined,
        agentId: undefined,
        role: 'agent',
        displayName: 'Claire Dubois',
        body: 'caf',
        function: 'gestionnaire conseil',
      },
    );
  });

  it('donne le rôle administrateur à l’administratrice, et refuse un courriel inconnu', async () => {
    const admin = await resolveAccount(db, {
      kind: 'agent',
      issuer: 'https://pc.example.test',
      subject: 'a2',
      claims: { email: 'admin@demo.guichet.fr' },
    });
    assert.equal(admin?.role, 'admin');
    assert.equal(admin?.body, undefined);
    assert.equal(
      await resolveAccount(db, {
        kind: 'agent',
        issuer: 'https://pc.example.test',
        subject: 'a3',
        claims: { email: 'personne@example.fr' },
      }),
      null,
    );
  });
});
