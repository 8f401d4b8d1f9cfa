// A change of household: living together, PACS, marriage or separation, with the partner's names.
// A PACS or a marriage also names the commune where it was registered or celebrated.
import { z } from 'zod';
import { HOUSEHOLD_EVENTS, type HouseholdChangedContent } from '../../exchange/index.ts';
import { bilingual } from '../../platform/index.ts';
import { choice, communeCode, pastDate, personName } from '../fields.ts';
import { subjectsOf } from '../route-for-person.ts';
import { defineKind } from './kind.ts';

const sameName = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base' }) === 0;

export const householdDeclarationInput = z
  .object({
    type: z.literal('foyer'),
    event: choice(HOUSEHOLD_EVENTS).describe('Ce qui change'),
    eventOn: pastDate().describe('Date (AAAA-MM-JJ)'),
    partnerGivenNames: personName(200).describe('Prénoms du conjoint ou partenaire'),
    partnerFamilyName: personName(100).describe('Nom du conjoint ou partenaire'),
    communeCode: communeCode().optional().describe('Commune du mariage ou du PACS : code INSEE'),
  })
  .strict()
  .superRefine((input, context) => {
    if ((input.event === 'mariage' || input.event === 'pacs') && !input.communeCode)
      context.addIssue({
        code: 'custom',
        path: ['communeCode'],
        ...bilingual({
          fr: 'Indiquez la commune du mariage ou du PACS (code INSEE).',
          en: 'Give the commune of the marriage or PACS (INSEE code).',
        }),
      });
  });
export type HouseholdDeclarationInput = z.infer<typeof householdDeclarationInput>;

export const householdKind = defineKind<HouseholdDeclarationInput>({
  type: 'foyer',
  input: householdDeclarationInput,
  prefill: (parties) => ({
    event: parties.otherParent ? 'separation' : 'mise_en_couple',
    eventOn: '',
    partnerGivenNames: parties.otherParent?.givenNames ?? '',
    partnerFamilyName: parties.otherParent?.familyName ?? '',
    communeCode: parties.file.person.address?.communeCode ?? '',
  }),
  plan: async (_db, input, parties) => {
    // The partner Guichet already knows (the other parent) is sent with their NIR; someone new by name only.
    const known =
      parties.otherParent &&
      sameName(parties.otherParent.familyName, input.partnerFamilyName) &&
      sameName(parties.otherParent.givenNames.split(' ')[0]!, input.partnerGivenNames.split(' ')[0]!)
        ? parties.otherParent
        : null;
    const content: HouseholdChangedContent = {
      declarant: parties.declarant,
      event: input.event,
      eventOn: input.eventOn,
      partner: { givenNames: input.partnerGivenNames, familyName: input.partnerFamilyName, nir: known?.nir ?? null },
      communeCode: input.communeCode ?? null,
    };
    return { content, subjects: subjectsOf(parties), variant: input.event };
  },
});
