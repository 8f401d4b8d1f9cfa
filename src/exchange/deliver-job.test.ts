import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthOf, findCouple, seededHub } from '../exchange-test-kit.ts';

describe('livraison par les travailleurs de fond', async () => {
  const guichet = await seededHub({ households: 20 });
  const { app, db } = guichet;

  it('livre une naissance déclarée sans intervention, par le travail de la plateforme', async () => {
    const family = await findCouple(db, { regime: 'general' });
    const headers = await guichet.loginAs(family.personId);
    guichet.workers.start();
    const sent = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations',
      headers,
      payload: birthOf([{ givenNames: 'Lou' }]),
    });
    assert.equal(sent.statusCode, 201, sent.body);
    let declaration = sent.json();
    for (let tries = 0; tries < 100 && !declaration.isComplete; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const response = await app.inject({ url: `/api/v1/declarations/${declaration.id}`, headers });
      declaration = response.json();
      if (!declaration.isComplete) assert.equal(response.headers['retry-after'], '2');
    }
    assert.deepEqual(
      declaration.recipients.map((r: { party: string; status: string }) => `${r.party}:${r.status}`),
      ['caf:processed', 'cpam:processed', 'cnav:processed', 'dgfip:processed', 'etat-civil:processed'],
    );
  });
});
