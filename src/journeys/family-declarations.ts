// The declarations made by a person and by the other parent of their famille: a journey starts
// from them, and a step a declaration accomplishes is done once a body has acknowledged it.
import { listDeclarations, type Declaration } from '../declarations/index.ts';
import type { PersonFile } from '../people/index.ts';
import type { Sql } from '../platform/index.ts';
import type { DeclaredBy } from './journey.ts';

export type FamilyDeclarations = {
  all: Declaration[];
  /** The latest declaration of a type, or undefined. */
  latest: (type: Declaration['type']) => Declaration | undefined;
  /** The latest declaration of a type the person made themself (a job, a pension are their own). */
  latestOwn: (type: Declaration['type']) => Declaration | undefined;
  /** A body has received or processed the latest declaration of this type made by `declaredBy`. */
  isAcknowledged: (type: string, declaredBy: DeclaredBy) => boolean;
};

const newestFirst = (a: Declaration, b: Declaration) => (a.createdAt < b.createdAt ? 1 : -1);

const isAcknowledged = (declaration: Declaration | undefined) =>
  declaration?.recipients.some((recipient) => recipient.status === 'received' || recipient.status === 'processed') ??
  false;

/** The person's own declarations and those of the other parent(s) of their famille, read together. */
const declarationsOf = (own: Declaration[], otherParents: Declaration[]): FamilyDeclarations => {
  const mine = [...own].sort(newestFirst);
  const all = [...own, ...otherParents].sort(newestFirst);
  const latest = (type: string) => all.find((declaration) => declaration.type === type);
  const latestOwn = (type: string) => mine.find((declaration) => declaration.type === type);
  return {
    all,
    latest,
    latestOwn,
    isAcknowledged: (type, declaredBy) => isAcknowledged(declaredBy === 'person' ? latestOwn(type) : latest(type)),
  };
};

export const familyDeclarations = async (db: Sql, file: PersonFile): Promise<FamilyDeclarations> => {
  const personId = file.person.id;
  const otherParents = (file.famille?.members ?? []).filter(
    (member) => member.role === 'parents' && member.id !== personId,
  );
  const [own, ...others] = await Promise.all(
    [personId, ...otherParents.map((member) => member.id)].map((id) => listDeclarations(db, id)),
  );
  return declarationsOf(own!, others.flat());
};
