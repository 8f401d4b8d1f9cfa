// A birth: one child, or several for twins, triplets… (names, sex, date and commune of birth).
// In Guichet's own record, in the same transaction, the children join the declarant's household
// and the pregnancy of either parent ends: the rights engine counts the child born, not to be born.
import { z } from 'zod';
import type { BirthDeclaredContent } from '../../exchange/index.ts';
import { recordBirth, recordPregnancy } from '../../people/index.ts';
import { bilingual } from '../../platform/index.ts';
import { findParties, subjectsOf } from '../route-for-person.ts';
import { choice, communeCode, pastDate, personName } from '../fields.ts';
import { defineKind } from './kind.ts';

export const childInput = z
  .object({
    givenNames: personName(200).describe('Prénoms, dans l’ordre de l’acte'),
    familyName: personName(100).describe('Nom de famille'),
    sex: choice(['F', 'M']),
    birthDate: pastDate().describe('Date de naissance (AAAA-MM-JJ)'),
    birthPlace: communeCode().describe('Lieu de naissance : code INSEE de la commune'),
  })
  .strict();

export const birthDeclarationInput = z
  .object({
    type: z.literal('naissance'),
    /** One child, or several for twins, triplets… */
    children: z
      .array(childInput)
      .min(1, bilingual({ fr: 'Indiquez au moins un enfant.', en: 'Give at least one child.' }))
      .max(8, bilingual({ fr: '8 enfants au plus.', en: 'At most 8 children.' })),
  })
  .strict()
  .superRefine((input, context) => {
    // Twins are born on the same day (or the next, around midnight) in the same place.
    const first = input.children[0];
    input.children.forEach((child, index) => {
      if (!first || index === 0) return;
      const days = Math.abs(Date.parse(child.birthDate) - Date.parse(first.birthDate)) / 86_400_000;
      if (days > 1)
        context.addIssue({
          code: 'custom',
          path: ['children', index, 'birthDate'],
          ...bilingual({
            fr: 'Des jumeaux naissent le même jour (ou le lendemain) : vérifiez la date, ou déclarez cette naissance à part.',
            en: 'Twins are born on the same day (or the next): check the date, or declare this birth separately.',
          }),
        });
    });
  });
export type BirthDeclarationInput = z.infer<typeof birthDeclarationInput>;

export const birthKind = defineKind<BirthDeclarationInput>({
  type: 'naissance',
  input: birthDeclarationInput,
  prefill: (parties) => ({
    children: [
      {
        givenNames: '',
        familyName: parties.declarant.familyName,
        sex: '',
        birthDate: '',
        birthPlace: parties.file.person.address?.communeCode ?? '',
      },
    ],
  }),
  plan: async (_db, input, parties) => {
    const content: BirthDeclaredContent = {
      declarant: parties.declarant,
      otherParent: parties.otherParent,
      children: input.children,
    };
    return { content, subjects: subjectsOf(parties) };
  },
  applyToGuichet: async (tx, personId, input) => {
    await recordBirth(tx, personId, input.children);
    const { file, otherPerson } = await findParties(tx, personId);
    for (const parent of [file.person, otherPerson])
      if (parent?.situation?.isPregnant) await recordPregnancy(tx, parent.id, null);
  },
});
