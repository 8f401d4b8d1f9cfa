// A pregnancy: the expected date of birth, and who is pregnant (the declarant or the other parent).
// Guichet's own record of the pregnant person's situation takes the expected date in the same
// transaction, so the rights engine counts the child to be born from the declared date.
import { z } from 'zod';
import type { PregnancyDeclaredContent } from '../../exchange/index.ts';
import { recordPregnancy } from '../../people/index.ts';
import { AppError } from '../../platform/index.ts';
import { choice, dateAround } from '../fields.ts';
import { findParties, subjectsOf } from '../route-for-person.ts';
import { defineKind } from './kind.ts';

export const pregnancyDeclarationInput = z
  .object({
    type: z.literal('grossesse'),
    /** A pregnancy lasts about 280 days; a birth expected more than 300 days ahead is a typo. */
    expectedOn: dateAround({ before: 0, after: 300 }).describe('Date prévue de l’accouchement (AAAA-MM-JJ)'),
    pregnantPerson: choice(['declarant', 'otherParent']).describe('Qui attend l’enfant'),
  })
  .strict();
export type PregnancyDeclarationInput = z.infer<typeof pregnancyDeclarationInput>;

export const pregnancyKind = defineKind<PregnancyDeclarationInput>({
  type: 'grossesse',
  input: pregnancyDeclarationInput,
  prefill: (parties) => ({
    expectedOn:
      parties.file.person.situation?.pregnancyDueDate ?? parties.otherPerson?.situation?.pregnancyDueDate ?? '',
    pregnantPerson: parties.file.person.sex === 'F' || parties.otherPerson?.sex !== 'F' ? 'declarant' : 'otherParent',
  }),
  plan: async (_db, input, parties) => {
    const pregnant = input.pregnantPerson === 'declarant' ? parties.declarant : parties.otherParent;
    if (!pregnant)
      throw new AppError('no_other_parent', {
        field: 'pregnantPerson',
        messages: {
          fr: 'Aucun autre parent n’est connu dans votre famille : déclarez la grossesse vous-même ou depuis son compte.',
          en: 'No other parent is known in your family: declare the pregnancy yourself or from their account.',
        },
      });
    const content: PregnancyDeclaredContent = {
      declarant: parties.declarant,
      otherParent: parties.otherParent,
      pregnant,
      expectedOn: input.expectedOn,
    };
    return { content, subjects: subjectsOf(parties) };
  },
  applyToGuichet: async (tx, personId, input) => {
    const { file, otherPerson } = await findParties(tx, personId);
    const pregnant = input.pregnantPerson === 'declarant' ? file.person : otherPerson!;
    await recordPregnancy(tx, pregnant.id, input.expectedOn);
  },
});
