// What every body's batch handler of `naissance.declaree` starts with: the births of the run read
// (an unreadable one refused), the parents' NIRs to look their files up in one statement, and a
// pass over the readable births in order.
import { birthDeclaredContent, type BirthDeclaredContent, type Envelope } from '../exchange/index.ts';
import { BodyRejection, type Applied } from './node.ts';
import { nirsOf, readEach } from './store.ts';

export type BirthRun = {
  /** Every parent's NIR in the run, once each. */
  nirs: string[];
  /** Per message in order, what `apply` returns for it, or the refusal of an unreadable one. */
  each: (
    apply: (birth: BirthDeclaredContent, envelope: Envelope, parents: string[]) => Applied | BodyRejection | void,
  ) => (Applied | BodyRejection)[];
};

export const readBirths = (envelopes: Envelope[]): BirthRun => {
  const births = readEach(birthDeclaredContent, envelopes);
  const parentsOf = (birth: BirthDeclaredContent) => nirsOf(birth.declarant, birth.otherParent);
  return {
    nirs: [...new Set(births.flatMap((birth) => (birth instanceof BodyRejection ? [] : parentsOf(birth))))],
    each: (apply) =>
      births.map((birth, index) =>
        birth instanceof BodyRejection ? birth : (apply(birth, envelopes[index]!, parentsOf(birth)) ?? {}),
      ),
  };
};
