// The DGFiP's reference node: tax households (foyers fiscaux) with their declarants, dependants and
// revenu fiscal de référence. A birth adds each child as a dependant of the declarant's household.
import type { Holding } from '../../exchange/index.ts';
import { readBirths } from '../births.ts';
import { BodyRejection, type BodyNode } from '../node.ts';
import { columnsOf, fileReference, insertColumns } from '../store.ts';
import { dgfipLifeEventHandlers } from './life-events.ts';

export const dgfipNode: BodyNode = {
  party: 'dgfip',
  handlers: dgfipLifeEventHandlers,
  batchHandlers: {
    'naissance.declaree': async (tx, envelopes) => {
      const run = readBirths(envelopes);
      const foyerOf = new Map(
        (
          await tx.query<{ foyer: string; nir: string }>(
            `select foyer, nir from body_dgfip.foyer_personnes where role = 'declarant' and nir = any($1::text[])`,
            [run.nirs],
          )
        ).map((row) => [row.nir, row.foyer]),
      );
      const dependants: { foyer: string; givenNames: string; birthDate: string; correlationId: string }[] = [];
      const results = run.each((birth, envelope, parents) => {
        const foyer = parents.map((nir) => foyerOf.get(nir)).find(Boolean);
        if (!foyer)
          return new BodyRejection('REJ-30', {
            fr: 'Aucun foyer fiscal connu pour ces parents.',
            en: 'No tax household known for these parents.',
          });
        for (const child of birth.children) dependants.push({ foyer, ...child, correlationId: envelope.correlationId });
      });
      await insertColumns(
        tx,
        'body_dgfip.foyer_personnes',
        columnsOf(dependants, {
          foyer: ['text', (d) => d.foyer],
          given_names: ['text', (d) => d.givenNames],
          birth_date: ['date', (d) => d.birthDate],
          role: ['text', () => 'personne_a_charge'],
          since: ['date', (d) => d.birthDate],
          correlation_id: ['text', (d) => d.correlationId],
        }),
      );
      return results;
    },
  },
  seed: async (tx, households, { today }) => {
    const year = Number(today.slice(0, 4)) - 1;
    const foyers: { reference: string; income: number }[] = [];
    const members: { foyer: string; nir: string; givenNames: string; birthDate: string; role: string }[] = [];
    const holdings: Holding[] = [];
    for (const household of households) {
      const byId = new Map(household.persons.map((person) => [person.id, person]));
      for (const foyer of household.foyersFiscaux) {
        const persons = foyer.members.map((member) => ({
          person: byId.get(member.personId)!,
          role: member.role === 'declarants' ? 'declarant' : 'personne_a_charge',
        }));
        const reference = fileReference('dgfip', persons[0]!.person.nir, 13);
        // Demo figure: the year's declared incomes of the household (no allowance applied).
        const income = persons.reduce(
          (sum, { person }) =>
            sum +
            12 *
              (person.situation.monthlyNetSalaryCents +
                person.situation.monthlyUnemploymentBenefitCents +
                person.situation.monthlyPensionCents),
          0,
        );
        foyers.push({ reference, income });
        for (const { person, role } of persons) {
          members.push({
            foyer: reference,
            nir: person.nir,
            givenNames: person.givenNames,
            birthDate: person.birthDate,
            role,
          });
          holdings.push({
            nir: person.nir,
            capacity: role,
            reference,
            periodStart: `${year}-01-01`,
            periodEnd: null,
            isHeld: true,
          });
        }
      }
    }
    await insertColumns(
      tx,
      'body_dgfip.foyers',
      columnsOf(foyers, {
        reference: ['text', (f) => f.reference],
        year: ['int4', () => year],
        revenu_fiscal_reference_cents: ['int8', (f) => f.income],
      }),
    );
    await insertColumns(
      tx,
      'body_dgfip.foyer_personnes',
      columnsOf(members, {
        foyer: ['text', (m) => m.foyer],
        nir: ['text', (m) => m.nir],
        given_names: ['text', (m) => m.givenNames],
        birth_date: ['date', (m) => m.birthDate],
        role: ['text', (m) => m.role],
        since: ['date', () => `${year}-01-01`],
      }),
    );
    return holdings;
  },
};
