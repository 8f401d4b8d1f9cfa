import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../http/errors.ts';

export type Role = 'citizen' | 'agent' | 'admin';

/** Who is logged in, as kept in the session. */
export type SessionUser = {
  accountId: string;
  role: Role;
  displayName: string;
  /** Set for a citizen whose identity matched a person of Guichet. */
  personId?: string;
  /** Set for agents and admins: their record in the people module's agent directory. */
  agentId?: string;
  /** Set for agents and admins: the body they work for (caf, cpam, msa, urssaf, france-travail, cnav, dgfip, etat-civil). */
  body?: string;
  /** Set for agents: their function (for example "gestionnaire", "conseiller"). */
  function?: string;
};

export type LoginKind = 'citizen' | 'agent';

/** What an OpenID Connect login tells Guichet about the person who logged in. */
export type OidcLogin = { kind: LoginKind; issuer: string; subject: string; claims: Record<string, unknown> };

/** Maps an OIDC identity to a Guichet account (provided by the people module); null refuses the login. */
export type ResolveAccount = (login: OidcLogin) => Promise<SessionUser | null>;

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    /** The logged-in user, or null. Set by the session hook before any route runs. */
    user: SessionUser | null;
  }
}

/** Access check first (Immich's requireAccess): the user, if logged in with one of the roles. */
export const requireUser = (request: FastifyRequest, { roles }: { roles?: Role[] } = {}): SessionUser => {
  const { user } = request;
  if (!user) throw unauthenticated();
  if (roles && !roles.includes(user.role)) throw forbidden();
  return user;
};
