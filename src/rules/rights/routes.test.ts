import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedAndLogIn, testGuichet } from '../../testing.ts';
import { getCatalogue } from '../system.ts';

// Two parents and two children under 14, no income: allocations familiales in the first tranche.
// Source: barème CAF au 1er avril 2025, 0,32 × BMAF 474,37 € = 151,80 € (brut de CRDS).
type Rows = Record<string, Record<string, unknown>>;
type Family = { individus: Rows; familles: Rows; menages: Rows };

const family = (changes: (situation: Family) => void = () => {}): Family => {
  const situation: Family = {
    individus: {
      Camille: { date_naissance: '1985-05-01' } as Record<string, unknown>,
      Alex: { date_naissance: '1987-05-01' } as Record<string, unknown>,
      Léa: { date_naissance: '2015-03-10' } as Record<string, unknown>,
      Tom: { date_naissance: '2018-09-22' } as Record<string, unknown>,
    } as Record<string, Record<string, unknown>>,
    familles: { famille: { parents: ['Camille', 'Alex'], enfants: ['Léa', 'Tom'] } as Record<string, unknown> },
    menages: {
      logement: { personne_de_reference: 'Camille', conjoint: 'Alex', enfants: ['Léa', 'Tom'] } as Record<
        string,
        unknown
      >,
    },
  };
  changes(situation);
  return situation;
};

type Right = { id: string; status: string; amount: number | null; monthly: number | null; reasons: unknown[] };

describe('API des droits (/api/v1/rights)', async () => {
  const guichet = await testGuichet();
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    guichet.app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('une famille de deux enfants voit chaque aide du catalogue, dont 151,80 € d’allocations familiales', async () => {
    const response = await post('/api/v1/rights', { situation: family(), period: '2025-06' });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(
      [...new Set(body.rights.map((right: Right) => right.id))].sort(),
      getCatalogue()
        .map((entry) => entry.id)
        .sort(),
    );
    const af = body.rights.find((right: Right) => right.id === 'af');
    assert.equal(af.status, 'eligible');
    assert.equal(af.amount, 151.8);
    assert.equal(af.monthly, 151.8);
    assert.equal(af.annual, 1821.6);
    assert.equal(af.body.id, 'caf');
    assert.match(af.claim.url, /^https:\/\/www\.service-public\.fr\//);
    assert.ok(af.legalArticles.some((article: string) => /L521-1/.test(article)));
    assert.ok(
      af.reasons.some(
        (reason: { met: boolean; text: { fr: string } }) => reason.met && /Léa, Tom/.test(reason.text.fr),
      ),
    );
    assert.equal(af.calculation.variable, 'af');
    assert.ok(JSON.stringify(af.calculation).includes('prestations_familiales.bmaf'), 'le calcul cite la BMAF');
    assert.match(body.amountConvention.fr, /brutes de CRDS/);
    assert.ok(body.total.monthly >= 151.8);
  });

  it('dit quelles informations manquent et changeraient le résultat : les salaires de 2023 des parents', async () => {
    const body = (await post('/api/v1/rights', { situation: family(), period: '2025-06' })).json();
    const salary = body.missing.find((input: { key: string }) => input.key === 'salaire_imposable:Camille:2023');
    assert.ok(salary, JSON.stringify(body.missing.map((input: { key: string }) => input.key)));
    assert.deepEqual(salary.periods, ['2023']);
    assert.equal(salary.amountPer, 'year');
    assert.ok(salary.affects.includes('af'));
    assert.match(salary.question.fr, /Camille/);
    assert.ok(
      !body.missing.some(
        (input: { entityId: string; unit: string }) => input.entityId === 'Tom' && input.unit === 'currency',
      ),
      'on ne demande pas les revenus d’un enfant de 6 ans',
    );
    // Once given, it is no longer asked; a high income lowers the allocations familiales.
    const given = family((s) => {
      s.individus.Camille!.salaire_imposable = { 2023: 90000 };
      s.individus.Alex!.salaire_imposable = { 2023: 20000 };
    });
    const after = (await post('/api/v1/rights', { situation: given, period: '2025-06' })).json();
    assert.ok(!after.missing.some((input: { key: string }) => input.key.startsWith('salaire_imposable:Camille:2023')));
    assert.ok(after.rights.find((right: Right) => right.id === 'af').amount < 151.8);
  });

  it('une prime versée une fois : la prime à la naissance est due au 7e mois de grossesse', async () => {
    const expecting = {
      individus: { Camille: { date_naissance: '1990-01-01' }, 'Enfant à naître': { date_naissance: '2025-09-15' } },
      familles: { famille: { parents: ['Camille'], enfants: ['Enfant à naître'] } },
    };
    const body = (await post('/api/v1/rights', { situation: expecting, period: '2025-06' })).json();
    const grant = body.rights.find((right: Right) => right.id === 'paje_naissance');
    assert.equal(grant.status, 'eligible');
    assert.equal(grant.amountPeriod, '2025-07');
    assert.equal(grant.monthly, null, 'une prime n’est pas mensuelle');
    assert.equal(grant.annual, grant.amount);
  });

  it('une période avant les paramètres datés : « non pris en charge », jamais un montant', async () => {
    const response = await post('/api/v1/rights', { situation: family(), period: '2022-01' });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    const af = body.rights.find((right: Right) => right.id === 'af');
    assert.equal(af.status, 'not_supported');
    assert.equal(af.amount, null);
    assert.match(af.notSupported.fr, /^Non pris en charge/);
  });

  it('une aide décrite seulement est listée avec ses conditions, sans montant', async () => {
    const body = (await post('/api/v1/rights', { situation: family(), period: '2025-06' })).json();
    const described = getCatalogue().find((entry) => entry.computed === false);
    if (!described) return;
    const right = body.rights.find((candidate: Right) => candidate.id === described.id);
    assert.equal(right.status, 'not_computed');
    assert.equal(right.amount, null);
    assert.ok(right.reasons.length > 0);
  });

  const refusals: Array<[string, (s: Family) => void, string]> = [
    [
      'une date impossible',
      (s) => (s.individus.Léa!.date_naissance = '2015-02-30'),
      'situation.individus.Léa.date_naissance',
    ],
    [
      'un revenu négatif',
      (s) => (s.individus.Camille!.salaire_net = { '2025-05': -100 }),
      'situation.individus.Camille.salaire_net.2025-05',
    ],
    [
      'un enfant plus âgé que son parent',
      (s) => (s.individus.Léa!.date_naissance = '1980-01-01'),
      'situation.individus.Léa.date_naissance',
    ],
    ['un rôle manquant', (s) => delete s.familles.famille!.parents, 'situation.familles.famille.parents'],
    ['une commune inconnue', (s) => (s.menages.logement!.depcom = '99999'), 'situation.menages.logement.depcom'],
    ['une variable inconnue', (s) => (s.individus.Tom!.salaire_inconnu = 3), 'situation.individus.Tom.salaire_inconnu'],
  ];
  for (const [what, change, field] of refusals)
    it(`refuse ${what} : 400 qui nomme le champ`, async () => {
      const response = await post('/api/v1/rights', { situation: family(change), period: '2025-06' });
      assert.equal(response.statusCode, 400, response.body);
      assert.ok(response.json().field.startsWith(field), response.json().field);
      assert.ok(response.json().messages.fr && response.json().messages.en);
    });

  it('sans situation ni connexion : 400 qui demande la situation', async () => {
    const response = await post('/api/v1/rights', {});
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'situation');
  });

  it('compare deux situations : la naissance d’un troisième enfant, aide par aide et au total', async () => {
    const after = family((s) => {
      s.individus.Zoé = { date_naissance: '2025-01-15' };
      (s.familles.famille!.enfants as string[]).push('Zoé');
    });
    const response = await post('/api/v1/rights/compare', { before: family(), after, period: '2025-06' });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    const af = body.benefits.find((benefit: { id: string }) => benefit.id === 'af');
    assert.equal(af.before.amount, 151.8);
    assert.ok(af.after.amount > 151.8);
    assert.equal(af.difference.monthly, Math.round((af.after.monthly - 151.8) * 100) / 100);
    assert.ok(body.total.difference.monthly > 0);
    const wrong = await post('/api/v1/rights/compare', {
      before: family(),
      after: family((s) => (s.individus.Tom!.date_naissance = 'hier')),
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.json().field, /^after\.individus\.Tom\.date_naissance/);
  });

  it('donne l’estimation en PDF à télécharger', async () => {
    const response = await post('/api/v1/rights/pdf', { situation: family(), period: '2025-06' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(
      String(response.headers['content-disposition']),
      /attachment; filename="guichet-mes-droits-2025-06\.pdf"/,
    );
    assert.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  it('une citoyenne connectée, sans rien envoyer, voit les droits de son propre foyer', async () => {
    const logIn = await seedAndLogIn(guichet);
    const headers = await logIn('camille.martin@demo.guichet.fr');
    const response = await post('/api/v1/rights', {}, headers);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.ok(Object.keys(body.situation.individus).includes('Camille'), Object.keys(body.situation.individus).join());
    assert.equal(body.rights.length >= getCatalogue().length, true);
  });
});
