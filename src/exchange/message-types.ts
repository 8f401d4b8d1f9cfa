// The contents of each message type: the contract between the sender and the bodies' connectors
// (the hub itself never reads a content, it only carries it sealed).
import { z } from 'zod';

const nir = z.string().regex(/^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{8}$/);
const parent = z.object({ nir, givenNames: z.string().min(1), familyName: z.string().min(1) }).strict();

/** `naissance.declaree`: one or more children (twins…) born to the declarant (and the other parent). */
export const birthDeclaredContent = z
  .object({
    declarant: parent,
    otherParent: parent.nullable(),
    children: z
      .array(
        z
          .object({
            givenNames: z.string().min(1),
            familyName: z.string().min(1),
            sex: z.enum(['F', 'M']),
            birthDate: z.iso.date(),
            birthPlace: z.string().regex(/^([0-9]{2}|2A|2B)[0-9]{3}$/),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type BirthDeclaredContent = z.infer<typeof birthDeclaredContent>;

const person = z
  .object({ nir, givenNames: z.string().min(1), familyName: z.string().min(1), birthDate: z.iso.date() })
  .strict();
const communeCode = z.string().regex(/^([0-9]{2}|2A|2B)[0-9]{3}$/);

/** `grossesse.declaree`: the expected date of birth, for the person who is pregnant. */
export const pregnancyDeclaredContent = z
  .object({ declarant: parent, otherParent: parent.nullable(), pregnant: parent, expectedOn: z.iso.date() })
  .strict();
export type PregnancyDeclaredContent = z.infer<typeof pregnancyDeclaredContent>;

/** `adresse.changee`: the household's new address from the day of the move. */
export const addressChangedContent = z
  .object({
    declarant: parent,
    otherParent: parent.nullable(),
    movedOn: z.iso.date(),
    address: z
      .object({
        label: z.string().min(1),
        postcode: z.string().regex(/^[0-9]{5}$/),
        communeCode,
        communeName: z.string().min(1),
      })
      .strict(),
  })
  .strict();
export type AddressChangedContent = z.infer<typeof addressChangedContent>;

export const HOUSEHOLD_EVENTS = ['mise_en_couple', 'pacs', 'mariage', 'separation'] as const;
/** `situation_familiale.changee`: a couple formed (living together, PACS, marriage) or separated. */
export const householdChangedContent = z
  .object({
    declarant: parent,
    event: z.enum(HOUSEHOLD_EVENTS),
    eventOn: z.iso.date(),
    partner: z.object({ givenNames: z.string().min(1), familyName: z.string().min(1), nir: nir.nullable() }).strict(),
    communeCode: communeCode.nullable(),
  })
  .strict();
export type HouseholdChangedContent = z.infer<typeof householdChangedContent>;

export const ACTIVITY_EVENTS = ['nouvel_emploi', 'perte_emploi', 'retraite'] as const;
/** `activite.changee`: a new job, a job lost or retirement, with the monthly net income from then. */
export const activityChangedContent = z
  .object({
    declarant: parent,
    event: z.enum(ACTIVITY_EVENTS),
    eventOn: z.iso.date(),
    monthlyNetIncomeCents: z.number().int().min(0),
  })
  .strict();
export type ActivityChangedContent = z.infer<typeof activityChangedContent>;

/** `coordonnees_bancaires.changees`: the account benefits and refunds are paid into. */
export const bankDetailsChangedContent = z
  .object({
    declarant: parent,
    iban: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/),
    bic: z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/),
    holder: z.string().min(1),
  })
  .strict();
export type BankDetailsChangedContent = z.infer<typeof bankDetailsChangedContent>;

export const RELATIONS = ['conjoint', 'enfant', 'parent', 'autre'] as const;
/** `deces.declare`: the death of a relative, declared by a member of the family. */
export const deathDeclaredContent = z
  .object({
    declarant: parent,
    deceased: person,
    relation: z.enum(RELATIONS),
    diedOn: z.iso.date(),
    place: communeCode,
  })
  .strict();
export type DeathDeclaredContent = z.infer<typeof deathDeclaredContent>;
