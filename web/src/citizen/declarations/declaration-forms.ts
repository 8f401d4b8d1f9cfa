// The form of each declaration type, as data: which fields, in which order, of which kind. Labels
// and hints come from the i18n files (`declare.field.<name>`, `declare.hint.<name>`); the server
// checks everything again and names the field at fault.
import type { DeclarationType } from '../../api.ts';

export type FieldSpec =
  | { kind: 'text'; name: string; autoComplete?: string; hint?: string; optional?: boolean; upperCase?: boolean }
  | { kind: 'date'; name: string }
  | { kind: 'euros'; name: string }
  | { kind: 'choice'; name: string; options: readonly string[] }
  | { kind: 'relative'; name: string }
  | { kind: 'children'; name: string };

const commune = (name: string, optional = false): FieldSpec => ({
  kind: 'text',
  name,
  hint: 'declare.hint.communeCode',
  optional,
  upperCase: true,
});

export const CHILD_FIELDS: FieldSpec[] = [
  { kind: 'text', name: 'givenNames' },
  { kind: 'text', name: 'familyName', autoComplete: 'family-name' },
  { kind: 'choice', name: 'sex', options: ['F', 'M'] },
  { kind: 'date', name: 'birthDate' },
  commune('birthPlace'),
];

export const DECLARATION_FORMS: Record<DeclarationType, FieldSpec[]> = {
  grossesse: [
    { kind: 'date', name: 'expectedOn' },
    { kind: 'choice', name: 'pregnantPerson', options: ['declarant', 'otherParent'] },
  ],
  naissance: [{ kind: 'children', name: 'children' }],
  adresse: [
    { kind: 'date', name: 'movedOn' },
    { kind: 'text', name: 'address.label', autoComplete: 'street-address' },
    { kind: 'text', name: 'address.postcode', autoComplete: 'postal-code' },
    commune('address.communeCode'),
    { kind: 'text', name: 'address.communeName', autoComplete: 'address-level2' },
  ],
  foyer: [
    { kind: 'choice', name: 'event', options: ['mise_en_couple', 'pacs', 'mariage', 'separation'] },
    { kind: 'date', name: 'eventOn' },
    { kind: 'text', name: 'partnerGivenNames' },
    { kind: 'text', name: 'partnerFamilyName' },
    commune('communeCode', true),
  ],
  activite: [
    { kind: 'choice', name: 'event', options: ['nouvel_emploi', 'perte_emploi', 'retraite'] },
    { kind: 'date', name: 'eventOn' },
    { kind: 'euros', name: 'monthlyNetIncomeCents' },
  ],
  banque: [
    { kind: 'text', name: 'iban', hint: 'declare.hint.iban', upperCase: true },
    { kind: 'text', name: 'bic', hint: 'declare.hint.bic', upperCase: true },
    { kind: 'text', name: 'holder', autoComplete: 'name' },
  ],
  deces: [
    { kind: 'relative', name: 'relativeId' },
    { kind: 'choice', name: 'relation', options: ['conjoint', 'enfant', 'parent', 'autre'] },
    { kind: 'date', name: 'diedOn' },
    commune('place'),
  ],
};

export type FormValues = Record<string, unknown>;

/** The value at a dotted path (`address.postcode`, `children.0.sex`). */
export const valueAt = (values: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], values);

/** A copy of the values with one dotted path set. */
export const withValue = (values: FormValues, path: string, value: unknown): FormValues => {
  const [head, ...rest] = path.split('.');
  const key = head!;
  if (!rest.length)
    return Array.isArray(values) ? Object.assign([...values], { [key]: value }) : { ...values, [key]: value };
  const child = (values as Record<string, unknown>)[key];
  const next = withValue((child ?? (/^\d+$/.test(rest[0]!) ? [] : {})) as FormValues, rest.join('.'), value);
  return Array.isArray(values) ? Object.assign([...values], { [key]: next }) : { ...values, [key]: next };
};

/** The HTML id of a field's input, for labels and the error summary's links. */
export const fieldId = (path: string) => `champ-${path.replace(/\./g, '-')}`;

/** Euros typed by the person (« 1 850,50 ») to the cents the API takes, or null when not a number. */
export const eurosToCents = (text: string): number | null => {
  const normalised = text.replace(/[\s\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
};

export const centsToEuros = (cents: unknown) =>
  typeof cents === 'number' ? (cents / 100).toFixed(2).replace('.', ',').replace(/,00$/, '') : '';
