// The disability journey's facts, from the person's file: their own disability rate and their
// children's (a parent carries the child's file). No declaration starts it: it starts the day
// Guichet first finds the disability in the file (journey-starts.ts) and lasts a year from then.
import { addMonths, isAlsaceMoselle } from '../../platform/index.ts';
import { findPerson } from '../../people/index.ts';
import type { FactsSource } from '../facts-source.ts';
import { forgetStart, recordStart } from '../journey-starts.ts';
import { disabilityJourney, type DisabilityFacts } from './journey.ts';

export const disabilityFactsOf = async ({
  db,
  file,
  today,
  startedOn,
}: FactsSource): Promise<DisabilityFacts | null> => {
  const personId = file.person.id;
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
  const recorded = startedOn(disabilityJourney.id);
  if (ownRate < 50 && childrenWithDisability === 0) {
    if (recorded) await forgetStart(db, personId, disabilityJourney.id);
    return null;
  }
  const since = recorded ?? (await recordStart(db, personId, disabilityJourney.id, today));
  if (addMonths(since, 12) <= today) return null;
  const birthDate = file.person.birthDate;
  return {
    startedOn: since,
    isAlsaceMoselle: isAlsaceMoselle(file.person.address?.communeCode ?? ''),
    ownRate,
    isOfWorkingAge: addMonths(birthDate, 16 * 12) <= today && addMonths(birthDate, 62 * 12) > today,
    childrenWithDisability,
  };
};
