// The death of a relative picked from the person's famille, foyer fiscal or ménage: the date and the
// commune of death. Guichet knows the relative's identity, so nothing about them is typed again.
import { z } from 'zod';
import { RELATIONS, type DeathDeclaredContent } from '../../exchange/index.ts';
import { findPerson } from '../../people/index.ts';
import { AppError, bilingual } from '../../platform/index.ts';
import { choice, communeCode, pastDate } from '../fields.ts';
import { relativesOf, subjectsOf } from '../route-for-person.ts';
import { defineKind } from './kind.ts';

export const deathDeclarationInput = z
  .object({
    type: z.literal('deces'),
    relativeId: z.uuid(bilingual({ fr: 'Choisissez la personne décédée.', en: 'Choose the person who died.' })),
    relation: choice(RELATIONS).describe('Lien avec vous'),
    diedOn: pastDate().describe('Date du décès (AAAA-MM-JJ)'),
    place: communeCode().describe('Commune du décès : code INSEE'),
  })
  .strict();
export type DeathDeclarationInput = z.infer<typeof deathDeclarationInput>;

export const deathKind = defineKind<DeathDeclarationInput>({
  type: 'deces',
  input: deathDeclarationInput,
  prefill: (parties, relatives) => ({
    relativeId: relatives[0]?.id ?? '',
    relation: relatives[0]?.relation ?? 'conjoint',
    diedOn: '',
    place: parties.file.person.address?.communeCode ?? '',
  }),
  plan: async (db, input, parties) => {
    const notRelative = () =>
      new AppError('not_a_relative', {
        field: 'relativeId',
        messages: {
          fr: 'Cette personne ne fait pas partie de votre famille ou de votre foyer connus de Guichet.',
          en: 'This person is not part of your family or household as Guichet knows it.',
        },
      });
    if (!relativesOf(parties.file).some((relative) => relative.id === input.relativeId)) throw notRelative();
    const deceased = await findPerson(db, input.relativeId);
    if (!deceased) throw notRelative();
    if (!deceased.nir)
      throw new AppError('nir_unknown', {
        field: 'relativeId',
        status: 409,
        messages: {
          fr: 'Le numéro de sécurité sociale de cette personne n’est pas connu : la mairie doit être prévenue directement.',
          en: 'This person’s social security number is not known: tell the town hall directly.',
        },
      });
    if (input.diedOn < deceased.birthDate)
      throw new AppError('before_birth', {
        field: 'diedOn',
        messages: { fr: 'La date du décès précède la naissance.', en: 'The date of death is before the birth.' },
      });
    const content: DeathDeclaredContent = {
      declarant: parties.declarant,
      deceased: {
        nir: deceased.nir,
        givenNames: deceased.givenNames,
        familyName: deceased.familyName,
        birthDate: deceased.birthDate,
      },
      relation: input.relation,
      diedOn: input.diedOn,
      place: input.place,
    };
    return { content, subjects: subjectsOf(parties, deceased.nir) };
  },
});
