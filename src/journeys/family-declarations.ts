// The declarations made by a person and by the other parent of their famille: a journey starts
// from them, and a step a declaration accomplishes is done once a body has acknowledged it.
import { listDeclarations, type Declaration } from '../declarations/index.ts';
import { getPersonFile } from '../people/index.ts';
import type { Sql } from '../platform/index.ts';

export type FamilyDeclarations = {
  all: Declaration[];
  /** The latest declaration of a type, or undefined. */
  latest: (type: Declaration['type']) => Declaration | undefined;
  /** The latest declaration of a type the person made themself (a job, a pension are their own). */
  latestOwn: (type: Declaration['type']) => Declaration | undefined;
  /** Types with at least one declaration a body has received or processed. */
  acknowledged: ReadonlySet<string>;
};

export const familyDeclarations = async (db: Sql, personId: string): Promise<FamilyDeclarations> => {
  const file = await getPersonFile(db, personId);
  const parentIds = new Set([
    personId,
    ...(file?.famille?.members ?? []).filter((member) => member.role === 'parents').map((member) => member.id),
  ]);
  const newestFirst = (a: Declaration, b: Declaration) => (a.createdAt < b.createdAt ? 1 : -1);
  const byParent = await Promise.all([...parentIds].map((id) => listDeclarations(db, id)));
  const own = [...byParent[0]!].sort(newestFirst);
  const all = byParent.flat().sort(newestFirst);
  return {
    all,
    latest: (type) => all.find((declaration) => declaration.type === type),
    latestOwn: (type) => own.find((declaration) => declaration.type === type),
    acknowledged: new Set(
      all
        .filter((declaration) =>
          declaration.recipients.some(
            (recipient) => recipient.status === 'received' || recipient.status === 'processed',
          ),
        )
        .map((declaration) => declaration.type),
    ),
  };
};
