import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { seedAndLogIn, testGuichet, type SessionHeaders } from '../testing.ts';
import { formatNir } from './nir.ts';

describe('routes du dossier des personnes', async () => {
  const guichet = await testGuichet();
  const { app, db } = guichet;
  let camille: SessionHeaders;
  let agent: SessionHeaders;

  before(async () => {
    const logIn = await seedAndLogIn(guichet, { households: 60, seed: 9, today: '2026-11-24' });
    camille = await logIn('camille.martin@demo.guichet.fr');
    agent = await logIn('agent.caf@demo.guichet.fr');
  });

  describe('GET /api/v1/me', () => {
    it('refuse une personne non connectée', async () => {
      const response = await app.inject('/api/v1/me');
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().code, 'unauthenticated');
    });

    it('montre à Camille son dossier et seulement les membres de son foyer, avec leur rôle', async () => {
      const response = await app.inject({ url: '/api/v1/me', headers: camille });
      assert.equal(response.statusCode, 200);
      const file = response.json();
      assert.equal(file.person.givenNames, 'Camille Marie');
      assert.equal(file.person.situation.isPregnant, true);
      assert.deepEqual(
        file.menage.members.map((m: { givenNames: string; role: string }) => `${m.role}:${m.givenNames}`),
        ['personne_de_reference:Camille Marie', 'conjoint:Julien', 'enfants:Lucas'],
      );
      assert.deepEqual(
        file.foyerFiscal.members.map((m: { givenNames: string; role: string }) => `${m.role}:${m.givenNames}`),
        ['declarants:Julien', 'declarants:Camille Marie', 'personnes_a_charge:Lucas'],
      );
      assert.equal(file.menage.statutOccupationLogement, 'locataire_vide');
      assert.equal(file.menage.zoneApl, 'zone_2');
      const ids = new Set([
        file.person.id,
        ...file.famille.members.map((m: { id: string }) => m.id),
        ...file.menage.members.map((m: { id: string }) => m.id),
      ]);
      assert.equal(ids.size, 3);
      assert.ok(!JSON.stringify(file).includes('Benali'));
      assert.ok(!('nir' in file.menage.members[1]), 'les autres membres sont montrés sans leur NIR');
    });

    it('refuse l’espace agent à une citoyenne', async () => {
      const response = await app.inject({ url: '/api/v1/agent/persons?q=Martin', headers: camille });
      assert.equal(response.statusCode, 403);
    });
  });

  describe('PATCH /api/v1/me/contact', () => {
    const patch = (payload: unknown, headers: Partial<SessionHeaders> = camille) =>
      app.inject({ method: 'PATCH', url: '/api/v1/me/contact', headers, payload: payload as object });
    const me = async () => (await app.inject({ url: '/api/v1/me', headers: camille })).json().person;

    it('refuse un courriel invalide en nommant le champ, et n’écrit rien', async () => {
      const before = await me();
      const response = await patch({ email: 'camille@', phone: '06 11 22 33 44' });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().field, 'email');
      assert.match(response.json().messages.fr, /adresse électronique/);
      assert.match(response.json().messages.en, /e-mail/);
      assert.deepEqual(await me(), before);
    });

    it('refuse un champ inconnu en le nommant, et n’écrit rien', async () => {
      const before = await me();
      const response = await patch({ phone: '06 11 22 33 44', familyName: 'Autre' });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().field, 'familyName');
      assert.deepEqual(await me(), before);
    });

    it('nomme chaque champ en défaut', async () => {
      const response = await patch({
        email: 'non',
        phone: '12',
        address: { label: '1 rue X', postcode: '6900', communeCode: '69123', communeName: 'Lyon' },
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(
        response
          .json()
          .issues.map((issue: { field: string }) => issue.field)
          .sort(),
        ['address.postcode', 'email', 'phone'],
      );
    });

    it('refuse une modification sans jeton anti-falsification', async () => {
      const response = await patch({ phone: '0611223344' }, { cookie: camille.cookie });
      assert.equal(response.statusCode, 403);
    });

    it('enregistre le courriel, le téléphone (au format international) et l’adresse', async () => {
      const address = { label: '3 place Bellecour', postcode: '69002', communeCode: '69382', communeName: 'Lyon' };
      const response = await patch({ email: 'Camille.M@exemple.fr', phone: '06 11 22 33 44', address });
      assert.equal(response.statusCode, 200);
      const person = await me();
      assert.equal(person.email, 'camille.m@exemple.fr');
      assert.equal(person.phone, '+33611223344');
      assert.deepEqual(person.address, { ...address, lat: null, lon: null });
      assert.equal(person.givenNames, 'Camille Marie');
    });
  });

  describe('recherche et dossier côté agent', () => {
    const search = (q: string, headers: SessionHeaders = agent) =>
      app.inject({ url: `/api/v1/agent/persons?q=${encodeURIComponent(q)}`, headers });

    it('trouve une personne par son NIR saisi avec des espaces', async () => {
      const [row] = await db.query<{ nir: string }>(
        "select nir from people.persons where email = 'nadia.benali@demo.guichet.fr'",
      );
      const response = await search(formatNir(row!.nir));
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.matchedBy, 'nir');
      assert.deepEqual(
        body.items.map((item: { givenNames: string }) => item.givenNames),
        ['Nadia'],
      );
      const prefix = await search(row!.nir.slice(0, 13));
      assert.equal(prefix.json().items.length, 1);
    });

    it('trouve par le nom sans tenir compte des accents ni de la casse', async () => {
      const body = (await search('elodie FONTAINE')).json();
      assert.equal(body.matchedBy, 'name');
      assert.equal(body.items[0].givenNames, 'Élodie');
      const francoise = (await search('Francoise Dupont')).json();
      assert.ok(francoise.items.some((item: { givenNames: string }) => item.givenNames === 'Françoise'));
    });

    it('renvoie au plus 20 résultats par page, et refuse d’en demander plus', async () => {
      const body = (await search('an')).json();
      assert.ok(body.items.length <= 20);
      assert.equal(body.pageSize, 20);
      const tooMany = await app.inject({ url: '/api/v1/agent/persons?q=an&pageSize=50', headers: agent });
      assert.equal(tooMany.statusCode, 400);
      assert.equal(tooMany.json().field, 'query.pageSize');
    });

    it('montre le dossier d’une personne et de son foyer', async () => {
      const hit = (await search('Nadia Benali')).json().items[0];
      const response = await app.inject({ url: `/api/v1/agent/persons/${hit.id}`, headers: agent });
      assert.equal(response.statusCode, 200);
      const file = response.json();
      assert.equal(file.person.familyName, 'Benali');
      assert.deepEqual(
        file.famille.members.map((m: { role: string; givenNames: string }) => `${m.role}:${m.givenNames}`),
        ['parents:Nadia', 'enfants:Inès', 'enfants:Adam'],
      );
      assert.equal(file.menage.statutOccupationLogement, 'locataire_hlm');
    });

    it('répond 404 pour une personne inconnue et 400 pour un identifiant mal formé', async () => {
      assert.equal(
        (await app.inject({ url: '/api/v1/agent/persons/00000000-0000-4000-8000-000000000000', headers: agent }))
          .statusCode,
        404,
      );
      const bad = await app.inject({ url: '/api/v1/agent/persons/abc', headers: agent });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().field, 'params.id');
    });

    it('publie ses routes dans la description OpenAPI', async () => {
      const paths = Object.keys((await app.inject('/api/docs/json')).json().paths);
      for (const path of ['/api/v1/me', '/api/v1/me/contact', '/api/v1/agent/persons', '/api/v1/agent/persons/{id}'])
        assert.ok(paths.includes(path), path);
    });
  });
});
