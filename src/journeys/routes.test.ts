import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { seedAndLogIn, testGuichet, type SessionHeaders } from '../testing.ts';

describe('routes des parcours', async () => {
  const guichet = await testGuichet();
  const { app } = guichet;
  let camille: SessionHeaders;
  let julien: SessionHeaders;

  before(async () => {
    const logIn = await seedAndLogIn(guichet);
    camille = await logIn('camille.martin@demo.guichet.fr');
    julien = await logIn('julien.roux@demo.guichet.fr');
  });

  const journeys = async (headers: SessionHeaders) => (await app.inject({ url: '/api/v1/journeys', headers })).json();

  it('montre à Camille, enceinte, le calendrier de la naissance avec ses propres dates', async () => {
    const { today, calendars } = await journeys(camille);
    assert.equal(calendars.length, 1);
    const [birth] = calendars;
    assert.equal(birth.journey, 'naissance');
    const declare = birth.steps.find((step: { id: string }) => step.id === 'declarer-naissance');
    assert.ok(declare.dueOn > today, 'la naissance est à venir');
    // Un 2e enfant dans la famille (Lucas, 4 ans) : les allocations familiales apparaissent.
    assert.ok(birth.steps.some((step: { id: string }) => step.id === 'allocations-familiales'));
    const prime = birth.steps.find((step: { id: string }) => step.id === 'prime-naissance');
    assert.equal(prime.amount.variable, 'paje_naissance');
    assert.equal(typeof prime.amount.euros, 'number', 'le montant vient du moteur de droits');
  });

  it('montre le même parcours à Julien, l’autre parent', async () => {
    const [birth] = (await journeys(julien)).calendars;
    assert.equal(birth?.journey, 'naissance');
    assert.ok(birth.steps.some((step: { id: string }) => step.id === 'conge-paternite-obligatoire'));
  });

  it('coche une étape puis la décoche ; refuse une étape inconnue', async () => {
    const url = '/api/v1/journeys/naissance/steps/mutuelle/done';
    assert.equal((await app.inject({ method: 'PUT', url, headers: camille })).statusCode, 204);
    const status = async () =>
      (await journeys(camille)).calendars[0].steps.find((step: { id: string }) => step.id === 'mutuelle').status;
    assert.equal(await status(), 'done');
    assert.equal((await app.inject({ method: 'DELETE', url, headers: camille })).statusCode, 204);
    assert.notEqual(await status(), 'done');
    const unknown = await app.inject({
      method: 'PUT',
      url: '/api/v1/journeys/naissance/steps/inventee/done',
      headers: camille,
    });
    assert.equal(unknown.statusCode, 404);
  });

  it('donne une adresse privée de calendrier iCalendar, révoquée quand on la renouvelle', async () => {
    const { url } = (await app.inject({ method: 'POST', url: '/api/v1/journeys/feed', headers: camille })).json();
    const path = new URL(url).pathname;
    const feed = await app.inject({ url: path });
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /text\/calendar/);
    assert.match(feed.body, /SUMMARY:Déclarer la naissance à la mairie/);
    assert.match(feed.body, /DTSTART;VALUE=DATE:\d{8}/);
    await app.inject({ method: 'POST', url: '/api/v1/journeys/feed', headers: camille });
    assert.equal((await app.inject({ url: path })).statusCode, 404);
  });

  it('suit la date prévue que Camille déclare : la déclaration de naissance se déplace avec elle', async () => {
    const declared = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: { ...camille, 'idempotency-key': 'c0ffee00-0000-4000-8000-000000000001' },
      payload: { type: 'grossesse', expectedOn: '2027-04-12', pregnantPerson: 'declarant' },
    });
    assert.equal(declared.statusCode, 201, declared.body);
    const step = async (headers: SessionHeaders) =>
      (await journeys(headers)).calendars[0].steps.find((s: { id: string }) => s.id === 'declarer-naissance');
    // Lundi 12 avril 2027 + 5 jours = samedi 17 → lundi 19 avril.
    assert.equal((await step(camille)).dueOn, '2027-04-19');
    // Julien, l’autre parent, voit la même date.
    assert.equal((await step(julien)).dueOn, '2027-04-19');
  });

  it('refuse le calendrier sans connexion', async () => {
    assert.equal((await app.inject('/api/v1/journeys')).statusCode, 401);
  });
});
