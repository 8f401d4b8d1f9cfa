// The bereavement journey's facts: a death declared by the person or the other parent of their
// famille in the last year.
import { addMonths, isAlsaceMoselle } from '../../platform/index.ts';
import type { FactsSource } from '../facts-source.ts';
import type { BereavementFacts } from './journey.ts';

export const bereavementFactsOf = async ({ today, declarations }: FactsSource): Promise<BereavementFacts | null> => {
  const death = declarations.latest('deces');
  if (death?.content.type !== 'deces') return null;
  const { diedOn, place, relation } = death.content;
  if (addMonths(diedOn, 12) <= today) return null;
  return { diedOn, isAlsaceMoselle: isAlsaceMoselle(place), relation };
};
