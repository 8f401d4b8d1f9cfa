// The NIR ("numéro de sécurité sociale"): 13 characters that describe the person, then a 2-digit
// control key. Layout (INSEE): sex (1), year (2), month (2), place of birth (5: department and
// commune, or 99 and the country code), order number (3), key (2).
import { z } from 'zod';
import { bilingual, type Messages } from '../platform/index.ts';

/** Why a NIR is refused; each has a message in both languages. */
export type NirProblem = 'length' | 'characters' | 'sex' | 'month' | 'department' | 'commune' | 'order' | 'key';

export type ParsedNir = {
  /** The 15 characters, no spaces, Corsica as 2A/2B. */
  nir: string;
  /** 1 man, 2 woman; 3/4 and 7/8 are provisional numbers (same parity). */
  sexDigit: number;
  sex: 'M' | 'F';
  isProvisional: boolean;
  /** Last two digits of the birth year. */
  year2: string;
  /** 1–12, or a special value (20–42, 50–99) when the month was unknown. */
  month: number;
  /** INSEE code of the birth commune, or 99 + the country code for a birth abroad: the same 5 characters as in the NIR. */
  birthPlace: string;
  order: string;
  key: string;
};

export type NirCheck = { ok: true; value: ParsedNir } | { ok: false; problem: NirProblem; messages: Messages };

const MESSAGES: Record<NirProblem, Messages> = {
  length: {
    fr: 'Le numéro de sécurité sociale doit compter 15 caractères : 13 chiffres puis la clé de 2 chiffres.',
    en: 'The social security number must have 15 characters: 13 digits then the 2-digit key.',
  },
  characters: {
    fr: 'Le numéro de sécurité sociale ne contient que des chiffres (et 2A ou 2B pour une naissance en Corse).',
    en: 'The social security number contains digits only (and 2A or 2B for a birth in Corsica).',
  },
  sex: {
    fr: 'Le premier chiffre du numéro de sécurité sociale doit être 1 (homme) ou 2 (femme).',
    en: 'The first digit of the social security number must be 1 (man) or 2 (woman).',
  },
  month: {
    fr: 'Le mois de naissance (4e et 5e chiffres) n’est pas valide.',
    en: 'The birth month (4th and 5th digits) is not valid.',
  },
  department: {
    fr: 'Le département de naissance (6e et 7e caractères) n’est pas valide.',
    en: 'The department of birth (6th and 7th characters) is not valid.',
  },
  commune: {
    fr: 'La commune ou le pays de naissance (8e à 10e chiffres) n’est pas valide.',
    en: 'The commune or country of birth (8th to 10th digits) is not valid.',
  },
  order: {
    fr: 'Le numéro d’ordre (11e à 13e chiffres) ne peut pas être 000.',
    en: 'The order number (11th to 13th digits) cannot be 000.',
  },
  key: {
    fr: 'La clé (les 2 derniers chiffres) ne correspond pas au numéro : vérifiez chaque chiffre.',
    en: 'The key (the last 2 digits) does not match the number: check each digit.',
  },
};

/** Removes spaces, dots and dashes people type, and upper-cases 2a/2b. */
export const normalizeNir = (input: string) => input.replace(/[\s.-]/g, '').toUpperCase();

/**
 * The control key of the first 13 characters: 97 − (n mod 97). For Corsica, INSEE computes with
 * 2A read as 19 and 2B as 18, which is the number with A/B read as 0, minus 1,000,000 or 2,000,000.
 */
export const nirKey = (first13: string): string => {
  const corsica = first13.slice(5, 7);
  const numeric = Number(first13.replace(/[AB]/, '0'));
  const n = corsica === '2A' ? numeric - 1_000_000 : corsica === '2B' ? numeric - 2_000_000 : numeric;
  return String(97 - (n % 97)).padStart(2, '0');
};

const fail = (problem: NirProblem): NirCheck => ({ ok: false, problem, messages: MESSAGES[problem] });

const isValidMonth = (month: number) => (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;

// Place of birth: 2 digits of department + 3 of commune; overseas 3 + 2; abroad 99 + country.
const placeProblem = (place: string): NirProblem | undefined => {
  const department = place.slice(0, 2);
  if (department === '2A' || department === '2B')
    return /^\d{3}$/.test(place.slice(2)) && place.slice(2) !== '000' ? undefined : 'commune';
  if (!/^\d{5}$/.test(place)) return 'characters';
  if (department === '00') return 'department';
  if (department === '97' || department === '98') {
    if (place[2] === '0') return 'department';
    return place.slice(3) === '00' ? 'commune' : undefined;
  }
  return place.slice(2) === '000' ? 'commune' : undefined;
};

/** Checks a NIR typed by a person (spaces allowed) and says why it is refused. */
export const checkNir = (input: string): NirCheck => {
  const nir = normalizeNir(input);
  if (nir.length !== 15) return fail('length');
  if (!/^\d{5}(\d{2}|2A|2B)\d{8}$/.test(nir)) return fail('characters');
  const sexDigit = Number(nir[0]);
  if (![1, 2, 3, 4, 7, 8].includes(sexDigit)) return fail('sex');
  const month = Number(nir.slice(3, 5));
  if (!isValidMonth(month)) return fail('month');
  const birthPlace = nir.slice(5, 10);
  const problem = placeProblem(birthPlace);
  if (problem) return fail(problem);
  const order = nir.slice(10, 13);
  if (order === '000') return fail('order');
  const key = nir.slice(13);
  if (key !== nirKey(nir.slice(0, 13))) return fail('key');
  return {
    ok: true,
    value: {
      nir,
      sexDigit,
      sex: sexDigit % 2 === 1 ? 'M' : 'F',
      isProvisional: sexDigit > 2,
      year2: nir.slice(1, 3),
      month,
      birthPlace,
      order,
      key,
    },
  };
};

/** True when the input is a valid NIR once spaces are removed. */
export const isValidNir = (input: string) => checkNir(input).ok;

/** Builds a valid NIR from its parts (used by the demo population and tests). */
export const buildNir = ({
  sex,
  birthDate,
  birthPlace,
  order,
}: {
  sex: 'M' | 'F';
  birthDate: string;
  birthPlace: string;
  order: number;
}) => {
  const first13 = `${sex === 'M' ? 1 : 2}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthPlace}${String(order).padStart(3, '0')}`;
  return `${first13}${nirKey(first13)}`;
};

/** Groups a NIR as it is printed on the carte Vitale: 2 84 05 69 383 042 17. */
export const formatNir = (nir: string) => {
  const n = normalizeNir(nir);
  return [n[0], n.slice(1, 3), n.slice(3, 5), n.slice(5, 7), n.slice(7, 10), n.slice(10, 13), n.slice(13)].join(' ');
};

/** A NIR in a request: spaces accepted, stored normalised; the message names the reason. */
export const nirSchema = z
  .string()
  .superRefine((value, context) => {
    const check = checkNir(value);
    if (!check.ok) context.addIssue({ code: 'custom', ...bilingual(check.messages) });
  })
  .transform(normalizeNir);
