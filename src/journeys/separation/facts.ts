// The separation journey's facts: a separation declared by either member of the couple in the last
// year (a later union declared ends it), the children and the housing from the person's file.
import { addMonths, isAlsaceMoselle } from '../../platform/index.ts';
import { isTenant } from '../../people/index.ts';
import type { FactsSource } from '../facts-source.ts';
import type { SeparationFacts } from './journey.ts';

export const separationFactsOf = async ({
  file,
  today,
  declarations,
}: FactsSource): Promise<SeparationFacts | null> => {
  const household = declarations.latest('foyer');
  if (household?.content.type !== 'foyer' || household.content.event !== 'separation') return null;
  const separatedOn = household.content.eventOn;
  if (addMonths(separatedOn, 12) <= today) return null;
  return {
    separatedOn,
    isAlsaceMoselle: isAlsaceMoselle(file.person.address?.communeCode ?? ''),
    children: (file.famille?.members ?? []).filter(
      (member) => member.role === 'enfants' && addMonths(member.birthDate, 240) > separatedOn,
    ).length,
    isTenant: isTenant(file.menage?.statutOccupationLogement),
  };
};
