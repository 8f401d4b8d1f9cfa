// What a citizen may declare: one schema per type (in kinds/), discriminated by `type`. Strict: an
// unknown field is refused, naming it.
import { z } from 'zod';
import { activityDeclarationInput } from './kinds/activite.ts';
import { addressDeclarationInput } from './kinds/adresse.ts';
import { bankDetailsDeclarationInput } from './kinds/banque.ts';
import { deathDeclarationInput } from './kinds/deces.ts';
import { householdDeclarationInput } from './kinds/foyer.ts';
import { pregnancyDeclarationInput } from './kinds/grossesse.ts';
import { birthDeclarationInput } from './kinds/naissance.ts';

export const declarationInput = z.discriminatedUnion('type', [
  birthDeclarationInput,
  pregnancyDeclarationInput,
  addressDeclarationInput,
  householdDeclarationInput,
  activityDeclarationInput,
  bankDetailsDeclarationInput,
  deathDeclarationInput,
]);
export type DeclarationInput = z.infer<typeof declarationInput>;
export type DeclarationType = DeclarationInput['type'];

export { birthDeclarationInput, type BirthDeclarationInput } from './kinds/naissance.ts';
