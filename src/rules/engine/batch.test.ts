import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom } from '../../people/index.ts';
import { getSystem } from '../system.ts';
import { calculateBatch, type BatchInput } from './batch.ts';
import { membership, type Population } from './population.ts';

const DAY_2025_06_01 = Date.UTC(2025, 5, 1) / 86_400_000;

/** Families of one or two adults (20 to 70, some earning) and up to three children, each also a
 *  foyer fiscal and a ménage: some are "not supported" for the ASPA (a salary at 65 and over). */
const population = (households: number): { population: Population; inputs: BatchInput[] } => {
  // Seeded: the same population at every run.
  const next = createRandom(7).next;
  const group: number[] = [];
  const role: number[] = [];
  const birth: number[] = [];
  const salary: number[] = [];
  for (let h = 0; h < households; h++) {
    const adults = next() < 0.7 ? 2 : 1;
    const children = Math.floor(next() * 4);
    for (let p = 0; p < adults + children; p++) {
      group.push(h);
      role.push(p < adults ? 0 : 1);
      birth.push(DAY_2025_06_01 - Math.floor((p < adults ? 20 + next() * 50 : next() * 20) * 365.25));
      salary.push(p < adults && next() < 0.75 ? Math.round(800 + next() * 3500) * 12 : 0);
    }
  }
  const groups = Int32Array.from(group);
  const roles = Uint8Array.from(role);
  return {
    population: {
      persons: group.length,
      groups: {
        famille: membership(households, groups, roles),
        foyer_fiscal: membership(households, groups, roles),
        menage: membership(
          households,
          groups,
          Uint8Array.from(roles, (r) => r * 2),
        ),
      },
    },
    inputs: [
      { name: 'date_naissance', period: 'eternity', column: Int32Array.from(birth) },
      { name: 'salaire_net', period: 'year:2025-01:12', column: Float64Array.from(salary) },
      { name: 'salaire_net', period: 'year:2024-01:12', column: Float64Array.from(salary) },
      { name: 'salaire_imposable', period: 'year:2023-01:12', column: Float64Array.from(salary) },
    ],
  };
};

describe('calcul en lot', () => {
  it('sur des fils d’exécution, les montants et les foyers « non pris en charge » sont ceux d’un seul fil', () => {
    const system = getSystem();
    const { population: people, inputs } = population(20_000);
    const requests = ['af', 'cf', 'asf', 'aspa', 'rsa', 'ppa', 'complementaire_sante_solidaire'].map((name) => ({
      name,
      period: '2025-06',
    }));
    // Small chunks: many of them, so that the worker, once started, takes some.
    const alone = calculateBatch(system, people, inputs, requests, { chunkPersons: 1000 });
    const shared = calculateBatch(system, people, inputs, requests, {
      chunkPersons: 1000,
      systemModule: new URL('../system.ts', import.meta.url).href,
      workers: 1,
    });
    assert.ok(alone.notSupported['aspa@2025-06']!.length, 'des foyers non pris en charge pour l’ASPA');
    assert.deepEqual(
      Object.fromEntries(Object.entries(shared.columns).map(([key, column]) => [key, [...column]])),
      Object.fromEntries(Object.entries(alone.columns).map(([key, column]) => [key, [...column]])),
    );
    assert.deepEqual(shared.notSupported, alone.notSupported);
    assert.deepEqual(shared.warnings, alone.warnings);
  });

  it('un foyer qui ne loue pas n’est pas « non pris en charge » pour les aides au logement parce qu’un autre loue', () => {
    const system = getSystem();
    // Two one-person households: the first rents (and earns), the second owns its home and
    // receives unemployment benefits, which the aid's resources do not count yet.
    const one = Int32Array.from([0, 1]);
    const alone = membership(2, one, new Uint8Array(2));
    const statut = system.variable('statut_occupation_logement').possibleValues!;
    const inputs: BatchInput[] = [
      {
        name: 'date_naissance',
        period: 'eternity',
        column: Int32Array.from([DAY_2025_06_01 - 30 * 365, DAY_2025_06_01 - 40 * 365]),
      },
      { name: 'salaire_imposable', period: '2024', column: Float64Array.from([6_000, 0]) },
      { name: 'salaire_imposable', period: '2025', column: Float64Array.from([6_000, 0]) },
      { name: 'chomage_net', period: '2025', column: Float64Array.from([0, 12_000]) },
      {
        name: 'statut_occupation_logement',
        period: '2025-06',
        column: Int32Array.from([statut.indexOf('locataire_vide'), statut.indexOf('proprietaire')]),
      },
      { name: 'loyer', period: '2025-06', column: Float64Array.from([600, 0]) },
    ];
    const population: Population = { persons: 2, groups: { famille: alone, foyer_fiscal: alone, menage: alone } };
    const result = calculateBatch(system, population, inputs, [{ name: 'aide_logement', period: '2025-06' }]);
    // The owner's aid is 0, as when computed alone; the tenant's is computed.
    assert.deepEqual(result.notSupported['aide_logement@2025-06'] ?? [], []);
    assert.ok(result.columns['aide_logement@2025-06']![0]! > 0);
    assert.equal(result.columns['aide_logement@2025-06']![1], 0);
  });
});
