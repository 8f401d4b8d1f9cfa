import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadParameters, parameterSet, readParameter } from './parameters.ts';
import { RULES_DIR } from '../system.ts';

const bmaf = readParameter('bmaf', {
  description: 'BMAF',
  last_confirmed: '2025-05-01',
  values: {
    '2024-04-01': { value: 466.44, reference: 'CSS art. L551-1 ; revalorisation 2024', source: 'barème CAF' },
    '2025-04-01': { value: 474.37, reference: 'CSS art. L551-1 ; revalorisation 2025', source: 'barème CAF' },
  },
});
const parameters = parameterSet(new Map([['bmaf', bmaf]]));

describe('paramètres datés', () => {
  it('donne la valeur en vigueur à une date, avec sa référence juridique', () => {
    assert.equal(parameters.at('bmaf', '2025-03-31').value, 466.44);
    const april = parameters.at('bmaf', '2025-04-01');
    assert.equal(april.value, 474.37);
    assert.match(april.reference, /L551-1/);
    assert.equal(april.warning, undefined);
  });

  it('avertit quand la date demandée dépasse la dernière vérification', () => {
    assert.match(parameters.at('bmaf', '2025-09-01').warning ?? '', /vérifiée pour la dernière fois le 2025-05-01/);
  });

  it('répond « non pris en charge » avant la première valeur, jamais une valeur périmée', () => {
    assert.throws(() => parameters.at('bmaf', '2024-03-01'), {
      name: 'NotSupportedError',
      message: /pas de paramètre bmaf pour le 2024-03-01/,
    });
  });

  it('refuse une valeur sans référence ni source', () => {
    assert.throws(
      () => readParameter('x', { last_confirmed: '2025-01-01', values: { '2025-01-01': { value: 1 } } }),
      /référence/,
    );
  });

  it('chaque paramètre du dépôt a une référence et une source pour chaque date', () => {
    const all = loadParameters(path.join(RULES_DIR, 'parameters')).all();
    assert.ok(all.length > 10);
    for (const parameter of all) {
      for (const value of parameter.values) {
        assert.ok(value.reference && value.source, `${parameter.name} ${value.start}`);
      }
    }
  });
});
