// A change of address: the new address and the day of the move. Guichet's own record takes the new
// address in the same transaction.
import { z } from 'zod';
import type { AddressChangedContent } from '../../exchange/index.ts';
import { updateContact } from '../../people/index.ts';
import { bilingual } from '../../platform/index.ts';
import { communeCode, dateAround } from '../fields.ts';
import { subjectsOf } from '../route-for-person.ts';
import { defineKind } from './kind.ts';

const required = (max: number) =>
  z
    .string()
    .trim()
    .min(1, bilingual({ fr: 'Ce champ est obligatoire.', en: 'This field is required.' }))
    .max(max, bilingual({ fr: `${max} caractères au plus.`, en: `At most ${max} characters.` }));

export const addressDeclarationInput = z
  .object({
    type: z.literal('adresse'),
    movedOn: dateAround({ before: 365, after: 90 }).describe('Date du déménagement (AAAA-MM-JJ)'),
    address: z
      .object({
        label: required(200).describe('Numéro et voie'),
        postcode: z
          .string()
          .trim()
          .regex(
            /^[0-9]{5}$/,
            bilingual({ fr: 'Code postal attendu (5 chiffres).', en: 'Postcode expected (5 digits).' }),
          ),
        communeCode: communeCode(),
        communeName: required(100).describe('Commune'),
      })
      .strict(),
  })
  .strict();
export type AddressDeclarationInput = z.infer<typeof addressDeclarationInput>;

export const addressKind = defineKind<AddressDeclarationInput>({
  type: 'adresse',
  input: addressDeclarationInput,
  prefill: () => ({
    movedOn: new Date().toISOString().slice(0, 10),
    address: { label: '', postcode: '', communeCode: '', communeName: '' },
  }),
  plan: async (_db, input, parties) => {
    const content: AddressChangedContent = {
      declarant: parties.declarant,
      otherParent: parties.otherParent,
      movedOn: input.movedOn,
      address: input.address,
    };
    return { content, subjects: subjectsOf(parties) };
  },
  applyToGuichet: async (tx, personId, input) => {
    await updateContact(tx, personId, { address: { ...input.address, lat: null, lon: null } });
  },
});
