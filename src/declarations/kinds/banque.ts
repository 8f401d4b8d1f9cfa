// A change of bank details: the IBAN (checked with its ISO 13616 key), the BIC and the holder.
import { z } from 'zod';
import type { BankDetailsChangedContent } from '../../exchange/index.ts';
import { bilingual } from '../../platform/index.ts';
import { personName } from '../fields.ts';
import { defineKind } from './kind.ts';

/** ISO 13616: the country and key moved to the end, letters as numbers, remainder 1 modulo 97. */
const hasValidKey = (iban: string) => {
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
};

export const bankDetailsDeclarationInput = z
  .object({
    type: z.literal('banque'),
    iban: z
      .string()
      .transform((value) => value.replace(/\s+/g, '').toUpperCase())
      .pipe(
        z
          .string()
          .regex(
            /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/,
            bilingual({
              fr: 'IBAN attendu : 2 lettres, 2 chiffres, puis 11 à 30 lettres ou chiffres (FR76 …).',
              en: 'IBAN expected: 2 letters, 2 digits, then 11 to 30 letters or digits (FR76 …).',
            }),
          )
          .refine(
            hasValidKey,
            bilingual({
              fr: 'Cet IBAN n’est pas valide (clé de contrôle) : vérifiez chaque caractère.',
              en: 'This IBAN is not valid (check digits): check each character.',
            }),
          ),
      )
      .describe('IBAN du compte'),
    bic: z
      .string()
      .transform((value) => value.replace(/\s+/g, '').toUpperCase())
      .pipe(
        z
          .string()
          .regex(
            /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/,
            bilingual({ fr: 'BIC attendu : 8 ou 11 caractères.', en: 'BIC expected: 8 or 11 characters.' }),
          ),
      )
      .describe('BIC de la banque'),
    holder: personName(200).describe('Titulaire du compte'),
  })
  .strict();
export type BankDetailsDeclarationInput = z.infer<typeof bankDetailsDeclarationInput>;

export const bankDetailsKind = defineKind<BankDetailsDeclarationInput>({
  type: 'banque',
  input: bankDetailsDeclarationInput,
  prefill: (parties) => ({
    iban: '',
    bic: '',
    holder: `${parties.declarant.givenNames.split(' ')[0]} ${parties.declarant.familyName}`,
  }),
  plan: async (_db, input, parties) => {
    const content: BankDetailsChangedContent = {
      declarant: parties.declarant,
      iban: input.iban,
      bic: input.bic,
      holder: input.holder,
    };
    return { content, subjects: [parties.declarant.nir] };
  },
});
