// The MSA's reference node: farmers and farm workers (adhérents) with their family's health cover
// and family benefits, in one scheme. A birth adds each child as ayant droit and records the prime
// à la naissance to examine.
import { birthDeclaredContent, type Holding } from '../../exchange/index.ts';
import { anniversary } from '../anniversary.ts';
import { BodyRejection, type BodyNode } from '../node.ts';
import { columnsOf, fileReference, householdView, insertColumns, nirsOf, readContent } from '../store.ts';
import { msaLifeEventHandlers } from './life-events.ts';

export const msaNode: BodyNode = {
  party: 'msa',
  handlers: {
    ...msaLifeEventHandlers,
    'naissance.declaree': async (tx, envelope) => {
      const birth = readContent(birthDeclaredContent, envelope.content);
      const [member] = await tx.query<{ nir: string }>(
        'select nir from body_msa.adherents where nir = any($1::text[]) order by array_position($1::text[], nir) limit 1',
        [nirsOf(birth.declarant, birth.otherParent)],
      );
      if (!member)
        throw new BodyRejection('REJ-30', {
          fr: 'Aucun des parents n’est adhérent de la MSA.',
          en: 'Neither parent is a member of the MSA.',
        });
      for (const child of birth.children) {
        await tx.query(
          `insert into body_msa.ayants_droit (adherent_nir, given_names, family_name, sex, birth_date, since, correlation_id)
           values ($1, $2, $3, $4, $5, $5, $6)`,
          [member.nir, child.givenNames, child.familyName, child.sex, child.birthDate, envelope.correlationId],
        );
        await tx.query(
          `insert into body_msa.prestations (adherent_nir, benefit, period_start, status, correlation_id)
           values ($1, 'paje_naissance', $2, 'a_instruire', $3)`,
          [member.nir, `${child.birthDate.slice(0, 7)}-01`, envelope.correlationId],
        );
      }
      // The maternity file opened on the declared pregnancy ends with the birth.
      await tx.query(
        `update body_msa.maternites set status = 'naissance' where nir = any($1::text[]) and status = 'en_cours'`,
        [nirsOf(birth.declarant, birth.otherParent)],
      );
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
