import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BENEFITS } from './benefits/index.ts';
import { CatalogueFileError, loadCatalogue } from './catalogue.ts';
import { getCatalogue, getSystem } from './system.ts';

describe('catalogue des aides', () => {
  it('chaque prestation calculée a sa fiche, et chaque fiche calculée nomme une variable que Guichet calcule', () => {
    const catalogue = getCatalogue();
    const system = getSystem();
    for (const benefit of BENEFITS)
      assert.ok(
        catalogue.some((entry) => entry.id === benefit.id && entry.computed),
        `fiche manquante pour ${benefit.id}`,
      );
    for (const entry of catalogue) {
      if (!entry.computed) continue;
      const variable = system.variable(entry.variable);
      assert.equal(variable.entity, entry.entity, `${entry.id} : entité de ${entry.variable}`);
    }
  });

  it("liste aussi les aides non calculées, avec leurs conditions en clair, l'organisme et la page officielle", () => {
    const notComputed = getCatalogue().filter((entry) => !entry.computed);
    const ids = notComputed.map((entry) => entry.id);
    for (const id of ['cheque_energie', 'bourse_college', 'bourse_lycee', 'paje_cmg', 'paje_prepare', 'aeeh'])
      assert.ok(ids.includes(id), `${id} absent du catalogue`);
    for (const entry of notComputed) {
      assert.ok(entry.eligibility?.length, `${entry.id} : conditions`);
      assert.ok(entry.body && entry.service_public.startsWith('https://'), `${entry.id} : organisme et page`);
      assert.ok(entry.legal_articles.length, `${entry.id} : articles`);
    }
  });

  it('refuse une fiche mal formée en nommant le champ en cause', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
    try {
      fs.mkdirSync(path.join(dir, 'aide_inconnue'));
      fs.writeFileSync(
        path.join(dir, 'aide_inconnue', 'benefit.yaml'),
        'id: aide_inconnue\ncomputed: false\nlabel: { fr: Aide, en: Aid }\nbody: caf\nperiodicity: mensuelle\nservice_public: https://www.service-public.fr/\nlegal_articles: [Article]\namount: variable\nnot_computed_because: inconnu\n',
      );
      assert.throws(
        () => loadCatalogue(dir),
        (error: Error) => {
          assert.ok(error instanceof CatalogueFileError);
          assert.match(error.message, /eligibility/);
          return true;
        },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
