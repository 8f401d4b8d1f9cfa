// The civil registry's reference node (the mairie's registers, with INSEE): births, marriages and
// deaths. A birth is recorded as one birth certificate (acte) per child.
import { acteNumber } from './acte-number.ts';
import type { BirthDeclaredContent, Holding } from '../../exchange/index.ts';
import { readBirths } from '../births.ts';
import type { BodyNode } from '../node.ts';
import { columnsOf, householdView, insertColumns } from '../store.ts';
import { etatCivilLifeEventHandlers } from './life-events.ts';

export const etatCivilNode: BodyNode = {
  party: 'etat-civil',
  handlers: etatCivilLifeEventHandlers,
  batchHandlers: {
    'naissance.declaree': async (tx, envelopes) => {
      const run = readBirths(envelopes);
      const actes: (BirthDeclaredContent['children'][number] & {
        numero: string;
        parents: string[];
        correlationId: string;
      })[] = [];
      const results = run.each((birth, envelope, parents) => {
        for (const [index, child] of birth.children.entries())
          actes.push({
            ...child,
            numero: acteNumber('N', child.birthPlace, child.birthDate, `${envelope.messageId}:${index}`),
            parents,
            correlationId: envelope.correlationId,
          });
      });
      await insertColumns(
        tx,
        'body_etat_civil.actes',
        columnsOf(actes, {
          numero: ['text', (a) => a.numero],
          kind: ['text', () => 'naissance'],
          event_date: ['date', (a) => a.birthDate],
          commune_code: ['text', (a) => a.birthPlace],
          given_names: ['text', (a) => a.givenNames],
          family_name: ['text', (a) => a.familyName],
          sex: ['text', (a) => a.sex],
          parent1_nir: ['text', (a) => a.parents[0]],
          parent2_nir: ['text', (a) => a.parents[1] ?? null],
          correlation_id: ['text', (a) => a.correlationId],
        }),
      );
      return results;
    },
  },
  seed: async (tx, households) => {
    const actes: {
      numero: string;
      kind: string;
      date: string;
      commune: string;
      nir: string | null;
      givenNames: string | null;
      familyName: string | null;
      sex: string | null;
      parent1: string | null;
      parent2: string | null;
      spouse: string | null;
    }[] = [];
    const holdings: Holding[] = [];
    for (const household of households) {
      const { parents, children } = householdView(household);
      for (const person of household.persons) {
        if (person.birthCountry !== '99100') continue;
        const isChild = children.includes(person);
        const numero = acteNumber('N', person.birthPlace, person.birthDate, person.nir);
        actes.push({
          numero,
          kind: 'naissance',
          date: person.birthDate,
          commune: person.birthPlace,
          nir: person.nir,
          givenNames: person.givenNames,
          familyName: person.familyName,
          sex: person.sex,
          parent1: isChild ? (parents[0]?.nir ?? null) : null,
          parent2: isChild ? (parents[1]?.nir ?? null) : null,
          spouse: null,
        });
        holdings.push({
          nir: person.nir,
          capacity: 'acte_naissance',
          reference: numero,
          periodStart: person.birthDate,
          periodEnd: null,
          isHeld: true,
        });
      }
      const [first, second] = parents;
      if (first && second && first.situation.statutMarital === 'marie' && second.situation.statutMarital === 'marie') {
        const oldestChild = children.map((c) => c.birthDate).sort()[0];
        const date = oldestChild
          ? `${Number(oldestChild.slice(0, 4)) - 1}-06-15`
          : `${Number(first.birthDate.slice(0, 4)) + 28}-06-15`;
        const commune = household.menage.depcom;
        const numero = acteNumber('M', commune, date, first.nir + second.nir);
        actes.push({
          numero,
          kind: 'mariage',
          date,
          commune,
          nir: first.nir,
          givenNames: null,
          familyName: null,
          sex: null,
          parent1: null,
          parent2: null,
          spouse: second.nir,
        });
        for (const spouse of [first, second])
          holdings.push({
            nir: spouse.nir,
            capacity: 'acte_mariage',
            reference: numero,
            periodStart: date,
            periodEnd: null,
            isHeld: true,
          });
      }
    }
    await insertColumns(
      tx,
      'body_etat_civil.actes',
      columnsOf(actes, {
        numero: ['text', (a) => a.numero],
        kind: ['text', (a) => a.kind],
        event_date: ['date', (a) => a.date],
        commune_code: ['text', (a) => a.commune],
        nir: ['text', (a) => a.nir],
        given_names: ['text', (a) => a.givenNames],
        family_name: ['text', (a) => a.familyName],
        sex: ['text', (a) => a.sex],
        parent1_nir: ['text', (a) => a.parent1],
        parent2_nir: ['text', (a) => a.parent2],
        spouse_nir: ['text', (a) => a.spouse],
      }),
    );
    return holdings;
  },
};
