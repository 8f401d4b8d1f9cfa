// Since 1 January 2019 (loi organique n° 2016-1048), one can register on the electoral roll all year
// long; to vote at a ballot, the request must be made by the 6th Friday before it (Code électoral,
// art. L17). The ballots Guichet knows of are dated data with their source.
import { addDays, isoWeekday } from '../../platform/index.ts';
import type { Text } from '../journey.ts';

export type Ballot = { name: Text; firstRoundOn: string; source: string };

export const BALLOTS: Ballot[] = [
  {
    name: { fr: 'l’élection présidentielle', en: 'the presidential election' },
    // The earliest possible Sunday: the election takes place 20 to 35 days before the end of the
    // mandate begun on 14 May 2022 (so between 8 and 23 April 2027).
    firstRoundOn: '2027-04-11',
    source: 'Constitution du 4 octobre 1958, art. 7',
  },
];

/** The 6th Friday before a ballot: the last day to ask to be registered for it. */
export const registrationDeadline = (ballotOn: string) => {
  const previousFriday = addDays(ballotOn, -((isoWeekday(ballotOn) - 5 + 7) % 7 || 7));
  return addDays(previousFriday, -5 * 7);
};

/** The next ballot one can still register for on a day, or null when none is scheduled. */
export const nextBallotOpenOn = (day: string, ballots: Ballot[] = BALLOTS) =>
  ballots
    .filter((ballot) => registrationDeadline(ballot.firstRoundOn) >= day)
    .sort((a, b) => (a.firstRoundOn < b.firstRoundOn ? -1 : 1))[0] ?? null;
