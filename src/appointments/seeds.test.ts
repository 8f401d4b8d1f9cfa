import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedDemo } from '../seed.ts';
import { testGuichet } from '../testing.ts';
import { findAvailableSlots } from './find-available-slots.ts';
import { listReasons } from './catalogue.ts';

describe('données de démonstration des rendez-vous', async () => {
  const { db } = await testGuichet();

  it('charge lieux, motifs et conseillers (dont les agents de démonstration), qui offrent des créneaux', async () => {
    await seedDemo(db, { households: 5, seed: 3 });
    const reasons = await listReasons(db);
    const naissance = reasons.find((reason) => reason.label === 'Comprendre mes droits après une naissance')!;
    assert.ok(reasons.some((reason) => reason.label === 'Déclarer une perte d’emploi'));
    const [claire] = await db.query<{ agent_id: string | null }>(
      `select agent_id from appointments.advisors where email = 'agent.caf@demo.guichet.fr'`,
    );
    assert.ok(claire?.agent_id, 'l’agente CAF de démonstration est conseillère, liée à son agent');
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 16 * 86_400_000).toISOString().slice(0, 10);
    const { slots } = await findAvailableSlots(db, { reasonId: naissance.id, channel: 'video', from, to });
    assert.ok(slots.length > 20);
  });
});
