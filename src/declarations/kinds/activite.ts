// A change of income or activity: a new job, a job lost or retirement, from a date, with the
// monthly net income from then (salary, unemployment benefit or pension), in cents.
import { z } from 'zod';
import { ACTIVITY_EVENTS, type ActivityChangedContent } from '../../exchange/index.ts';
import { bilingual } from '../../platform/index.ts';
import { choice, dateAround } from '../fields.ts';
import { defineKind } from './kind.ts';

export const activityDeclarationInput = z
  .object({
    type: z.literal('activite'),
    event: choice(ACTIVITY_EVENTS).describe('Ce qui change'),
    eventOn: dateAround({ before: 365, after: 180 }).describe('Date du changement (AAAA-MM-JJ)'),
    monthlyNetIncomeCents: z
      .number(bilingual({ fr: 'Montant attendu en centimes.', en: 'Amount expected in cents.' }))
      .int(bilingual({ fr: 'Montant attendu en centimes entiers.', en: 'Amount expected in whole cents.' }))
      .min(0, bilingual({ fr: 'Le montant ne peut pas être négatif.', en: 'The amount cannot be negative.' }))
      .max(100_000_00, bilingual({ fr: '100 000 € par mois au plus.', en: 'At most €100,000 a month.' }))
      .describe('Revenu mensuel net à partir de cette date, en centimes'),
  })
  .strict();
export type ActivityDeclarationInput = z.infer<typeof activityDeclarationInput>;

export const activityKind = defineKind<ActivityDeclarationInput>({
  type: 'activite',
  input: activityDeclarationInput,
  prefill: (parties) => {
    const situation = parties.file.person.situation;
    const event =
      situation?.employmentStatus === 'salarie' || situation?.employmentStatus === 'independant'
        ? 'perte_emploi'
        : 'nouvel_emploi';
    return {
      event,
      eventOn: new Date().toISOString().slice(0, 10),
      monthlyNetIncomeCents: event === 'perte_emploi' ? 0 : (situation?.monthlyNetSalaryCents ?? 0),
    };
  },
  plan: async (_db, input, parties) => {
    const content: ActivityChangedContent = {
      declarant: parties.declarant,
      event: input.event,
      eventOn: input.eventOn,
      monthlyNetIncomeCents: input.monthlyNetIncomeCents,
    };
    return { content, subjects: [parties.declarant.nir], variant: input.event };
  },
});
