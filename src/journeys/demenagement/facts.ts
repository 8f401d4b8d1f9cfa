// The moving-house journey's facts: the move the famille declared (by either parent) in the last
// year, the household's housing from the person's file, and the children of school age.
import { addMonths, isAlsaceMoselle } from '../../platform/index.ts';
import { isTenant } from '../../people/index.ts';
import type { FactsSource } from '../facts-source.ts';
import { nextBallotOpenOn } from './electoral-roll.ts';
import type { MovingFacts } from './journey.ts';

export const movingFactsOf = async ({ file, today, declarations }: FactsSource): Promise<MovingFacts | null> => {
  const move = declarations.latest('adresse');
  if (move?.content.type !== 'adresse') return null;
  const { movedOn, address } = move.content;
  if (addMonths(movedOn, 12) <= today) return null;
  const schoolChildren = (file.famille?.members ?? []).filter(
    (member) =>
      member.role === 'enfants' &&
      addMonths(member.birthDate, 36) <= movedOn &&
      addMonths(member.birthDate, 192) > movedOn,
  ).length;
  return {
    movedOn,
    isAlsaceMoselle: isAlsaceMoselle(address.communeCode),
    isTenant: isTenant(file.menage?.statutOccupationLogement),
    schoolChildren,
    nextBallot: nextBallotOpenOn(movedOn),
  };
};
