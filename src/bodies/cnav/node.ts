// The CNAV's reference node: each insured person's career file and the children recorded for the
// parents' family rights (majoration de durée d'assurance). A birth records the child for each parent it knows.
import type { Holding } from '../../exchange/index.ts';
import type { Sql } from '../../platform/index.ts';
import { readBirths } from '../births.ts';
import { BodyRejection, type BodyNode } from '../node.ts';
import { columnsOf, householdView, insertColumns } from '../store.ts';
import { cnavLifeEventHandlers } from './life-events.ts';
import { anniversary } from '../anniversary.ts';
import { firstOfNextMonth } from '../life-event-dates.ts';

const WORKING = new Set(['salarie', 'independant', 'chomeur', 'retraite']);

type CnavChild = { parent: string; givenNames: string; birthDate: string; correlationId?: string };

/** Children recorded for a parent; those a declared birth added keep the declaration's correlation id. */
const insertChildren = (tx: Sql, children: CnavChild[]) =>
  insertColumns(
    tx,
    'body_cnav.enfants',
    columnsOf(children, {
      parent_nir: ['text', (c) => c.parent],
      given_names: ['text', (c) => c.givenNames],
      birth_date: ['date', (c) => c.birthDate],
      correlation_id: ['text', (c) => c.correlationId ?? null],
    }),
  );

export const cnavNode: BodyNode = {
  party: 'cnav',
  handlers: cnavLifeEventHandlers,
  batchHandlers: {
    'naissance.declaree': async (tx, envelopes) => {
      const run = readBirths(envelopes);
      const careers = new Set(
        (
          await tx.query<{ nir: string }>('select nir from body_cnav.assures where nir = any($1::text[])', [run.nirs])
        ).map((row) => row.nir),
      );
      const children: CnavChild[] = [];
      const results = run.each((birth, envelope, parents) => {
        const insured = parents.filter((nir) => careers.has(nir));
        if (!insured.length)
          return new BodyRejection('REJ-30', {
            fr: 'Aucun des parents n’a de carrière à l’Assurance retraite.',
            en: 'Neither parent has a career file at the CNAV.',
          });
        for (const parent of insured)
          for (const child of birth.children)
            children.push({ parent, ...child, correlationId: envelope.correlationId });
      });
      await insertChildren(tx, children);
      return results;
    },
  },
  seed: async (tx, households) => {
    const insured: { nir: string; status: string; firstYear: number; pensionStart: string }[] = [];
    const children: CnavChild[] = [];
    for (const household of households) {
      // Farmers' careers are kept by the MSA.
      if (household.isAgricultural) continue;
      const { parents, children: kids, adults } = householdView(household);
      for (const adult of adults) {
        if (!WORKING.has(adult.situation.employmentStatus)) continue;
        insured.push({
          nir: adult.nir,
          status: adult.situation.employmentStatus === 'retraite' ? 'retraite' : 'actif',
          firstYear: Number(adult.birthDate.slice(0, 4)) + 20,
          pensionStart: firstOfNextMonth(anniversary(adult.birthDate, 62)),
        });
        if (parents.includes(adult))
          for (const kid of kids)
            children.push({ parent: adult.nir, givenNames: kid.givenNames, birthDate: kid.birthDate });
      }
    }
    await insertColumns(
      tx,
      'body_cnav.assures',
      columnsOf(insured, {
        nir: ['text', (i) => i.nir],
        status: ['text', (i) => i.status],
        first_year: ['int4', (i) => i.firstYear],
      }),
    );
    // Retirees' own pensions, paid from the month after their 62nd birthday (demo figure).
    const retirees = insured.filter((i) => i.status === 'retraite');
    await insertColumns(
      tx,
      'body_cnav.pensions',
      columnsOf(retirees, {
        nir: ['text', (i) => i.nir],
        kind: ['text', () => 'droit_propre'],
        period_start: ['date', (i) => i.pensionStart],
        status: ['text', () => 'en_paiement'],
      }),
    );
    await insertChildren(tx, children);
    return insured.map((i): Holding => ({
      nir: i.nir,
      capacity: i.status === 'retraite' ? 'retraite' : 'assure',
      reference: i.nir.slice(0, 13),
      periodStart: `${i.firstYear}-01-01`,
      periodEnd: null,
      isHeld: true,
    }));
  },
};
