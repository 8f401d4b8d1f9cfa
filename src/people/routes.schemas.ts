// The JSON shapes of the people routes (they also make the OpenAPI description).
import { z } from 'zod';
import {
  EMPLOYMENT_STATUSES,
  FAMILLE_ROLES,
  FOYER_FISCAL_ROLES,
  MENAGE_ROLES,
  STATUTS_MARITAUX,
  STATUTS_OCCUPATION_LOGEMENT,
  ZONES_APL,
} from './vocabulary.ts';

const sex = z.enum(['F', 'M']);
const isoDate = z.string().describe('YYYY-MM-DD');

const address = z.object({
  label: z.string(),
  postcode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

const situation = z.object({
  employmentStatus: z.enum(EMPLOYMENT_STATUSES),
  statutMarital: z.enum(STATUTS_MARITAUX),
  monthlyNetSalaryCents: z.number().int(),
  monthlyUnemploymentBenefitCents: z.number().int(),
  monthlyPensionCents: z.number().int(),
  disabilityRate: z.number().int(),
  isPregnant: z.boolean(),
  pregnancyDueDate: isoDate.nullable(),
});

export const personResponse = z.object({
  id: z.uuid(),
  nir: z.string().nullable(),
  givenNames: z.string(),
  familyName: z.string(),
  usageName: z.string().nullable(),
  birthDate: isoDate,
  birthPlace: z.string(),
  birthCountry: z.string(),
  sex,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: address.nullable(),
  situation: situation.nullable(),
});

const member = <R extends readonly [string, ...string[]]>(roles: R) =>
  z.object({
    role: z.enum(roles),
    id: z.uuid(),
    givenNames: z.string(),
    familyName: z.string(),
    usageName: z.string().nullable(),
    birthDate: isoDate,
    sex,
    employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullable(),
  });

export const personFileResponse = z.object({
  person: personResponse,
  famille: z.object({ id: z.uuid(), members: z.array(member(FAMILLE_ROLES)) }).nullable(),
  foyerFiscal: z.object({ id: z.uuid(), members: z.array(member(FOYER_FISCAL_ROLES)) }).nullable(),
  menage: z
    .object({
      id: z.uuid(),
      statutOccupationLogement: z.enum(STATUTS_OCCUPATION_LOGEMENT),
      loyerCents: z.number().int(),
      zoneApl: z.enum(ZONES_APL).nullable(),
      depcom: z.string().nullable(),
      members: z.array(member(MENAGE_ROLES)),
    })
    .nullable(),
});

export const updateContactResponse = z.object({ person: personResponse });

export const searchPersonsQuery = z.strictObject({
  q: z.string().trim().min(2).max(100),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(20).default(20),
});

export const searchPersonsResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      nir: z.string().nullable(),
      givenNames: z.string(),
      familyName: z.string(),
      usageName: z.string().nullable(),
      birthDate: isoDate,
      sex,
      communeName: z.string().nullable(),
    }),
  ),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  matchedBy: z.enum(['nir', 'name']),
});

export const personIdParams = z.strictObject({ id: z.uuid() });
