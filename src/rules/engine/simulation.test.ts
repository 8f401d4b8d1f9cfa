import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getSystem } from '../system.ts';
import { calculateBatch } from './batch.ts';
import { buildSimulation, evaluate, traceInputs } from './evaluate.ts';
import { dayNumber, parsePeriod } from './period.ts';
import { membership, type Population } from './population.ts';
import { Simulation } from './simulation.ts';

const family = (children: string[], extra: Record<string, unknown> = {}) => ({
  individus: {
    parent1: { date_naissance: '1980-01-01', ...extra },
    ...Object.fromEntries(children.map((birth, i) => [`enfant${i + 1}`, { date_naissance: birth }])),
  },
  familles: { famille1: { parents: ['parent1'], enfants: children.map((_, i) => `enfant${i + 1}`) } },
});

describe('évaluation d’un foyer', () => {
  it('répète un foyer en copies dont chacune se modifie seule (les questions de l’estimation)', () => {
    const situation = family(['2015-01-01', '2018-01-01']);
    const { simulation } = buildSimulation(getSystem(), situation, { period: parsePeriod('2025-06'), copies: 3 });
    assert.equal(simulation.population.persons, 9);
    assert.deepEqual([...simulation.population.groups.famille.group], [0, 0, 0, 1, 1, 1, 2, 2, 2]);
    // The elder child of the second copy only is 25: that family has one child left, no AF.
    const births = ['1980-01-01', '2015-01-01', '2018-01-01'].map(dayNumber);
    const tiled = new Int32Array([...births, ...births, ...births]);
    tiled[4] = dayNumber('2000-01-01');
    simulation.setInput('date_naissance', parsePeriod('eternity'), tiled);
    assert.deepEqual([...simulation.calculate('af', parsePeriod('2025-06'))], [151.8, 0, 151.8]);
  });

  it('une variable donnée en entrée remplace sa formule', () => {
    const situation = family(['2015-01-01', '2018-01-01']);
    const computed = evaluate(getSystem(), situation, { period: '2025-06', variables: ['af'] });
    assert.equal(computed.values.af!.famille1, 151.8);
    const overridden = evaluate(
      getSystem(),
      { ...situation, familles: { famille1: { ...situation.familles.famille1, af_base: 10 } } },
      { period: '2025-06', variables: ['af'] },
    );
    assert.equal(overridden.values.af!.famille1, 10);
  });

  it('un salaire donné pour l’année est réparti également sur ses mois, et se somme sur l’année', () => {
    const system = getSystem();
    const situation = { individus: { p: { salaire_net: { 2024: 24000, '2024-01': 3000 } } } };
    const result = evaluate(system, situation, { period: '2024-02', variables: ['salaire_net'] });
    // January given on its own: the 21 000 € left are spread over the eleven other months.
    assert.equal(result.values.salaire_net!.p, 21000 / 11);
    assert.equal(
      Math.round(
        evaluate(system, situation, { period: '2024', variables: ['salaire_net'] }).values.salaire_net!.p as number,
      ),
      24000,
    );
  });

  it('la trace nomme la BMAF avec sa référence juridique et les entrées utilisées', () => {
    const result = evaluate(getSystem(), family(['2015-01-01', '2018-01-01']), {
      period: '2025-06',
      variables: ['af'],
      trace: true,
    });
    const base = result.trace!['af_base@2025-06']!;
    const bmaf = base.parameters.find((p) => p.name === 'prestations_sociales.prestations_familiales.bmaf');
    assert.equal(bmaf?.value, 474.37);
    assert.match(bmaf?.reference ?? '', /L551-1/);
    assert.ok(result.trace!['af@2025-06']!.variables.includes('af_base@2025-06'));
    assert.ok(traceInputs(result.trace!, 'af@2025-06').includes('date_naissance@eternity'));
  });

  it('une réforme datée s’applique à partir de sa date : majoration à 18 ans pour qui a 14 ans après le 1er mars 2026', () => {
    const situation = family(['2012-03-15', '2014-01-01', '2016-01-01']);
    const before = evaluate(getSystem(), situation, { period: '2026-02', variables: ['af_majoration'], trace: true });
    const after = evaluate(getSystem(), situation, { period: '2026-04', variables: ['af_majoration'], trace: true });
    assert.equal(before.values.af_majoration!.famille1, 0); // 13 years old in February
    assert.equal(after.values.af_majoration!.famille1, 0); // 14, but new regime
    assert.equal(after.trace!['af_majoration_enfant@2026-04']!.formulaStart, '2026-03-01');
    assert.ok(
      after.warnings.some((w) => w.includes('bmaf')),
      'BMAF 2026 non confirmée : avertissement',
    );
  });

  it('refuse de calculer avant les paramètres datés au lieu de rendre un montant périmé', () => {
    assert.throws(
      () => evaluate(getSystem(), family(['2015-01-01', '2018-01-01']), { period: '2022-06', variables: ['af'] }),
      { name: 'NotSupportedError' },
    );
  });

  it('nomme le chemin d’une situation mal formée', () => {
    assert.throws(
      () =>
        evaluate(
          getSystem(),
          { individus: { a: {} }, familles: { f: { parents: ['b'] } } },
          { period: '2025-06', variables: ['af'] },
        ),
      {
        name: 'SituationError',
        message: /familles\.f\.parents/,
      },
    );
    assert.throws(
      () =>
        evaluate(
          getSystem(),
          { individus: { a: { date_naissance: '2024-02-30' } } },
          { period: '2025-06', variables: ['age'] },
        ),
      /individus\.a\.date_naissance/,
    );
  });
});

describe('calcul en masse', () => {
  it('donne les mêmes montants qu’un foyer à la fois sur quelques milliers de familles', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const families = Array.from({ length: 3000 }, () => {
      const children = Array.from({ length: Math.floor(random() * 5) }, () => {
        const y = 2004 + Math.floor(random() * 21);
        return `${y}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`;
      });
      return { children, salary: Math.floor(random() * 140000) };
    });
    const system = getSystem();
    const persons = families.reduce((n, f) => n + 1 + f.children.length, 0);
    const group = new Int32Array(persons);
    const role = new Uint8Array(persons);
    const birth = new Int32Array(persons);
    const salary = new Float64Array(persons);
    let row = 0;
    families.forEach((f, g) => {
      group[row] = g;
      birth[row] = dayNumber('1980-01-01');
      salary[row++] = f.salary;
      for (const child of f.children) {
        group[row] = g;
        role[row] = 1;
        birth[row++] = dayNumber(child);
      }
    });
    const solo = (n: number) =>
      membership(
        n,
        Int32Array.from({ length: n }, (_, i) => i),
        new Uint8Array(n),
      );
    const population: Population = {
      persons,
      groups: { famille: membership(families.length, group, role), foyer_fiscal: solo(persons), menage: solo(persons) },
    };
    const { columns } = calculateBatch(
      system,
      population,
      [
        { name: 'date_naissance', period: 'eternity', column: birth },
        { name: 'salaire_imposable', period: '2023', column: salary },
      ],
      [{ name: 'af', period: '2025-06' }],
      { chunkPersons: 1000 },
    );
    families.forEach((f, g) => {
      if (g % 10) return; // a sample of 300 single evaluations is enough to compare
      const single = evaluate(system, family(f.children, { salaire_imposable: { 2023: f.salary } }), {
        period: '2025-06',
        variables: ['af'],
      });
      assert.equal(columns['af@2025-06']![g], single.values.af!.famille1, `famille ${g}`);
    });
    assert.ok(columns['af@2025-06']!.some((v) => v > 0));
  });

  it('un foyer que l’ASPA ne sait pas traiter (salaire d’un bénéficiaire) est « non pris en charge » seul, avec la raison ; les autres sont calculés', () => {
    const system = getSystem();
    // Three single persons of 70 with a pension of 800 €; the second also earns a salary.
    const persons = 3;
    const solo = () =>
      membership(
        persons,
        Int32Array.from({ length: persons }, (_, i) => i),
        new Uint8Array(persons),
      );
    const population: Population = {
      persons,
      groups: { famille: solo(), foyer_fiscal: solo(), menage: solo() },
    };
    const { columns, notSupported } = calculateBatch(
      system,
      population,
      [
        { name: 'date_naissance', period: 'eternity', column: new Int32Array(persons).fill(dayNumber('1956-01-01')) },
        { name: 'retraite_brute', period: 'month:2026-03:3', column: new Float64Array(persons).fill(2400) },
        { name: 'salaire_net', period: 'month:2026-03:3', column: Float64Array.of(0, 900, 0) },
      ],
      [{ name: 'aspa', period: '2026-06' }],
      { chunkPersons: 2 },
    );
    assert.deepEqual(
      [...columns['aspa@2026-06']!].map((v) => Math.round(v * 100) / 100),
      [243.59, 0, 243.59],
    );
    assert.deepEqual(
      notSupported['aspa@2026-06']!.map(({ reason, rows }) => ({ reason, rows: [...rows] })),
      [
        {
          reason:
            "non pris en charge : les revenus d'activité des demandeurs de l'ASPA (abattement sur les salaires) ne sont pas encore calculés par Guichet",
          rows: [1],
        },
      ],
    );
  });

  it('le salaire d’une personne trop jeune pour l’ASPA ne rend pas l’ASPA « non prise en charge » : elle n’y a pas droit', () => {
    const computed = evaluate(
      getSystem(),
      { individus: { p: { date_naissance: '1985-01-01', salaire_net: { 'month:2026-03:3': 6000 } } } },
      { period: '2026-06', variables: ['aspa'] },
    );
    assert.equal(computed.values.aspa!.p_famille, 0);
  });

  it('la simulation sans trace ne garde rien en mémoire de la trace', () => {
    const system = getSystem();
    const population: Population = {
      persons: 1,
      groups: {
        famille: membership(1, new Int32Array(1), new Uint8Array(1)),
        foyer_fiscal: membership(1, new Int32Array(1), new Uint8Array(1)),
        menage: membership(1, new Int32Array(1), new Uint8Array(1)),
      },
    };
    const simulation = new Simulation(system, population);
    simulation.calculate('af', parsePeriod('2025-06'));
    assert.equal(simulation.trace.size, 0);
  });
});
