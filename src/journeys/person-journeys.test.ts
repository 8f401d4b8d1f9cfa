import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { drainOutbox } from '../exchange/index.ts';
import { findCouple, seededHub } from '../exchange-test-kit.ts';
import type { SessionHeaders } from '../testing.ts';
import { addDays, addMonths, parisDate, type Sql } from '../platform/index.ts';
import { personCalendars } from './person-journeys.ts';

type Step = { id: string; dueOn: string; status: string; isTicked: boolean };
type Calendar = { journey: string; steps: Step[] };

describe('calendriers d’une famille : étapes faites, début du parcours handicap, lecture du dossier', async () => {
  const guichet = await seededHub({ households: 40 });
  const { app, db, hub } = guichet;
  const today = parisDate(Date.now());
  let declarant: { id: string; headers: SessionHeaders };
  let otherParent: { id: string; headers: SessionHeaders };

  before(async () => {
    const couple = await findCouple(db, { regime: 'general' });
    const [other] = await db.query<{ id: string }>('select id from people.persons where nir = $1', [couple.otherNir]);
    declarant = { id: couple.personId, headers: await guichet.loginAs(couple.personId) };
    otherParent = { id: other!.id, headers: await guichet.loginAs(other!.id) };
  });

  const declare = async (as: SessionHeaders, payload: Record<string, unknown>) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/declarations', headers: as, payload });
    assert.equal(response.statusCode, 201, response.body);
  };
  const stepOf = async (personId: string, journey: string, step: string, day = today) =>
    (await personCalendars(db, personId, day))
      .find((calendar: Calendar) => calendar.journey === journey)
      ?.steps.find((candidate) => candidate.id === step);

  it('ne coche l’étape personnelle « fin d’emploi » que quand l’organisme a reçu la déclaration de la personne elle-même', async () => {
    const jobLoss = { type: 'activite', event: 'perte_emploi', eventOn: addDays(today, -3), monthlyNetIncomeCents: 0 };
    await declare(otherParent.headers, jobLoss);
    await drainOutbox(db, hub);
    assert.equal((await stepOf(otherParent.id, 'perte-emploi', 'signaler-fin-contrat'))?.status, 'done');
    // Same kind of declaration, but not yet received: the other parent's acknowledgement does not count.
    await declare(declarant.headers, jobLoss);
    assert.equal((await stepOf(declarant.id, 'perte-emploi', 'signaler-fin-contrat'))?.status, 'to_do');
    await drainOutbox(db, hub);
    const reported = await stepOf(declarant.id, 'perte-emploi', 'signaler-fin-contrat');
    // Done by the declaration, not ticked by the person: there is nothing for them to untick.
    assert.deepEqual([reported?.status, reported?.isTicked], ['done', false]);
  });

  it('coche pour les deux parents l’étape familiale « nouvelle adresse » déclarée par l’un', async () => {
    await declare(otherParent.headers, {
      type: 'adresse',
      movedOn: addDays(today, 5),
      address: { label: '3 place Bellecour', postcode: '69002', communeCode: '69382', communeName: 'Lyon' },
    });
    assert.equal((await stepOf(declarant.id, 'demenagement', 'signaler-adresse'))?.status, 'to_do');
    await drainOutbox(db, hub);
    for (const personId of [declarant.id, otherParent.id])
      assert.equal((await stepOf(personId, 'demenagement', 'signaler-adresse'))?.status, 'done', personId);
  });

  it('date le parcours handicap du jour où le handicap est trouvé au dossier, sans glisser ensuite', async () => {
    const setRate = (rate: number) =>
      db.query('update people.person_situations set disability_rate = $2 where person_id = $1', [declarant.id, rate]);
    await setRate(80);
    const found = addDays(today, -10);
    assert.equal((await stepOf(declarant.id, 'handicap', 'dossier-mdph', found))?.dueOn, addMonths(found, 1));
    // Seen again later: the same dates, now running late once the month has passed.
    const file = await stepOf(declarant.id, 'handicap', 'dossier-mdph', addMonths(found, 2));
    assert.deepEqual([file?.dueOn, file?.status], [addMonths(found, 1), 'late']);
    assert.equal((await stepOf(declarant.id, 'handicap', 'aah', today))?.dueOn, addMonths(found, 5));
    // No longer recognised: the journey goes; recognised again, it starts afresh.
    await setRate(0);
    assert.equal(await stepOf(declarant.id, 'handicap', 'dossier-mdph'), undefined);
    await setRate(80);
    assert.equal((await stepOf(declarant.id, 'handicap', 'dossier-mdph'))?.dueOn, addMonths(today, 1));
  });

  it('lit le dossier de la personne une seule fois par calendrier', async () => {
    let fileReads = 0;
    const counting: Sql = {
      query: (text, params) => {
        // The person file's one round trip (people/person-file.ts) returns the person as a JSON row.
        if (text.includes('row_to_json(person)')) fileReads++;
        return db.query(text, params);
      },
      exec: (text) => db.exec(text),
    };
    const calendars = await personCalendars(counting, declarant.id, today);
    assert.ok(calendars.length >= 3, calendars.map((calendar) => calendar.journey).join());
    assert.equal(fileReads, 1);
  });
});
