// A citizen changes how to reach them: e-mail, phone, postal address. Their identity (names, NIR,
// birth) is not theirs to change here: it comes from the civil registry.
import { z } from 'zod';
import { bilingual, notFound, type Sql } from '../platform/index.ts';
import { findPerson, forgetRecentPersonFiles, type Person } from './person-file.ts';

// French numbers (0X XX XX XX XX) or international (+CC…), stored as E.164 without spaces.
const phone = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s.\-()]/g, ''))
  .refine(
    (value) => /^0[1-9]\d{8}$/.test(value) || /^\+[1-9]\d{7,14}$/.test(value),
    bilingual({
      fr: 'Le numéro de téléphone doit compter 10 chiffres (par exemple 06 12 34 56 78) ou commencer par + et l’indicatif du pays.',
      en: 'The phone number must have 10 digits (for example 06 12 34 56 78) or start with + and the country code.',
    }),
  )
  .transform((value) => (value.startsWith('0') ? `+33${value.slice(1)}` : value));

const isEmail = (value: string) => z.email().safeParse(value).success;

const email = z
  .string()
  .trim()
  .max(254)
  .refine(
    isEmail,
    bilingual({
      fr: 'L’adresse électronique n’est pas valide : elle doit ressembler à nom@exemple.fr.',
      en: 'The e-mail address is not valid: it should look like name@example.com.',
    }),
  )
  .transform((value) => value.toLowerCase());

const address = z.strictObject({
  label: z.string().trim().min(3).max(200),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, bilingual({ fr: 'Le code postal compte 5 chiffres.', en: 'The postcode has 5 digits.' })),
  communeCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^(\d{2}|2A|2B)\d{3}$/,
      bilingual({
        fr: 'Le code INSEE de la commune compte 5 caractères (par exemple 69123).',
        en: 'The INSEE commune code has 5 characters (for example 69123).',
      }),
    ),
  communeName: z.string().trim().min(1).max(100),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
});

/** What a citizen may change; unknown fields are refused, `null` clears a field. */
export const updateContactInput = z.strictObject({
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  address: address.nullable().optional(),
});
export type UpdateContactInput = z.infer<typeof updateContactInput>;

/** Writes the given contact fields of one person in one statement; the others stay as they are. */
export const updateContact = async (db: Sql, personId: string, input: UpdateContactInput): Promise<Person> => {
  const has = (key: keyof UpdateContactInput) => input[key] !== undefined;
  const rows = await db.query(
    `update people.persons set
       email = case when $2 then $3 else email end,
       phone = case when $4 then $5 else phone end,
       address_label = case when $6 then $7 else address_label end,
       address_postcode = case when $6 then $8 else address_postcode end,
       address_commune_code = case when $6 then $9 else address_commune_code end,
       address_commune_name = case when $6 then $10 else address_commune_name end,
       address_lat = case when $6 then $11::double precision else address_lat end,
       address_lon = case when $6 then $12::double precision else address_lon end,
       updated_at = now()
     where id = $1 returning id`,
    [
      personId,
      has('email'),
      input.email ?? null,
      has('phone'),
      input.phone ?? null,
      has('address'),
      input.address?.label ?? null,
      input.address?.postcode ?? null,
      input.address?.communeCode ?? null,
      input.address?.communeName ?? null,
      input.address?.lat ?? null,
      input.address?.lon ?? null,
    ],
  );
  if (!rows.length) throw notFound({ fr: 'Personne', en: 'Person' });
  forgetRecentPersonFiles();
  return (await findPerson(db, personId))!;
};
