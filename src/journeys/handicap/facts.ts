// The disability journey's facts, from the person's file: their own disability rate and their
// children's (a parent carries the child's file).
import { addMonths, isAlsaceMoselle, type Sql } from '../../platform/index.ts';
import { findPerson, getPersonFile } from '../../people/index.ts';
import type { FamilyDeclarations } from '../family-declarations.ts';
import type { DisabilityFacts } from './journey.ts';

export const disabilityFactsOf = async (
  db: Sql,
  personId: string,
  today: string,
  _declarations: FamilyDeclarations,
): Promise<DisabilityFacts | null> => {
  const file = await getPersonFile(db, personId);
  if (!file) return null;
  const isParent = (file.famille?.members ?? []).some((member) => member.id === personId && member.role === 'parents');
  const children = isParent
    ? (file.famille?.members ?? []).filter(
        (member) => member.role === 'enfants' && addMonths(member.birthDate, 240) > today,
      )
    : [];
  const childRates = await Promise.all(
    children.map(async (child) => (await findPerson(db, child.id))?.situation?.disabilityRate ?? 0),
  );
  const ownRate = file.person.situation?.disabilityRate ?? 0;
  const childrenWithDisability = childRates.filter((rate) => rate >= 50).length;
  if (ownRate < 50 && childrenWithDisability === 0) return null;
  const birthDate = file.person.birthDate;
  return {
    today,
    isAlsaceMoselle: isAlsaceMoselle(file.person.address?.communeCode ?? ''),
    ownRate,
    isOfWorkingAge: addMonths(birthDate, 16 * 12) <= today && addMonths(birthDate, 62 * 12) > today,
    childrenWithDisability,
  };
};
