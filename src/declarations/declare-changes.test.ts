import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { drainOutbox } from '../exchange/index.ts';
import { findCouple, seededHub } from '../exchange-test-kit.ts';
import type { SessionHeaders } from '../testing.ts';
import { testLogger } from '../platform/testing/index.ts';
import { followUpJob } from './follow-up.ts';

type Recipient = { party: string; status: string; code: string; legalBasis: string };

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('déclarer les autres changements une seule fois', async () => {
  const guichet = await seededHub({ households: 60 });
  const { app, db, hub } = guichet;
  let family: Awaited<ReturnType<typeof findCouple>>;
  let headers: SessionHeaders;
  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;
  const declare = async (payload: object, extra: Record<string, string> = {}, as = headers) =>
    app.inject({ method: 'POST', url: '/api/v1/declarations', headers: { ...as, ...extra }, payload });
  /** Sends, delivers, and returns the statuses per body once every body has answered. */
  const declareAndDeliver = async (payload: object, as = headers) => {
    const response = await declare(payload, {}, as);
    assert.equal(response.statusCode, 201, response.body);
    await drainOutbox(db, hub);
    const status = await app.inject({ url: `/api/v1/declarations/${response.json().id}`, headers: as });
    return status.json() as { id: string; isComplete: boolean; recipients: Recipient[] };
  };
  const statuses = (declaration: { recipients: Recipient[] }) =>
    declaration.recipients.map((r) => `${r.party}:${r.status}`);

  before(async () => {
    family = await findCouple(db, { regime: 'general' });
    headers = await guichet.loginAs(family.personId);
  });

  it('liste les sept types de déclaration', async () => {
    const response = await app.inject({ url: '/api/v1/declarations/types' });
    assert.deepEqual(
      response.json().types.map((t: { type: string }) => t.type),
      ['grossesse', 'naissance', 'adresse', 'foyer', 'activite', 'banque', 'deces'],
    );
  });

  it('ne crée qu’une déclaration quand le même formulaire est envoyé deux fois', async () => {
    const payload = { type: 'banque', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', holder: 'Léa Test' };
    const key = { 'idempotency-key': 'form-1234-abcd' };
    const [first, second] = await Promise.all([declare(payload, key), declare(payload, key)]);
    const codes = [first.statusCode, second.statusCode].sort();
    assert.deepEqual(codes, [200, 201], `${first.body} ${second.body}`);
    assert.equal(first.json().id, second.json().id);
    const third = await declare(payload, key);
    assert.equal(third.statusCode, 200);
    assert.equal(third.json().id, first.json().id);
    assert.equal(await count('declarations.declarations where idempotency_key = $1', ['form-1234-abcd']), 1);
    assert.equal(
      await count('exchange.outbox where correlation_id = $1', [first.json().id]),
      first.json().recipients.length,
    );

    const other = await declare({ ...payload, holder: 'Autre Titulaire' }, key);
    assert.equal(other.statusCode, 409);
    assert.equal(other.json().field, 'idempotency-key');
    const bad = await declare(payload, { 'idempotency-key': 'x' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'idempotency-key');
  });

  it('refuse un IBAN à la clé fausse en nommant le champ, sans rien écrire', async () => {
    const before = await count('declarations.declarations');
    const response = await declare({
      type: 'banque',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
      bic: 'AGRIFRPP',
      holder: 'Léa',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'iban');
    assert.match(response.json().messages.fr, /clé de contrôle/);
    assert.equal(await count('declarations.declarations'), before);
  });

  it('ouvre le dossier maternité à la CPAM et enregistre la grossesse à la CAF', async () => {
    const preview = await app.inject({ url: '/api/v1/declarations/preview?type=grossesse', headers });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.ok(['declarant', 'otherParent'].includes(preview.json().prefill.values.pregnantPerson));
    const expectedOn = daysFromToday(150);
    const declaration = await declareAndDeliver({
      type: 'grossesse',
      expectedOn,
      pregnantPerson: preview.json().prefill.values.pregnantPerson,
    });
    assert.deepEqual(statuses(declaration), ['cpam:processed', 'caf:processed']);
    assert.match(declaration.recipients[0]!.legalBasis, /L160-9/);
    assert.equal(
      await count(`body_cpam.maternites where status = 'en_cours' and expected_on = $1 and correlation_id = $2`, [
        expectedOn,
        declaration.id,
      ]),
      1,
    );
    assert.equal(await count('body_caf.grossesses where correlation_id = $1', [declaration.id]), 1);
    const late = await declare({ type: 'grossesse', expectedOn: daysFromToday(400), pregnantPerson: 'declarant' });
    assert.equal(late.statusCode, 400);
    assert.equal(late.json().field, 'expectedOn');
  });

  it('fait suivre un déménagement à chaque organisme qui a un dossier, et met à jour la fiche Guichet', async () => {
    const payload = {
      type: 'adresse',
      movedOn: daysFromToday(-3),
      address: { label: '12 rue des Lilas', postcode: '69003', communeCode: '69383', communeName: 'Lyon' },
    };
    const myAddress = async () =>
      (await app.inject({ url: '/api/v1/me', headers })).json().person.address as { label: string } | null;
    assert.notEqual((await myAddress())?.label, '12 rue des Lilas');
    const preview = await app.inject({ method: 'POST', url: '/api/v1/declarations/preview', headers, payload });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.ok(preview.json().recipients.every((r: Recipient) => /L113-12/.test(r.legalBasis)));
    const declaration = await declareAndDeliver(payload);
    assert.deepEqual(
      declaration.recipients.map((r) => r.party),
      preview.json().recipients.map((r: Recipient) => r.party),
    );
    assert.ok(
      declaration.recipients.every((r) => r.status === 'processed'),
      statuses(declaration).join(),
    );
    assert.ok(statuses(declaration).includes('cpam:processed') && statuses(declaration).includes('dgfip:processed'));
    assert.equal(
      await count(`body_cpam.assures where nir = $1 and caisse = '69' and address_postcode = '69003'`, [family.nir]),
      1,
    );
    assert.equal(await count(`body_dgfip.foyers where address_commune_code = '69383'`), 1);
    assert.equal(
      await count(
        `people.persons where id = $1 and address_label = '12 rue des Lilas' and address_commune_code = '69383'`,
        [family.personId],
      ),
      1,
    );
    assert.equal((await myAddress())?.label, '12 rue des Lilas', 'Mon espace montre la nouvelle adresse aussitôt');
  });

  it('enregistre un mariage à l’état civil, mais ne prévient pas l’état civil d’une séparation', async () => {
    const married = await declareAndDeliver({
      type: 'foyer',
      event: 'mariage',
      eventOn: daysFromToday(-10),
      partnerGivenNames: 'Alex',
      partnerFamilyName: 'Nouveau',
      communeCode: '75056',
    });
    assert.ok(statuses(married).includes('etat-civil:processed'), statuses(married).join());
    assert.ok(statuses(married).includes('dgfip:processed'));
    assert.equal(
      await count(`body_etat_civil.actes where kind = 'mariage' and nir = $1 and correlation_id = $2`, [
        family.nir,
        married.id,
      ]),
      1,
    );
    assert.equal(
      await count(`body_dgfip.changements_situation where event = 'mariage' and correlation_id = $1`, [married.id]),
      1,
    );

    const separation = {
      type: 'foyer',
      event: 'separation',
      eventOn: daysFromToday(-1),
      partnerGivenNames: 'Alex',
      partnerFamilyName: 'Nouveau',
    };
    const preview = await app.inject({
      method: 'POST',
      url: '/api/v1/declarations/preview',
      headers,
      payload: separation,
    });
    assert.ok(!preview.json().recipients.some((r: Recipient) => r.party === 'etat-civil'));
    const missingCommune = await declare({ ...separation, event: 'pacs' });
    assert.equal(missingCommune.statusCode, 400);
    assert.equal(missingCommune.json().field, 'communeCode');
  });

  it('inscrit à France Travail après une perte d’emploi et recalcule les ressources à la CAF', async () => {
    const declaration = await declareAndDeliver({
      type: 'activite',
      event: 'perte_emploi',
      eventOn: daysFromToday(-5),
      monthlyNetIncomeCents: 120_000,
    });
    assert.ok(statuses(declaration).includes('france-travail:processed'), statuses(declaration).join());
    assert.ok(!declaration.recipients.some((r) => r.party === 'cnav'), 'la CNAV n’est prévenue que d’une retraite');
    assert.equal(await count('body_france_travail.demandeurs where nir = $1 and ended_on is null', [family.nir]), 1);
    assert.equal(
      await count(`body_dgfip.changements_situation where event = 'perte_emploi' and monthly_net_cents = 120000`),
      1,
    );
  });

  it('arrête la pension d’un retraité décédé, dresse l’acte de décès et ouvre la réversion du conjoint', async () => {
    const [widowed] = await db.query<{ person_id: string; nir: string; deceased_id: string; deceased_nir: string }>(
      `select a.person_id, pa.nir, b.person_id as deceased_id, pb.nir as deceased_nir
         from people.famille_members a
         join people.famille_members b on b.famille_id = a.famille_id and b.role = 'parents' and b.person_id <> a.person_id
         join people.persons pa on pa.id = a.person_id
         join people.persons pb on pb.id = b.person_id
        where a.role = 'parents' and pa.nir is not null
          and exists (select 1 from body_cnav.pensions p where p.nir = pb.nir and p.status = 'en_paiement')
          and exists (select 1 from body_cnav.assures c where c.nir = pa.nir)
        order by pa.nir limit 1`,
    );
    assert.ok(widowed, 'un couple de retraités dans la population de test');
    const widowedHeaders = await guichet.loginAs(widowed.person_id);
    const preview = await app.inject({ url: '/api/v1/declarations/preview?type=deces', headers: widowedHeaders });
    assert.ok(preview.json().prefill.relatives.some((r: { id: string }) => r.id === widowed.deceased_id));
    const diedOn = daysFromToday(-2);
    const declaration = await declareAndDeliver(
      { type: 'deces', relativeId: widowed.deceased_id, relation: 'conjoint', diedOn, place: '75056' },
      widowedHeaders,
    );
    assert.ok(statuses(declaration).includes('etat-civil:processed'), statuses(declaration).join());
    assert.ok(statuses(declaration).includes('cnav:processed'), statuses(declaration).join());
    assert.equal(
      await count(`body_etat_civil.actes where kind = 'deces' and nir = $1 and event_date = $2`, [
        widowed.deceased_nir,
        diedOn,
      ]),
      1,
    );
    assert.equal(
      await count(`body_cnav.pensions where nir = $1 and status = 'arretee' and period_end >= $2`, [
        widowed.deceased_nir,
        diedOn,
      ]),
      1,
    );
    assert.equal(
      await count(`body_cnav.pensions where nir = $1 and kind = 'reversion' and status = 'a_instruire'`, [widowed.nir]),
      1,
    );

    const stranger = await declare(
      { type: 'deces', relativeId: family.personId, relation: 'autre', diedOn, place: '75056' },
      {},
      widowedHeaders,
    );
    assert.equal(stranger.statusCode, 400);
    assert.equal(stranger.json().field, 'relativeId');
  });

  it('prévient la personne dans son centre de notifications : envoyée, puis traitée', async () => {
    const declaration = await declareAndDeliver({
      type: 'activite',
      event: 'nouvel_emploi',
      eventOn: daysFromToday(-1),
      monthlyNetIncomeCents: 210_000,
    });
    const titles = async () =>
      (
        await db.query<{ title_fr: string }>(
          `select title_fr from notifications.notifications where person_id = $1 and link = $2 order by created_at`,
          [family.personId, `/mon-espace/declarations/${declaration.id}`],
        )
      ).map((row) => row.title_fr);
    assert.deepEqual(await titles(), ['Déclaration envoyée']);
    const context = {
      jobId: 0,
      attempt: 1,
      db,
      config: guichet.config,
      logger: testLogger(),
      signal: new AbortController().signal,
    };
    const payload = { declarationId: declaration.id, personId: family.personId, round: 0 };
    await followUpJob(payload, context);
    await followUpJob(payload, context);
    assert.deepEqual(await titles(), ['Déclaration envoyée', 'Déclaration traitée'], 'une seule fois chacune');
  });

  it('envoie le déménagement d’une famille agricole à la MSA au lieu de la CAF et de la CPAM', async () => {
    const farmers = await findCouple(db, { regime: 'agricole' });
    const farmerHeaders = await guichet.loginAs(farmers.personId);
    const declaration = await declareAndDeliver(
      {
        type: 'adresse',
        movedOn: daysFromToday(0),
        address: { label: '3 chemin des Prés', postcode: '15000', communeCode: '15014', communeName: 'Aurillac' },
      },
      farmerHeaders,
    );
    const parties = declaration.recipients.map((r) => r.party);
    assert.ok(parties.includes('msa') && !parties.includes('caf') && !parties.includes('cpam'), parties.join());
    assert.equal(await count(`body_msa.adherents where nir = $1 and address_commune_code = '15014'`, [farmers.nir]), 1);
  });
});
