// The declaration types by name, each from its own file in kinds/.
import type { DeclarationInput, DeclarationType } from './declaration-input.ts';
import { activityKind } from './kinds/activite.ts';
import { addressKind } from './kinds/adresse.ts';
import { bankDetailsKind } from './kinds/banque.ts';
import { deathKind } from './kinds/deces.ts';
import { householdKind } from './kinds/foyer.ts';
import { pregnancyKind } from './kinds/grossesse.ts';
import type { DeclarationKind } from './kinds/kind.ts';
import { birthKind } from './kinds/naissance.ts';

type KindOf<T extends DeclarationType> = DeclarationKind<Extract<DeclarationInput, { type: T }>>;

export const DECLARATION_KINDS: { [T in DeclarationType]: KindOf<T> } = {
  grossesse: pregnancyKind,
  naissance: birthKind,
  adresse: addressKind,
  foyer: householdKind,
  activite: activityKind,
  banque: bankDetailsKind,
  deces: deathKind,
};

/** In the order the "Déclarer un changement" page lists them. */
export const DECLARATION_TYPES = Object.keys(DECLARATION_KINDS) as DeclarationType[];

export const isDeclarationType = (type: string): type is DeclarationType => type in DECLARATION_KINDS;

/** The kind of a validated input (one lookup, the input's own type keeps them paired). */
export const kindOf = <I extends DeclarationInput>(input: I) =>
  DECLARATION_KINDS[input.type] as unknown as DeclarationKind<I>;
