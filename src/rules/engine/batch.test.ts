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
});
