// Who a person's declaration concerns and where it goes: the declarant, the other parent from the
// famille, and the hub's routing for them (bodies, purposes, legal bases).
import { routeDeclaration, type Hub, type Routing } from '../exchange/index.ts';
import { getPersonFile, type PersonFile } from '../people/index.ts';
import { AppError, notFound, type Sql } from '../platform/index.ts';

export type Parties = {
  file: PersonFile;
  declarant: { nir: string; givenNames: string; familyName: string };
  otherParent: { nir: string; givenNames: string; familyName: string } | null;
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
  return { file, declarant: asParent(file.person), otherParent: other?.person.nir ? asParent(other.person) : null };
};

export const routeForPerson = async (db: Sql, hub: Hub, type: string, parties: Parties): Promise<Routing> => {
  const routing = await routeDeclaration(db, hub, {
    type,
    nirs: [parties.declarant.nir, ...(parties.otherParent ? [parties.otherParent.nir] : [])],
  });
  if (!routing)
    throw new AppError('unknown_type', {
      field: 'type',
      messages: { fr: 'Type de déclaration inconnu.', en: 'Unknown declaration type.' },
    });
  return routing;
};
