// The CPAM's reference node: insured persons (assurés), the minors covered through them (ayants
// droit) and maternity files. A birth adds each child as ayant droit and closes the maternity file.
import { birthDeclaredContent, type Holding } from '../../exchange/index.ts';
import { anniversary } from '../anniversary.ts';
import { BodyRejection, type BodyNode } from '../node.ts';
import { columnsOf, householdView, insertColumns, nirsOf, readContent } from '../store.ts';
import { cpamLifeEventHandlers } from './life-events.ts';

export const cpamNode: BodyNode = {
  party: 'cpam',
  handlers: {
    ...cpamLifeEventHandlers,
    'naissance.declaree': async (tx, envelope) => {
      const birth = readContent(birthDeclaredContent, envelope.content);
      const nirs = nirsOf(birth.declarant, birth.otherParent);
      const insured = await tx.query<{ nir: string }>(
        'select nir from body_cpam.assures where nir = any($1::text[]) order by array_position($1::text[], nir)',
        [nirs],
      );
      if (!insured.length)
        throw new BodyRejection('REJ-30', {
          fr: 'Aucun des parents n’est assuré à la CPAM.',
          en: 'Neither parent is insured with the CPAM.',
        });
      for (const child of birth.children) {
        await tx.query(
          `insert into body_cpam.ayants_droit (assure_nir, given_names, family_name, sex, birth_date, since, correlation_id)
           values ($1, $2, $3, $4, $5, $5, $6)`,
          [insured[0]!.nir, child.givenNames, child.familyName, child.sex, child.birthDate, envelope.correlationId],
        );
      }
      await tx.query(
        `update body_cpam.maternites set status = 'naissance', birth_date = $2 where nir = any($1::text[]) and status = 'en_cours'`,
        [nirs, birth.children[0]!.birthDate],
      );
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
