// The retirement journey's facts: the retirement the person declared themself, from 6 months
// before its date to a year after it.
import { addMonths, isAlsaceMoselle } from '../../platform/index.ts';
import type { FactsSource } from '../facts-source.ts';
import type { RetirementFacts } from './journey.ts';

const ageOn = (birthDate: string, day: string) => {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
};

export const retirementFactsOf = async ({
  file,
  today,
  declarations,
}: FactsSource): Promise<RetirementFacts | null> => {
  const activity = declarations.latestOwn('activite');
  if (activity?.content.type !== 'activite' || activity.content.event !== 'retraite') return null;
  const retiresOn = activity.content.eventOn;
  if (addMonths(retiresOn, 12) <= today) return null;
  return {
    retiresOn,
    isAlsaceMoselle: isAlsaceMoselle(file.person.address?.communeCode ?? ''),
    ageAtRetirement: ageOn(file.person.birthDate, retiresOn),
    isEmployee: file.person.situation?.employmentStatus === 'salarie',
  };
};
