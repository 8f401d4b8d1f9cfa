// Two kinds of failure the engine tells apart: a question Guichet cannot answer yet
// (not supported: unknown variable, period before the dated parameters), and a malformed
// situation (a wrong date, an unknown person in a role), which names the path at fault.

/** Guichet does not know how to answer this (yet): never a silent wrong or stale value. */
export class NotSupportedError extends Error {
  override name = 'NotSupportedError';
}

/** The situation itself is wrong; `path` names where, as in OpenFisca's error responses. */
export class SituationError extends Error {
  override name = 'SituationError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path} : ${message}`);
  }
}
