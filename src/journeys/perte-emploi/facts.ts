// The job-loss journey's facts: the end of a job the person declared themself in the last year,
// unless a later declaration of theirs (a new job, retirement) says otherwise.
import { addMonths, isAlsaceMoselle } from '../../platform/index.ts';
import type { FactsSource } from '../facts-source.ts';
import type { JobLossFacts } from './journey.ts';

export const jobLossFactsOf = async ({ file, today, declarations }: FactsSource): Promise<JobLossFacts | null> => {
  const activity = declarations.latestOwn('activite');
  if (activity?.content.type !== 'activite' || activity.content.event !== 'perte_emploi') return null;
  const contractEndedOn = activity.content.eventOn;
  if (addMonths(contractEndedOn, 12) <= today) return null;
  return {
    contractEndedOn,
    isAlsaceMoselle: isAlsaceMoselle(file.person.address?.communeCode ?? ''),
    wasEmployee: file.person.situation?.employmentStatus !== 'independant',
  };
};
