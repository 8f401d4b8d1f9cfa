import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays, addMonths } from '../platform/index.ts';
import { seedAndLogIn, testGuichet, type SessionHeaders } from '../testing.ts';

type Step = { id: string; dueOn: string; status: string; amount: { variable: string } | null };
type Calendar = { journey: string; steps: Step[] };

describe('parcours de vie déclarés une fois', async () => {
  const guichet = await testGuichet();
  const { app } = guichet;
  let camille: SessionHeaders;
  let julien: SessionHeaders;
  let elodie: SessionHeaders;

  before(async () => {
    const logIn = await seedAndLogIn(guichet);
    camille = await logIn('camille.martin@demo.guichet.fr');
    julien = await logIn('julien.roux@demo.guichet.fr');
    elodie = await logIn('elodie.fontaine@demo.guichet.fr');
  });

  const journeys = async (headers: SessionHeaders): Promise<{ today: string; calendars: Calendar[] }> =>
    (await app.inject({ url: '/api/v1/journeys', headers })).json();
  const calendarOf = async (headers: SessionHeaders, journey: string) =>
    (await journeys(headers)).calendars.find((calendar) => calendar.journey === journey);
  const declare = async (headers: SessionHeaders, key: string, payload: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: { ...headers, 'idempotency-key': key },
      payload,
    });
    assert.equal(response.statusCode, 201, response.body);
  };

  it('ouvre à Julien le parcours perte d’emploi quand il déclare la fin de son contrat, pas à Camille', async () => {
    const { today } = await journeys(julien);
    assert.equal(await calendarOf(julien, 'perte-emploi'), undefined);
    const endedOn = addDays(today, -7);
    await declare(julien, 'c0ffee00-0000-4000-8000-00000000a001', {
      type: 'activite',
      event: 'perte_emploi',
      eventOn: endedOn,
      monthlyNetIncomeCents: 0,
    });
    const jobLoss = await calendarOf(julien, 'perte-emploi');
    const registration = jobLoss?.steps.find((step) => step.id === 'inscription-france-travail');
    assert.equal(registration?.dueOn, addMonths(endedOn, 12));
    assert.equal(registration?.status, 'to_do');
    assert.equal(jobLoss?.steps.find((step) => step.id === 'rsa-prime-activite')?.amount?.variable, 'rsa');
    // Son emploi est le sien : Camille, l’autre parent, n’a pas ce parcours.
    assert.equal(await calendarOf(camille, 'perte-emploi'), undefined);
  });

  it('montre le déménagement aux deux parents quand Camille déclare sa nouvelle adresse', async () => {
    const { today } = await journeys(camille);
    const movedOn = addDays(today, 10);
    await declare(camille, 'c0ffee00-0000-4000-8000-00000000a002', {
      type: 'adresse',
      movedOn,
      address: { label: '3 place Bellecour', postcode: '69002', communeCode: '69382', communeName: 'Lyon' },
    });
    for (const headers of [camille, julien]) {
      const moving = await calendarOf(headers, 'demenagement');
      assert.equal(moving?.steps.find((step) => step.id === 'carte-grise')?.dueOn, addMonths(movedOn, 1));
      // Lucas, 4 ans, doit être inscrit à l’école dans les 8 jours.
      assert.equal(moving?.steps.find((step) => step.id === 'inscription-scolaire')?.dueOn, addDays(movedOn, 8));
    }
  });

  it('montre à Élodie, reconnue handicapée à 80 %, le dossier MDPH et l’AAH', async () => {
    const disability = await calendarOf(elodie, 'handicap');
    assert.equal(disability?.steps[0]?.id, 'dossier-mdph');
    assert.equal(disability?.steps.find((step) => step.id === 'aah')?.amount?.variable, 'aah');
    assert.equal(await calendarOf(camille, 'handicap'), undefined);
  });
});
