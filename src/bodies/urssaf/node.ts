// The Urssaf's reference node: self-employed contributors (farmers contribute to the MSA instead).
import type { Holding } from '../../exchange/index.ts';
import type { BodyNode } from '../node.ts';
import { columnsOf, fileReference, householdView, insertColumns } from '../store.ts';
import { urssafLifeEventHandlers } from './life-events.ts';

export const urssafNode: BodyNode = {
  party: 'urssaf',
  handlers: urssafLifeEventHandlers,
  seed: async (tx, households) => {
    const contributors = households
      .filter((household) => !household.isAgricultural)
      .flatMap((household) =>
        householdView(household).adults.filter((adult) => adult.situation.employmentStatus === 'independant'),
      )
      .map((adult) => ({
        nir: adult.nir,
        reference: fileReference('urssaf', adult.nir, 14),
        since: `${Number(adult.birthDate.slice(0, 4)) + 25}-01-01`,
      }));
    await insertColumns(
      tx,
      'body_urssaf.cotisants',
      columnsOf(contributors, {
        nir: ['text', (c) => c.nir],
        reference: ['text', (c) => c.reference],
        activity: ['text', () => 'travailleur_independant'],
        since: ['date', (c) => c.since],
      }),
    );
    return contributors.map((c): Holding => ({
      nir: c.nir,
      capacity: 'cotisant',
      reference: c.reference,
      periodStart: c.since,
      periodEnd: null,
      isHeld: true,
    }));
  },
};
