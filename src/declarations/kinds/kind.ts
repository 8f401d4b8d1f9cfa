// What each declaration type provides: its form's schema, the form's defaults from what Guichet
// knows, and the message the bodies receive (content, the persons it is about, the variant that
// picks recipients such as the état civil for a marriage but not for a separation).
import type { z } from 'zod';
import type { PersonFile } from '../../people/index.ts';
import type { Db, Sql } from '../../platform/index.ts';
import type { Parties } from '../route-for-person.ts';

/** A relative the person may pick in a form (partner, child…), from their famille, foyer and ménage. */
export type Relative = { id: string; givenNames: string; familyName: string; birthDate: string; relation: string };

export type Prefill = { values: Record<string, unknown>; relatives: Relative[] };

export type Planned = { content: Record<string, unknown>; subjects: string[]; variant?: string };

export type DeclarationKind<Input extends { type: string }> = {
  type: Input['type'];
  input: z.ZodType<Input>;
  prefill: (parties: Parties, relatives: Relative[]) => Prefill['values'];
  plan: (db: Sql, input: Input, parties: Parties) => Promise<Planned>;
  /** Guichet's own record updated in the declaration's transaction (a new address…). */
  applyToGuichet?: (tx: Db | Sql, personId: string, input: Input) => Promise<void>;
};

export const defineKind = <Input extends { type: string }>(kind: DeclarationKind<Input>) => kind;

export type { PersonFile };
