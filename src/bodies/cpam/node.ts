// The CPAM's reference node: insured persons (assurés), the minors covered through them (ayants
// droit) and maternity files. A birth adds each child as ayant droit and closes the maternity file.
import type { BirthDeclaredContent, Holding } from '../../exchange/index.ts';
import { anniversary } from '../anniversary.ts';
import { readBirths } from '../births.ts';
import { BodyRejection, type BodyNode } from '../node.ts';
import { columnsOf, householdView, insertColumns } from '../store.ts';
import { cpamLifeEventHandlers } from './life-events.ts';

export const cpamNode: BodyNode = {
  party: 'cpam',
  handlers: cpamLifeEventHandlers,
  batchHandlers: {
    'naissance.declaree': async (tx, envelopes) => {
      const run = readBirths(envelopes);
      const insured = new Set(
        (
          await tx.query<{ nir: string }>('select nir from body_cpam.assures where nir = any($1::text[])', [run.nirs])
        ).map((row) => row.nir),
      );
      const covered: (BirthDeclaredContent['children'][number] & { assure: string; correlationId: string })[] = [];
      // The maternity file of each parent ends with the first birth of the run that names them.
      const maternities = new Map<string, string>();
      const results = run.each((birth, envelope, parents) => {
        const assure = parents.find((nir) => insured.has(nir));
        if (!assure)
          return new BodyRejection('REJ-30', {
            fr: 'Aucun des parents n’est assuré à la CPAM.',
            en: 'Neither parent is insured with the CPAM.',
          });
        for (const child of birth.children) covered.push({ ...child, assure, correlationId: envelope.correlationId });
        for (const nir of parents) if (!maternities.has(nir)) maternities.set(nir, birth.children[0]!.birthDate);
      });
      await insertColumns(
        tx,
        'body_cpam.ayants_droit',
        columnsOf(covered, {
          assure_nir: ['text', (c) => c.assure],
          given_names: ['text', (c) => c.givenNames],
          family_name: ['text', (c) => c.familyName],
          sex: ['text', (c) => c.sex],
          birth_date: ['date', (c) => c.birthDate],
          since: ['date', (c) => c.birthDate],
          correlation_id: ['text', (c) => c.correlationId],
        }),
      );
      await tx.query(
        `update body_cpam.maternites m set status = 'naissance', birth_date = t.birth_date
           from unnest($1::text[], $2::date[]) as t(nir, birth_date)
          where m.nir = t.nir and m.status = 'en_cours'`,
        [[...maternities.keys()], [...maternities.values()]],
      );
      return results;
    },
  },
  seed: async (tx, households) => {
    const insured: { nir: string; caisse: string; since: string }[] = [];
    const covered: {
      parent: string;
      nir: string;
      givenNames: string;
      familyName: string;
      sex: string;
      birthDate: string;
    }[] = [];
    const maternities: { nir: string; expectedOn: string }[] = [];
    const holdings: Holding[] = [];
    for (const household of households) {
      if (household.isAgricultural) continue;
      const { parents, children, adults } = householdView(household);
      const caisse = household.menage.depcom.slice(0, 2);
      for (const adult of adults) {
        const since = anniversary(adult.birthDate, 18);
        insured.push({ nir: adult.nir, caisse, since });
        holdings.push({
          nir: adult.nir,
          capacity: 'assure',
          reference: adult.nir.slice(0, 13),
          periodStart: since,
          periodEnd: null,
          isHeld: true,
        });
        if (adult.situation.isPregnant && adult.situation.pregnancyDueDate)
          maternities.push({ nir: adult.nir, expectedOn: adult.situation.pregnancyDueDate });
      }
      if (!parents[0]) continue;
      for (const child of children) {
        covered.push({
          parent: parents[0].nir,
          nir: child.nir,
          givenNames: child.givenNames,
          familyName: child.familyName,
          sex: child.sex,
          birthDate: child.birthDate,
        });
        holdings.push({
          nir: child.nir,
          capacity: 'ayant_droit',
          reference: parents[0].nir.slice(0, 13),
          periodStart: child.birthDate,
          periodEnd: null,
          isHeld: true,
        });
      }
    }
    await insertColumns(
      tx,
      'body_cpam.assures',
      columnsOf(insured, {
        nir: ['text', (i) => i.nir],
        caisse: ['text', (i) => i.caisse],
        affiliated_since: ['date', (i) => i.since],
      }),
    );
    await insertColumns(
      tx,
      'body_cpam.ayants_droit',
      columnsOf(covered, {
        assure_nir: ['text', (c) => c.parent],
        nir: ['text', (c) => c.nir],
        given_names: ['text', (c) => c.givenNames],
        family_name: ['text', (c) => c.familyName],
        sex: ['text', (c) => c.sex],
        birth_date: ['date', (c) => c.birthDate],
        since: ['date', (c) => c.birthDate],
      }),
    );
    await insertColumns(
      tx,
      'body_cpam.maternites',
      columnsOf(maternities, {
        nir: ['text', (m) => m.nir],
        expected_on: ['date', (m) => m.expectedOn],
        status: ['text', () => 'en_cours'],
      }),
    );
    return holdings;
  },
};
