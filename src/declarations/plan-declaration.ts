// What sending a declaration would do, without writing anything: the parties, the message content
// and the bodies it goes to (the preview shows exactly what the submission then sends).
import type { Hub } from '../exchange/index.ts';
import type { Sql } from '../platform/index.ts';
import { kindOf } from './declaration-kinds.ts';
import type { DeclarationInput } from './declaration-input.ts';
import { findParties, routeForPerson } from './route-for-person.ts';

export const planDeclaration = async (db: Sql, hub: Hub, personId: string, input: DeclarationInput) => {
  const parties = await findParties(db, personId);
  const planned = await kindOf(input).plan(db, input, parties);
  const routing = await routeForPerson(db, hub, input.type, parties, {
    subjects: planned.subjects,
    variant: planned.variant,
  });
  return { parties, routing, ...planned };
};
