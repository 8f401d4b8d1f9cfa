import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { evaluateArithmetic } from './arithmetic.ts';
import { BENEFITS } from './benefits/index.ts';
import { formatReport, runCase, runCaseFiles } from './cases-runner.ts';
import { getSystem, RULES_DIR } from './system.ts';

describe('lanceur des cas au format OpenFisca', () => {
  it('évalue les expressions arithmétiques des valeurs attendues, sans eval', () => {
    assert.equal(evaluateArithmetic('395.04 * 0.32'), 395.04 * 0.32);
    assert.equal(evaluateArithmetic('1412.64 / 12'), 1412.64 / 12);
    assert.equal(evaluateArithmetic('-(2 + 3) * 2'), -10);
    assert.throws(() => evaluateArithmetic('process.exit()'), /inattendu/);
  });

  it('chaque prestation du catalogue a ses cas, et tous passent', () => {
    const files = BENEFITS.map((b) => path.join(RULES_DIR, 'benefits', b.id, 'cases.yaml'));
    const report = runCaseFiles(getSystem(), files);
    assert.equal(report.failed, 0, formatReport(report));
    assert.equal(report.notSupported, 0, formatReport(report, { verbose: true }));
    assert.ok(report.passed >= BENEFITS.length);
  });

  it('dit « non couvert » pour une variable inconnue ou une période avant les paramètres, « échec » pour un écart', () => {
    const system = getSystem();
    const input = {
      famille: { parents: ['p'], enfants: ['e1', 'e2'] },
      individus: { p: {}, e1: { age: 5 }, e2: { age: 8 } },
    };
    assert.equal(
      runCase(system, { name: 'ass', period: '2025-06', input, output: { ass: 0 } }).status,
      'not supported',
    );
    assert.equal(
      runCase(system, { name: 'ancien', period: '2012-01', input, output: { af: '395.04 * 0.32' } }).status,
      'not supported',
    );
    assert.equal(
      runCase(system, {
        name: 'juste',
        period: '2025-06',
        input,
        output: { af: '474.37 * 0.32' },
        absolute_error_margin: 0.01,
      }).status,
      'pass',
    );
    const wrong = runCase(system, {
      name: 'faux',
      period: '2025-06',
      input,
      output: { af: { '2025-06': 100 } },
      absolute_error_margin: 0.01,
    });
    assert.equal(wrong.status, 'fail');
    assert.match(wrong.messages[0]!, /attendu 100, obtenu 151.8/);
  });

  it('un cas « non pris en charge » attendu ne réussit que si Guichet refuse pour la raison annoncée', () => {
    const system = getSystem();
    const input = {
      individus: { demandeur: { date_naissance: '1980-01-01' } },
      menage: { personne_de_reference: ['demandeur'], residence_mayotte: true },
    };
    const base = { name: 'Mayotte', period: '2025-06', input, output: { rsa: 0 } };
    assert.equal(runCase(system, { ...base, not_supported: 'Mayotte' }).status, 'pass');
    assert.equal(runCase(system, { ...base, not_supported: 'étudiant' }).status, 'fail');
    const answered = runCase(system, {
      ...base,
      input: { individus: { demandeur: { date_naissance: '1980-01-01' } } },
      output: { rsa: 646.52 },
      absolute_error_margin: 0.005,
      not_supported: 'Mayotte',
    });
    assert.equal(answered.status, 'fail');
    assert.match(answered.messages[0]!, /obtenu pass/);
  });

  it('passe chaque cas de conformité partagé qu’il prend en charge', (t) => {
    const folder = path.resolve('..', 'shared', 'rules-conformance');
    if (!fs.existsSync(folder)) return t.skip(`${folder} absent`);
    const report = runCaseFiles(getSystem(), [folder]);
    t.diagnostic(
      `conformité OpenFisca-France : ${report.passed} réussis, ${report.failed} échecs, ${report.notSupported} non couverts`,
    );
    assert.equal(report.failed, 0, formatReport(report));
  });
});
