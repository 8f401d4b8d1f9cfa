// Who a person's declaration concerns and where it goes: the declarant, the other parent from the
// famille, and the hub's routing for them (bodies, purposes, legal bases).
import { routeDeclaration, type Hub, type Routing } from '../exchange/index.ts';
import { getPersonFile, type PersonFile } from '../people/index.ts';
import { AppError, notFound, type Sql } from '../platform/index.ts';
import type { Relative } from './kinds/kind.ts';

type Named = { nir: string; givenNames: string; familyName: string };

export type Parties = {
  file: PersonFile;
  declarant: Named;
  otherParent: Named | null;
  /** The other parent's (or partner's) own record, for what a form pre-fills about them. */
  otherPerson: PersonFile['person'] | null;
};

export const findParties = async (db: Sql, personId: string): Promise<Parties> => {
  const file = await getPersonFile(db, personId);
  if (!file) throw notFound({ fr: 'Personne', en: 'Person' });
  if (!file.person.nir)
    throw new AppError('nir_unknown', {
      status: 409,
      messages: {
        fr: 'Votre numéro de sécurité sociale n’est pas encore connu : une déclaration ne peut pas être transmise.',
        en: 'Your social security number is not known yet: a declaration cannot be sent.',
      },
    });
  const otherId = file.famille?.members.find((member) => member.role === 'parents' && member.id !== personId)?.id;
  const other = otherId ? await getPersonFile(db, otherId) : null;
  const asParent = (person: PersonFile['person']) => ({
    nir: person.nir!,
    givenNames: person.givenNames,
    familyName: person.familyName,
  });
  return {
    file,
    declarant: asParent(file.person),
    otherParent: other?.person.nir ? asParent(other.person) : null,
    otherPerson: other?.person ?? null,
  };
};

/** The persons of the person's famille, foyer fiscal and ménage other than themself, once each. */
export const relativesOf = (file: PersonFile): Relative[] => {
  const relation = (group: string, role: string) =>
    role === 'enfants' || role === 'personnes_a_charge'
      ? 'enfant'
      : role === 'parents' ||
          role === 'conjoint' ||
          role === 'declarants' ||
          (group === 'menage' && role === 'personne_de_reference')
        ? 'conjoint'
        : 'autre';
  const relatives = new Map<string, Relative>();
  for (const [group, members] of [
    ['famille', file.famille?.members ?? []],
    ['foyer', file.foyerFiscal?.members ?? []],
    ['menage', file.menage?.members ?? []],
  ] as const)
    for (const member of members)
      if (member.id !== file.person.id && !relatives.has(member.id))
        relatives.set(member.id, {
          id: member.id,
          givenNames: member.givenNames,
          familyName: member.familyName,
          birthDate: member.birthDate,
          relation: relation(group, member.role),
        });
  return [...relatives.values()];
};

/** The declarant and the other parent, then anyone else the declaration is about (the deceased…). */
export const subjectsOf = (parties: Parties, ...others: string[]) => [
  ...new Set([parties.declarant.nir, ...(parties.otherParent ? [parties.otherParent.nir] : []), ...others]),
];

export const routeForPerson = async (
  db: Sql,
  hub: Hub,
  type: string,
  parties: Parties,
  { subjects = subjectsOf(parties), variant }: { subjects?: string[]; variant?: string } = {},
): Promise<Routing> => {
  const routing = await routeDeclaration(db, hub, { type, nirs: subjects, variant });
  if (!routing)
    throw new AppError('unknown_type', {
      field: 'type',
      messages: { fr: 'Type de déclaration inconnu.', en: 'Unknown declaration type.' },
    });
  return routing;
};
