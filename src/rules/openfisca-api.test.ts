import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logInAs, testGuichet } from '../testing.ts';

// Two parents and two children under 14, no income: allocations familiales in the first tranche.
// Source: barème CAF au 1er avril 2025, 0,32 × BMAF 474,37 € = 151,80 € (brut de CRDS).
const twoChildren = (requests: Record<string, unknown> = { af: { '2025-06': null } }) => ({
  individus: {
    parent1: { date_naissance: { ETERNITY: '1985-05-01' } },
    parent2: { date_naissance: { ETERNITY: '1987-05-01' } },
    enfant1: { date_naissance: { ETERNITY: '2015-03-10' } },
    enfant2: { date_naissance: { ETERNITY: '2018-09-22' } },
  },
  familles: { famille1: { parents: ['parent1', 'parent2'], enfants: ['enfant1', 'enfant2'], ...requests } },
});

describe('API Web compatible OpenFisca (/api/openfisca)', async () => {
  const { app, db, config } = await testGuichet();
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/api/openfisca${url}`, payload: payload as object, headers });

  describe('POST /calculate', () => {
    it('remplit les valeurs null : 151,80 € d’allocations familiales pour deux enfants en juin 2025', async () => {
      const response = await post('/calculate', twoChildren());
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['country-package'], 'guichet');
      assert.deepEqual(response.json(), {
        ...twoChildren({ af: { '2025-06': 151.8 } }),
      });
    });

    it('calcule plusieurs variables et périodes, de chaque entité, aux types d’OpenFisca', async () => {
      const situation = twoChildren({ af: { '2025-05': null, '2025-06': null }, af_nbenf: { '2025-06': null } });
      situation.individus.enfant2 = {
        date_naissance: { ETERNITY: '2018-09-22' },
        age: { '2025-06': null },
      } as never;
      const response = await post('/calculate', situation);
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.deepEqual(body.familles.famille1.af, { '2025-05': 151.8, '2025-06': 151.8 });
      assert.equal(body.familles.famille1.af_nbenf['2025-06'], 2);
      assert.equal(body.individus.enfant2.age['2025-06'], 6);
      assert.deepEqual(body.familles.famille1.parents, ['parent1', 'parent2']);
      assert.deepEqual(body.individus.parent1, { date_naissance: { ETERNITY: '1985-05-01' } });
    });

    it('une valeur donnée remplace la formule, comme dans OpenFisca', async () => {
      const response = await post('/calculate', twoChildren({ af_nbenf: { '2025-06': 3 }, af: { '2025-06': null } }));
      assert.equal(response.statusCode, 200);
      // 474,37 × (0,32 + 0,41) = 346,29 € for three children.
      assert.equal(response.json().familles.famille1.af['2025-06'], 346.29);
    });

    it('avertit dans l’en-tête Guichet-Warnings quand un paramètre est demandé après sa dernière vérification', async () => {
      const response = await post('/calculate', twoChildren({ af: { '2027-06': null } }));
      assert.equal(response.statusCode, 200);
      const warnings = JSON.parse(decodeURIComponent(String(response.headers['guichet-warnings'])));
      assert.ok(warnings.some((w: string) => w.includes('bmaf')));
    });

    it('sans valeur null, renvoie la situation telle quelle', async () => {
      const response = await post('/calculate', { individus: { seul: { salaire_net: { '2025-06': 1500 } } } });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { individus: { seul: { salaire_net: { '2025-06': 1500 } } } });
    });

    it('fonctionne sans jeton CSRF même avec une session ouverte : il ne lit pas la session', async () => {
      const { cookie } = await logInAs(
        { db, config },
        { accountId: 'a1', role: 'citizen', displayName: 'Camille' },
        { subject: 'calculatrice' },
      );
      const response = await post('/calculate', twoChildren(), { cookie });
      assert.equal(response.statusCode, 200);
    });
  });

  describe('erreurs au format d’OpenFisca, au chemin fautif', () => {
    it('une variable inconnue : 404, message au chemin, avec la variable la plus proche', async () => {
      const response = await post('/calculate', {
        individus: { x: { salaire_nett: { '2025-06': 1500 } } },
      });
      assert.equal(response.statusCode, 404);
      const message = response.json().individus.x.salaire_nett;
      assert.match(message, /salaire_nett/);
      assert.match(message, /« salaire_net »/);
    });

    it('une variable inconnue demandée : 404 au chemin', async () => {
      const response = await post('/calculate', twoChildren({ allocations_familliales: { '2025-06': null } }));
      assert.equal(response.statusCode, 404);
      assert.ok(response.json().familles.famille1.allocations_familliales);
    });

    it('une période mal écrite : 400 au chemin de la période', async () => {
      const response = await post('/calculate', { individus: { x: { salaire_net: { '2025-13': 1500 } } } });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().individus.x.salaire_net['2025-13'], /mois doit être entre 01 et 12/);
    });

    it('une période qui ne convient pas à la variable : 400 (af est mensuelle, pas annuelle)', async () => {
      const response = await post('/calculate', twoChildren({ af: { '2025': null } }));
      assert.equal(response.statusCode, 400);
      assert.match(response.json().familles.famille1.af['2025'], /se calcule pour un mois/);
    });

    it('une donnée annuelle donnée pour un mois : 400 au chemin (ars est annuelle)', async () => {
      const response = await post('/calculate', twoChildren({ ars: { '2025-06': 150 } }));
      assert.equal(response.statusCode, 400);
      assert.match(response.json().familles.famille1.ars['2025-06'], /années civiles/);
    });

    it('une valeur sans période : 400, OpenFisca demande { période: valeur }', async () => {
      const response = await post('/calculate', { individus: { x: { salaire_net: 1500 } } });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().individus.x.salaire_net, /période/);
    });

    it('une date impossible, une valeur du mauvais type : 400 au chemin', async () => {
      const date = await post('/calculate', { individus: { x: { date_naissance: { ETERNITY: '2020-02-30' } } } });
      assert.equal(date.statusCode, 400);
      assert.match(date.json().individus.x.date_naissance.ETERNITY, /date impossible/);
      const amount = await post('/calculate', { individus: { x: { salaire_net: { '2025-06': 'beaucoup' } } } });
      assert.equal(amount.statusCode, 400);
      assert.ok(amount.json().individus.x.salaire_net['2025-06']);
    });

    it('une personne absente des individus dans un rôle : 400 au chemin du rôle', async () => {
      const response = await post('/calculate', {
        individus: { parent1: {} },
        familles: { f: { parents: ['parent1', 'fantome'] } },
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().familles.f.parents, /fantome/);
    });

    it('une variable d’une autre entité : 400', async () => {
      const response = await post('/calculate', { individus: { x: { af: { '2025-06': null } } } });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().individus.x.af, /familles/);
    });

    it('une situation sans individus, une entité inconnue : 400', async () => {
      const empty = await post('/calculate', { familles: {} });
      assert.equal(empty.statusCode, 400);
      assert.ok(empty.json().individus);
      const unknown = await post('/calculate', { individus: { x: {} }, foyers: {} });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().foyers, /Entité inconnue/);
    });

    it('une période avant les paramètres datés : non pris en charge, jamais un montant faux', async () => {
      const response = await post('/calculate', twoChildren({ af: { '2012-06': null } }));
      assert.equal(response.statusCode, 400);
      assert.match(response.json().familles.famille1.af['2012-06'], /non pris en charge/);
    });

    it('un JSON illisible : 400 { error }', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/openfisca/calculate',
        payload: '{"individus": ',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().error, /JSON invalide/);
    });
  });

  describe('POST /trace', () => {
    it('rend { trace, entitiesDescription, requestedCalculations } avec les paramètres et les dépendances', async () => {
      const response = await post('/trace', twoChildren());
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.deepEqual(body.requestedCalculations, ['af<2025-06>']);
      assert.deepEqual(body.entitiesDescription.individus, ['parent1', 'parent2', 'enfant1', 'enfant2']);
      assert.deepEqual(body.entitiesDescription.familles, ['famille1']);
      assert.equal(body.entitiesDescription.menages.length, 4);
      const af = body.trace['af<2025-06>'];
      assert.deepEqual(af.value, [151.8]);
      assert.equal(af.origin, 'formula');
      assert.ok(af.dependencies.includes('af_base<2025-06>'));
      const base = body.trace['af_base<2025-06>'];
      const bmaf = Object.entries(base.parameters).find(([key]) => key.includes('bmaf'));
      assert.ok(bmaf, 'la BMAF figure parmi les paramètres de af_base');
      assert.equal(bmaf[1], 474.37);
      assert.match(base.parameter_references[bmaf[0]].reference, /L551-1/);
      assert.deepEqual(body.trace['date_naissance<ETERNITY>'].value, [
        '1985-05-01',
        '1987-05-01',
        '2015-03-10',
        '2018-09-22',
      ]);
      assert.equal(body.trace['date_naissance<ETERNITY>'].origin, 'input');
    });

    it('les erreurs ont la même forme que /calculate', async () => {
      const response = await post('/trace', { individus: { x: { salaire_nett: { '2025-06': null } } } });
      assert.equal(response.statusCode, 404);
      assert.ok(response.json().individus.x.salaire_nett);
    });
  });

  describe('GET /variables, /variable/{name}, /parameters, /parameter/{id}, /entities, /spec', () => {
    it('liste les variables avec leur description et leur adresse', async () => {
      const response = await app.inject('/api/openfisca/variables');
      assert.equal(response.statusCode, 200);
      const af = response.json().af;
      assert.ok(af.description);
      assert.equal(af.href, `${config.publicUrl}/api/openfisca/variable/af`);
    });

    it('décrit une variable au format d’OpenFisca', async () => {
      const response = await app.inject('/api/openfisca/variable/af');
      assert.equal(response.statusCode, 200);
      const af = response.json();
      assert.equal(af.id, 'af');
      assert.equal(af.entity, 'famille');
      assert.equal(af.definitionPeriod, 'MONTH');
      assert.equal(af.valueType, 'Float');
      assert.equal(af.defaultValue, 0);
      assert.ok(Object.keys(af.formulas).length >= 1);
      const statut = (await app.inject('/api/openfisca/variable/statut_occupation_logement')).json();
      assert.equal(statut.valueType, 'String');
      assert.equal(statut.possibleValues.locataire_vide, 'locataire_vide');
      const birth = (await app.inject('/api/openfisca/variable/date_naissance')).json();
      assert.equal(birth.definitionPeriod, 'ETERNITY');
      assert.equal(birth.valueType, 'Date');
      assert.equal((await app.inject('/api/openfisca/variable/inconnue')).statusCode, 404);
    });

    it('liste et décrit les paramètres datés, par identifiant à points ou à barres obliques', async () => {
      const list = (await app.inject('/api/openfisca/parameters')).json();
      const id = 'prestations_sociales.prestations_familiales.bmaf';
      assert.equal(
        list[id].href,
        `${config.publicUrl}/api/openfisca/parameter/prestations_sociales/prestations_familiales/bmaf`,
      );
      for (const url of [
        `/api/openfisca/parameter/${id}`,
        '/api/openfisca/parameter/prestations_sociales/prestations_familiales/bmaf',
      ]) {
        const response = await app.inject(url);
        assert.equal(response.statusCode, 200);
        const bmaf = response.json();
        assert.equal(bmaf.id, id);
        assert.equal(bmaf.values['2025-04-01'], 474.37);
        assert.match(bmaf.metadata.reference['2025-04-01'], /L551-1/);
        assert.match(bmaf.metadata.last_value_still_valid_on, /^\d{4}-\d{2}-\d{2}$/);
      }
      assert.equal((await app.inject('/api/openfisca/parameter/prestations.inconnu')).statusCode, 404);
    });

    it('décrit les entités et leurs rôles', async () => {
      const entities = (await app.inject('/api/openfisca/entities')).json();
      assert.equal(entities.famille.plural, 'familles');
      assert.equal(entities.famille.roles.parent.plural, 'parents');
      assert.equal(entities.famille.roles.parent.max, 2);
    });

    it('publie sa description OpenAPI, avec les variables de chaque entité', async () => {
      const response = await app.inject('/api/openfisca/spec');
      assert.equal(response.statusCode, 200);
      const spec = response.json();
      assert.equal(spec.openapi, '3.0.0');
      assert.ok(spec.paths['/calculate'].post);
      assert.ok(spec.paths['/trace'].post);
      assert.ok(spec.components.schemas.Famille.properties.af);
      assert.ok(spec.components.schemas.Famille.properties.parents);
      assert.equal(spec.servers[0].url, `${config.publicUrl}/api/openfisca`);
    });
  });
});
