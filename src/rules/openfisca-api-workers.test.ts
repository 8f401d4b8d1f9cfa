import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenfiscaApiError } from './openfisca-api-calculate.ts';
import { calculateJson, createCalculatePool } from './openfisca-api-workers.ts';
import { getSystem } from './system.ts';

// Two parents and two children under 14, no income: allocations familiales in the first tranche.
// Source: barème CAF au 1er avril 2025, 0,32 × BMAF 474,37 € = 151,80 € (brut de CRDS).
const twoChildren = (requests: Record<string, unknown>) => ({
  individus: {
    parent1: { date_naissance: { ETERNITY: '1985-05-01' } },
    parent2: { date_naissance: { ETERNITY: '1987-05-01' } },
    enfant1: { date_naissance: { ETERNITY: '2015-03-10' } },
    enfant2: { date_naissance: { ETERNITY: '2018-09-22' } },
  },
  familles: { famille1: { parents: ['parent1', 'parent2'], enfants: ['enfant1', 'enfant2'], ...requests } },
});

describe('POST /api/openfisca/calculate dans un fil de travail (worker thread)', () => {
  const system = getSystem();
  const pool = createCalculatePool(system, { size: 1 });
  before(() => pool.ready());
  after(() => pool.close());

  it('rend au caractère près le JSON du fil principal, avec ses avertissements', async () => {
    const situation = twoChildren({ af: { '2025-06': null, '2027-06': null } });
    const pending = pool.calculate(structuredClone(situation));
    assert.ok(pending instanceof Promise, 'le calcul part dans le fil de travail');
    const answer = await pending;
    assert.deepEqual(answer, calculateJson(system, structuredClone(situation)));
    assert.equal(JSON.parse(answer.json).familles.famille1.af['2025-06'], 151.8);
    assert.ok(answer.warnings.some((warning) => warning.includes('bmaf')));
  });

  it('une variable inconnue : la même erreur OpenFisca, 404 au chemin fautif', async () => {
    const situation = twoChildren({ af: { '2025-06': null } });
    (situation.individus.parent1 as Record<string, unknown>).salaire_nett = { '2025-06': 1000 };
    const inMainThread = (() => {
      try {
        calculateJson(system, structuredClone(situation));
      } catch (error) {
        return error as OpenfiscaApiError;
      }
    })();
    const pending = pool.calculate(situation);
    assert.ok(pending instanceof Promise, 'le calcul part dans le fil de travail');
    await assert.rejects(pending, (error) => {
      assert.ok(error instanceof OpenfiscaApiError);
      assert.equal(error.status, 404);
      assert.deepEqual(error.body, inMainThread?.body);
      assert.match(JSON.stringify(error.body.individus), /salaire_nett.*Vouliez-vous dire « salaire_net »/);
      return true;
    });
  });
});
