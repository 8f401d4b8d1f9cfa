// The birth journey's facts for a person, from what Guichet knows of them and their famille: a
// pregnancy in the famille (theirs or the other parent's), or else a child under three.
import { addMonths, isAlsaceMoselle, type Sql } from '../../platform/index.ts';
import { findPerson, getPersonFile } from '../../people/index.ts';
import type { BirthFacts } from './journey.ts';

export const birthFactsOf = async (db: Sql, personId: string, today: string): Promise<BirthFacts | null> => {
  const file = await getPersonFile(db, personId);
  if (!file) return null;
  const members = file.famille?.members ?? [];
  const parents = members.filter((member) => member.role === 'parents');
  const children = members.filter((member) => member.role === 'enfants');
  let expectedBirthDate = file.person.situation?.isPregnant ? file.person.situation.pregnancyDueDate : null;
  for (const parent of parents) {
    if (expectedBirthDate || parent.id === personId) continue;
    const other = await findPerson(db, parent.id);
    if (other?.situation?.isPregnant) expectedBirthDate = other.situation.pregnancyDueDate;
  }
  const base = {
    isAlsaceMoselle: isAlsaceMoselle(file.person.address?.communeCode ?? ''),
    hasSecondParent: parents.length >= 2,
    isAgricultural: false,
    expectedChildren: 1,
  };
  if (expectedBirthDate) return { ...base, expectedBirthDate, previousChildren: children.length };
  // Born: the youngest child under three carries the journey on to their third birthday.
  const youngest = children
    .filter((child) => addMonths(child.birthDate, 36) > today)
    .sort((a, b) => (a.birthDate < b.birthDate ? 1 : -1))[0];
  if (!youngest) return null;
  return {
    ...base,
    expectedBirthDate: youngest.birthDate,
    birthDate: youngest.birthDate,
    previousChildren: children.filter((child) => child.birthDate < youngest.birthDate).length,
  };
};
