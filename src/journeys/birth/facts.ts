// The birth journey's facts for a person, from what Guichet knows of them and their famille. The
// famille's own declarations come first (a declared birth, else a declared pregnancy, by either
// parent); then what the person's file says (a pregnancy, or a child under three).
import { addMonths, isAlsaceMoselle } from '../../platform/index.ts';
import { findPerson } from '../../people/index.ts';
import type { FactsSource } from '../facts-source.ts';
import type { BirthFacts } from './journey.ts';

export const birthFactsOf = async ({ db, file, today, declarations }: FactsSource): Promise<BirthFacts | null> => {
  const personId = file.person.id;
  const members = file.famille?.members ?? [];
  const parents = members.filter((member) => member.role === 'parents');
  const children = members.filter((member) => member.role === 'enfants');
  const base = {
    isAlsaceMoselle: isAlsaceMoselle(file.person.address?.communeCode ?? ''),
    hasSecondParent: parents.length >= 2,
    isAgricultural: false,
    expectedChildren: 1,
  };
  const childrenBefore = (date: string) => children.filter((child) => child.birthDate < date).length;

  const birth = declarations.latest('naissance');
  const pregnancy = declarations.latest('grossesse');
  if (birth && birth.content.type === 'naissance') {
    const birthDate = birth.content.children[0]!.birthDate;
    if (addMonths(birthDate, 36) <= today) return null;
    const expectedBirthDate =
      pregnancy?.content.type === 'grossesse' && pregnancy.createdAt < birth.createdAt
        ? pregnancy.content.expectedOn
        : birthDate;
    return {
      ...base,
      expectedBirthDate,
      birthDate,
      expectedChildren: birth.content.children.length,
      previousChildren: childrenBefore(birthDate),
    };
  }
  if (pregnancy?.content.type === 'grossesse' && pregnancy.content.expectedOn >= addMonths(today, -1))
    return { ...base, expectedBirthDate: pregnancy.content.expectedOn, previousChildren: children.length };

  let expectedBirthDate = file.person.situation?.isPregnant ? file.person.situation.pregnancyDueDate : null;
  for (const parent of parents) {
    if (expectedBirthDate || parent.id === personId) continue;
    const other = await findPerson(db, parent.id);
    if (other?.situation?.isPregnant) expectedBirthDate = other.situation.pregnancyDueDate;
  }
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
    previousChildren: childrenBefore(youngest.birthDate),
  };
};
