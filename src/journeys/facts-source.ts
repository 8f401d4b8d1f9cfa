// What a journey's facts are read from, gathered once per calendar request: the person's file, the
// declarations of their famille, the day, and the journeys Guichet recorded them starting.
import type { PersonFile } from '../people/index.ts';
import type { Sql } from '../platform/index.ts';
import type { FamilyDeclarations } from './family-declarations.ts';

export type FactsSource = {
  db: Sql;
  file: PersonFile;
  today: string;
  declarations: FamilyDeclarations;
  /** The day a journey no declaration starts was first found for the person (journey-starts.ts), if it was. */
  startedOn: (journey: string) => string | undefined;
};
