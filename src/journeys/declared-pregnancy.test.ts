import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays } from '../platform/index.ts';
import { seedAndLogIn, testGuichet, type SessionHeaders } from '../testing.ts';

type Step = { id: string; dueOn: string; amount: { variable: string; month: string; euros: number | null } | null };

describe('grossesse et naissance déclarées : la situation de la personne suit', async () => {
  const guichet = await testGuichet();
  const { app } = guichet;
  let nadia: SessionHeaders;
  let camille: SessionHeaders;
  let julien: SessionHeaders;

  before(async () => {
    const logIn = await seedAndLogIn(guichet);
    nadia = await logIn('nadia.benali@demo.guichet.fr');
    camille = await logIn('camille.martin@demo.guichet.fr');
    julien = await logIn('julien.roux@demo.guichet.fr');
  });

  const situation = async (headers: SessionHeaders) =>
    (await app.inject({ url: '/api/v1/me', headers })).json().person.situation;
  const journeys = async (
    headers: SessionHeaders,
  ): Promise<{ today: string; calendars: { journey: string; steps: Step[] }[] }> =>
    (await app.inject({ url: '/api/v1/journeys', headers })).json();
  const declare = async (headers: SessionHeaders, key: string, payload: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers: { ...headers, 'idempotency-key': key },
      payload,
    });
    assert.equal(response.statusCode, 201, response.body);
  };

  it('compte l’enfant à naître de Nadia dès qu’elle déclare sa grossesse : la prime à la naissance a un montant', async () => {
    const { today, calendars } = await journeys(nadia);
    assert.equal(
      calendars.find((calendar) => calendar.journey === 'naissance'),
      undefined,
    );
    const expectedOn = addDays(today, 150);
    await declare(nadia, 'c0ffee00-0000-4000-8000-00000000b001', {
      type: 'grossesse',
      expectedOn,
      pregnantPerson: 'declarant',
    });
    const birth = (await journeys(nadia)).calendars.find((calendar) => calendar.journey === 'naissance');
    const prime = birth?.steps.find((step) => step.id === 'prime-naissance');
    // Seule avec deux enfants et 1 280 € par mois : sous le plafond, la prime est due pour l’enfant attendu.
    assert.ok((prime?.amount?.euros ?? 0) > 0, `montant de la prime : ${JSON.stringify(prime?.amount)}`);
    const after = await situation(nadia);
    assert.deepEqual(
      { isPregnant: after.isPregnant, dueDate: after.pregnancyDueDate },
      { isPregnant: true, dueDate: expectedOn },
    );
  });

  it('déplace la date prévue dans la situation de Camille quand Julien la déclare pour elle', async () => {
    const before = await situation(camille);
    assert.equal(before.isPregnant, true);
    const expectedOn = addDays(before.pregnancyDueDate, 9);
    await declare(julien, 'c0ffee00-0000-4000-8000-00000000b002', {
      type: 'grossesse',
      expectedOn,
      pregnantPerson: 'otherParent',
    });
    assert.equal((await situation(camille)).pregnancyDueDate, expectedOn);
    // Julien n’est pas enceint : sa propre situation ne change pas.
    assert.equal((await situation(julien)).isPregnant, false);
  });

  it('met fin à la grossesse de Camille quand la naissance est déclarée, et Léa rejoint le foyer', async () => {
    const { today } = await journeys(camille);
    const membersBefore = (await app.inject({ url: '/api/v1/me', headers: camille })).json();
    await declare(julien, 'c0ffee00-0000-4000-8000-00000000b003', {
      type: 'naissance',
      children: [
        { givenNames: 'Léa', familyName: 'Roux', sex: 'F', birthDate: addDays(today, -1), birthPlace: '69383' },
      ],
    });
    const after = await situation(camille);
    assert.deepEqual(
      { isPregnant: after.isPregnant, dueDate: after.pregnancyDueDate },
      { isPregnant: false, dueDate: null },
    );
    const file = (await app.inject({ url: '/api/v1/me', headers: camille })).json();
    const names = (group: { members: { givenNames: string; role: string }[] }) =>
      group.members.map((member) => `${member.role}:${member.givenNames}`);
    assert.deepEqual(names(file.famille), [...names(membersBefore.famille), 'enfants:Léa']);
    assert.deepEqual(names(file.foyerFiscal), [...names(membersBefore.foyerFiscal), 'personnes_a_charge:Léa']);
    assert.deepEqual(names(file.menage), [...names(membersBefore.menage), 'enfants:Léa']);
  });
});
