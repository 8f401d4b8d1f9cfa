import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addDays } from '../platform/index.ts';
import { seedAndLogIn, testGuichet, type SessionHeaders } from '../testing.ts';
import { JOURNEYS } from './registry.ts';

type Step = { id: string; opensOn: string; dueOn: string; status: string };
type Member = { id: string; givenNames: string };

/**
 * For each journey, the demo person who lives it and what they declare (nothing when their file
 * alone puts them on it). A journey added to the registry without its demo person fails here.
 */
const DEMOS: Record<
  string,
  { login: string; declaration?: (today: string, me: { famille: { members: Member[] } }) => Record<string, unknown> }
> = {
  naissance: { login: 'camille.martin@demo.guichet.fr' },
  demenagement: {
    login: 'nadia.benali@demo.guichet.fr',
    declaration: (today) => ({
      type: 'adresse',
      movedOn: addDays(today, 10),
      address: { label: '18 rue Pierre-de-Roubaix', postcode: '59100', communeCode: '59512', communeName: 'Roubaix' },
    }),
  },
  'perte-emploi': {
    login: 'maxime.girard@demo.guichet.fr',
    declaration: (today) => ({
      type: 'activite',
      event: 'perte_emploi',
      eventOn: addDays(today, -14),
      monthlyNetIncomeCents: 102_000,
    }),
  },
  separation: {
    login: 'nadia.benali@demo.guichet.fr',
    declaration: (today) => ({
      type: 'foyer',
      event: 'separation',
      eventOn: addDays(today, -45),
      partnerGivenNames: 'Karim',
      partnerFamilyName: 'Benali',
    }),
  },
  retraite: {
    login: 'sylvie.lemoine@demo.guichet.fr',
    declaration: (today) => ({
      type: 'activite',
      event: 'retraite',
      eventOn: addDays(today, 120),
      monthlyNetIncomeCents: 150_000,
    }),
  },
  deces: {
    login: 'francoise.dupont@demo.guichet.fr',
    declaration: (today, me) => ({
      type: 'deces',
      relativeId: me.famille.members.find((member) => member.givenNames.startsWith('Jean'))!.id,
      relation: 'conjoint',
      diedOn: addDays(today, -3),
      place: '29232',
    }),
  },
  handicap: { login: 'elodie.fontaine@demo.guichet.fr' },
};

describe('chaque parcours vécu par une personne de démonstration', async () => {
  const guichet = await testGuichet();
  const { app } = guichet;
  let logIn: (email: string) => Promise<SessionHeaders>;

  before(async () => {
    logIn = await seedAndLogIn(guichet);
  });

  for (const { id } of JOURNEYS) {
    it(`donne le calendrier « ${id} », étapes datées, à sa personne de démonstration`, async () => {
      const demo = DEMOS[id];
      assert.ok(demo, `aucune personne de démonstration pour le parcours ${id}`);
      const headers = await logIn(demo.login);
      const journeys = async () =>
        (await app.inject({ url: '/api/v1/journeys', headers })).json() as {
          today: string;
          calendars: { journey: string; steps: Step[] }[];
        };
      const { today } = await journeys();
      if (demo.declaration) {
        const me = (await app.inject({ url: '/api/v1/me', headers })).json();
        const declared = await app.inject({
          method: 'POST',
          url: '/api/v1/declarations',
          headers,
          payload: demo.declaration(today, me),
        });
        assert.equal(declared.statusCode, 201, declared.body);
      }
      const calendar = (await journeys()).calendars.find((candidate) => candidate.journey === id);
      assert.ok(calendar, `${demo.login} n’a pas le parcours ${id}`);
      assert.ok(calendar.steps.length >= 2, 'des étapes');
      for (const step of calendar.steps) {
        assert.match(step.dueOn, /^\d{4}-\d{2}-\d{2}$/, step.id);
        assert.ok(step.opensOn <= step.dueOn, step.id);
      }
      assert.ok(
        calendar.steps.some((step) => step.status !== 'done'),
        'au moins une étape reste à faire',
      );
    });
  }
});
