// The authorisation matrix, read from authorisations.yaml and checked against its schema at load.
import fs from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { PARTIES } from './parties.ts';

const isoDate = z.union([z.iso.date(), z.date().transform((date) => date.toISOString().slice(0, 10))]);

const authorisationSchema = z
  .object({
    party: z.enum(PARTIES),
    category: z.string().min(1),
    purpose: z.string().min(1),
    scope: z.enum(['dossier', 'competence']),
    legalBasis: z.string().min(1),
    decision: z.object({ reference: z.string().min(1), date: isoDate }).strict(),
  })
  .strict();
export type Authorisation = z.infer<typeof authorisationSchema>;

export const loadAuthorisations = (
  file = new URL('./authorisations.yaml', import.meta.url),
): readonly Authorisation[] => z.array(authorisationSchema).parse(parse(fs.readFileSync(file, 'utf8')));

let matrix: readonly Authorisation[] | undefined;
export const authorisations = () => (matrix ??= loadAuthorisations());

/** The decision that allows this exchange on this day, or undefined. */
export const findAuthorisation = (
  { recipient, category, purpose, on }: { recipient: string; category: string; purpose: string; on: string },
  matrixRows: readonly Authorisation[] = authorisations(),
) =>
  matrixRows.find(
    (row) => row.party === recipient && row.category === category && row.purpose === purpose && row.decision.date <= on,
  );
