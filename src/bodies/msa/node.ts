// The MSA's reference node: farmers and farm workers (adhérents) with their family's health cover
// and family benefits, in one scheme. A birth adds each child as ayant droit and records the prime
// à la naissance to examine.
import type { BirthDeclaredContent, Holding } from '../../exchange/index.ts';
import { anniversary } from '../anniversary.ts';
import { readBirths } from '../births.ts';
import { BodyRejection, type BodyNode } from '../node.ts';
import { columnsOf, fileReference, householdView, insertColumns } from '../store.ts';
import { msaLifeEventHandlers } from './life-events.ts';

export const msaNode: BodyNode = {
  party: 'msa',
  handlers: msaLifeEventHandlers,
  batchHandlers: {
    'naissance.declaree': async (tx, envelopes) => {
      const run = readBirths(envelopes);
      const members = new Set(
        (
          await tx.query<{ nir: string }>('select nir from body_msa.adherents where nir = any($1::text[])', [run.nirs])
        ).map((row) => row.nir),
      );
      const covered: (BirthDeclaredContent['children'][number] & { member: string; correlationId: string })[] = [];
      const parentsOfRun = new Set<string>();
      const results = run.each((birth, envelope, parents) => {
        const member = parents.find((nir) => members.has(nir));
        if (!member)
          return new BodyRejection('REJ-30', {
            fr: 'Aucun des parents n’est adhérent de la MSA.',
            en: 'Neither parent is a member of the MSA.',
          });
        for (const child of birth.children) covered.push({ ...child, member, correlationId: envelope.correlationId });
        for (const nir of parents) parentsOfRun.add(nir);
      });
      await insertColumns(
        tx,
        'body_msa.ayants_droit',
        columnsOf(covered, {
          adherent_nir: ['text', (c) => c.member],
          given_names: ['text', (c) => c.givenNames],
          family_name: ['text', (c) => c.familyName],
          sex: ['text', (c) => c.sex],
          birth_date: ['date', (c) => c.birthDate],
          since: ['date', (c) => c.birthDate],
          correlation_id: ['text', (c) => c.correlationId],
        }),
      );
      await insertColumns(
        tx,
        'body_msa.prestations',
        columnsOf(covered, {
          adherent_nir: ['text', (c) => c.member],
          benefit: ['text', () => 'paje_naissance'],
          period_start: ['date', (c) => `${c.birthDate.slice(0, 7)}-01`],
          status: ['text', () => 'a_instruire'],
          correlation_id: ['text', (c) => c.correlationId],
        }),
      );
      // The maternity file opened on the declared pregnancy ends with the birth.
      await tx.query(
        `update body_msa.maternites set status = 'naissance' where nir = any($1::text[]) and status = 'en_cours'`,
        [[...parentsOfRun]],
      );
      return results;
    },
  },
  seed: async (tx, households) => {
    const members: { nir: string; reference: string; activity: string; since: string }[] = [];
    const covered: {
      parent: string;
      nir: string;
      givenNames: string;
      familyName: string;
      sex: string;
      birthDate: string;
    }[] = [];
    const holdings: Holding[] = [];
    for (const household of households) {
      if (!household.isAgricultural) continue;
      const { parents, children, adults } = householdView(household);
      for (const adult of adults) {
        const status = adult.situation.employmentStatus;
        const activity =
          status === 'independant'
            ? 'exploitant'
            : status === 'salarie'
              ? 'salarie_agricole'
              : status === 'retraite'
                ? 'retraite'
                : 'conjoint';
        const since = anniversary(adult.birthDate, 18);
        const reference = fileReference('msa', adult.nir, 10);
        members.push({ nir: adult.nir, reference, activity, since });
        holdings.push({
          nir: adult.nir,
          capacity: 'adherent',
          reference,
          periodStart: since,
          periodEnd: null,
          isHeld: true,
        });
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
          reference: fileReference('msa', parents[0].nir, 10),
          periodStart: child.birthDate,
          periodEnd: null,
          isHeld: true,
        });
      }
    }
    await insertColumns(
      tx,
      'body_msa.adherents',
      columnsOf(members, {
        nir: ['text', (m) => m.nir],
        reference: ['text', (m) => m.reference],
        activity: ['text', (m) => m.activity],
        since: ['date', (m) => m.since],
      }),
    );
    await insertColumns(
      tx,
      'body_msa.ayants_droit',
      columnsOf(covered, {
        adherent_nir: ['text', (c) => c.parent],
        nir: ['text', (c) => c.nir],
        given_names: ['text', (c) => c.givenNames],
        family_name: ['text', (c) => c.familyName],
        sex: ['text', (c) => c.sex],
        birth_date: ['date', (c) => c.birthDate],
        since: ['date', (c) => c.birthDate],
      }),
    );
    return holdings;
  },
};
