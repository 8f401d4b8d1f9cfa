// The fields the declaration forms share, each refusing bad input with a message in French and
// English that names what is expected.
import { z } from 'zod';
import { addDays, bilingual, parisDate } from '../platform/index.ts';

// Today in France (Paris time), not in UTC: a baby born at 0:30 in Paris is born "today".
export const today = () => parisDate(Date.now());

const daysFromToday = (days: number) => addDays(today(), days);

export const personName = (max: number) =>
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

const isoDate = () =>
  z.iso.date(bilingual({ fr: 'Date attendue au format AAAA-MM-JJ.', en: 'Date expected as YYYY-MM-DD.' }));

export const pastDate = () =>
  isoDate().refine(
    (value) => value <= today(),
    bilingual({ fr: 'La date ne peut pas être dans le futur.', en: 'The date cannot be in the future.' }),
  );

/** A date from `before` days ago to `after` days ahead (a move declared a little in advance…). */
export const dateAround = ({ before, after }: { before: number; after: number }) =>
  isoDate()
    .refine(
      (value) => value >= daysFromToday(-before),
      bilingual({
        fr: `La date ne peut pas remonter à plus de ${before} jours.`,
        en: `The date cannot be more than ${before} days ago.`,
      }),
    )
    .refine(
      (value) => value <= daysFromToday(after),
      bilingual({
        fr: `La date ne peut pas dépasser ${after} jours à venir.`,
        en: `The date cannot be more than ${after} days ahead.`,
      }),
    );

export const communeCode = () =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^([0-9]{2}|2A|2B)[0-9]{3}$/,
      bilingual({
        fr: 'Code INSEE de la commune attendu (5 caractères, par exemple 75056).',
        en: 'INSEE commune code expected (5 characters, for example 75056).',
      }),
    );

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, bilingual({ fr: `Choisissez : ${values.join(', ')}.`, en: `Choose one of: ${values.join(', ')}.` }));
