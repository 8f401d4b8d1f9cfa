import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { signMessage, type SignedMessage } from '../exchange/index.ts';
import { findCouple, seededHub } from '../exchange-test-kit.ts';

describe('un lot de naissances appliqué d’un coup par un organisme', async () => {
  const { db, hub, url } = await seededHub();
  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;
  const birth = (party: string, declarant: string, otherParent: string | null, givenNames: string) =>
    signMessage(hub.embeddedKey('guichet'), {
      idempotencyKey: `test:${randomUUID()}`,
      correlationId: `test:${randomUUID()}`,
      recipient: party as SignedMessage['envelope']['recipient'],
      type: 'naissance.declaree',
      category: 'naissance',
      purpose: party === 'caf' ? 'prestations_familiales' : 'assurance_maladie',
      subjects: [declarant, ...(otherParent ? [otherParent] : [])].map((nir) => ({ nir })),
      content: {
        declarant: { nir: declarant, givenNames: 'Test', familyName: 'Testard' },
        otherParent: otherParent ? { nir: otherParent, givenNames: 'Test', familyName: 'Testard' } : null,
        children: [{ givenNames, familyName: 'Testard', sex: 'F', birthDate: '2026-01-02', birthPlace: '75056' }],
      },
    });
  const send = async (party: string, messages: SignedMessage[]) => {
    const response = await fetch(`${url}/bodies/${party}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages }),
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { acknowledgements: { status: string; code: string; isReplay: boolean }[] })
      .acknowledgements;
  };

  it('ouvre un seul dossier CAF quand les deux parents d’une famille sans dossier déclarent chacun une naissance du même lot', async () => {
    const [couple] = await db.query<{ nir: string; other_nir: string }>(
      `select pa.nir, pb.nir as other_nir
         from people.famille_members a
         join people.famille_members b on b.famille_id = a.famille_id and b.role = 'parents' and b.person_id <> a.person_id
         join people.persons pa on pa.id = a.person_id
         join people.persons pb on pb.id = b.person_id
        where a.role = 'parents' and pa.nir is not null and pb.nir is not null
          and not exists (select 1 from body_caf.allocataires f
                           where array[f.nir, f.conjoint_nir] && array[pa.nir, pb.nir]::text[])
        order by pa.nir limit 1`,
    );
    assert.ok(couple, 'un couple sans dossier CAF dans la population de test');
    const acks = await send('caf', [
      birth('caf', couple.nir, couple.other_nir, 'Lot-Aînée'),
      birth('caf', couple.other_nir, couple.nir, 'Lot-Cadette'),
    ]);
    assert.deepEqual(
      acks.map((ack) => ack.code),
      ['ACK-00', 'ACK-00'],
    );
    assert.equal(
      await count('body_caf.allocataires where nir = any($1::text[]) or conjoint_nir = any($1::text[])', [
        [couple.nir, couple.other_nir],
      ]),
      1,
    );
    assert.equal(await count(`body_caf.enfants where given_names like 'Lot-%'`), 2);
    assert.equal(
      await count(
        `body_caf.prestations p join body_caf.enfants e using (correlation_id) where e.given_names like 'Lot-%'`,
      ),
      2,
    );
  });

  it('refuse dans un lot la naissance dont aucun parent n’est assuré à la CPAM, sans rien en écrire, et applique les autres', async () => {
    const first = await findCouple(db, { regime: 'general' });
    const second = await findCouple(db, { regime: 'general', skip: 1 });
    const stranger = '199017500000001';
    const refused = birth('cpam', stranger, null, 'Inconnue');
    const acks = await send('cpam', [
      birth('cpam', first.nir, first.otherNir, 'Lot-Première'),
      refused,
      birth('cpam', second.nir, second.otherNir, 'Lot-Seconde'),
    ]);
    assert.deepEqual(
      acks.map((ack) => [ack.status, ack.code]),
      [
        ['processed', 'ACK-00'],
        ['rejected', 'REJ-30'],
        ['processed', 'ACK-00'],
      ],
    );
    assert.equal(await count(`body_cpam.ayants_droit where given_names like 'Lot-%'`), 2);
    assert.equal(await count(`body_cpam.ayants_droit where given_names = 'Inconnue'`), 0);
    // The refusal is kept under its key: sent again, it is repeated, still without effect.
    const [replay] = await send('cpam', [refused]);
    assert.deepEqual([replay!.status, replay!.code, replay!.isReplay], ['rejected', 'REJ-30', true]);
  });
});
