// The civil registry's reference node (the mairie's registers, with INSEE): births, marriages and
// deaths. A birth is recorded as one birth certificate (acte) per child.
import { acteNumber } from './acte-number.ts';
import { birthDeclaredContent, type Holding } from '../../exchange/index.ts';
import type { BodyNode } from '../node.ts';
import { columnsOf, householdView, insertColumns, readContent } from '../store.ts';
import { etatCivilLifeEventHandlers } from './life-events.ts';

export const etatCivilNode: BodyNode = {
  party: 'etat-civil',
  handlers: {
    ...etatCivilLifeEventHandlers,
    'naissance.declaree': async (tx, envelope) => {
      const birth = readContent(birthDeclaredContent, envelope.content);
      for (const [index, child] of birth.children.entries()) {
        await tx.query(
          `insert into body_etat_civil.actes
             (numero, kind, event_date, commune_code, given_names, family_name, sex, parent1_nir, parent2_nir, correlation_id)
           values ($1, 'naissance', $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            acteNumber('N', child.birthPlace, child.birthDate, `${envelope.messageId}:${index}`),
            child.birthDate,
            child.birthPlace,
            child.givenNames,
            child.familyName,
            child.sex,
            birth.declarant.nir,
            birth.otherParent?.nir ?? null,
            envelope.correlationId,
          ],
        );
      }
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
