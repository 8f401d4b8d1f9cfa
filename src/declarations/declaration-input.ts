// What a citizen may declare: one schema per type, discriminated by `type`. Strict: an unknown
// field is refused, naming it.
import { z } from 'zod';
import { bilingual } from '../platform/index.ts';

const today = () => new Date().toISOString().slice(0, 10);

const name = (max: number) =>
  z
    .string()
    .trim()
    .min(1, bilingual({ fr: 'Ce champ est obligatoire.', en: 'This field is required.' }))
    .max(max, bilingual({ fr: `${max} caractères au plus.`, en: `At most ${max} characters.` }))
    .regex(
      /^[\p{L}][\p{L}\p{M} '’-]*$/u,
      bilingual({
        fr: 'Lettres, espaces, tirets et apostrophes seulement.',
        en: 'Letters, spaces, hyphens and apostrophes only.',
      }),
    );

const pastDate = z.iso
  .date(bilingual({ fr: 'Date attendue au format AAAA-MM-JJ.', en: 'Date expected as YYYY-MM-DD.' }))
  .refine(
    (value) => value <= today(),
    bilingual({ fr: 'La date ne peut pas être dans le futur.', en: 'The date cannot be in the future.' }),
  );

export const childInput = z
  .object({
    givenNames: name(200).describe('Prénoms, dans l’ordre de l’acte'),
    familyName: name(100).describe('Nom de famille'),
    sex: z.enum(['F', 'M'], bilingual({ fr: 'Indiquez F ou M.', en: 'Give F or M.' })),
    birthDate: pastDate.describe('Date de naissance (AAAA-MM-JJ)'),
    birthPlace: z
      .string()
      .regex(
        /^([0-9]{2}|2A|2B)[0-9]{3}$/,
        bilingual({
          fr: 'Code INSEE de la commune attendu (5 caractères, par exemple 75056).',
          en: 'INSEE commune code expected (5 characters, for example 75056).',
        }),
      )
      .describe('Lieu de naissance : code INSEE de la commune'),
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

export const declarationInput = z.discriminatedUnion('type', [birthDeclarationInput]);
export type DeclarationInput = z.infer<typeof declarationInput>;
export type BirthDeclarationInput = z.infer<typeof birthDeclarationInput>;
