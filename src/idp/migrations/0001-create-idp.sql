-- The embedded OpenID Connect identity provider (a stand-in for FranceConnect and ProConnect).
create schema if not exists idp;

-- Who may log in, and what the provider says about them. `audience` says which client (citizen
-- or agent portal) the identity belongs to, as FranceConnect and ProConnect are separate providers.
create table idp.identities (
  login text primary key check (login = lower(login) and login <> ''),
  audience text not null check (audience in ('citizen', 'agent')),
  password_hash text not null,
  claims jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- oidc-provider's stored objects (sessions, interactions, grants, codes, tokens), one row each.
create table idp.oidc_payloads (
  model text not null,
  id text not null,
  payload jsonb not null,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  primary key (model, id)
);

create index oidc_payloads_by_grant on idp.oidc_payloads (grant_id) where grant_id is not null;
create index oidc_payloads_by_uid on idp.oidc_payloads (model, uid) where uid is not null;
create index oidc_payloads_by_user_code on idp.oidc_payloads (model, user_code) where user_code is not null;
create index oidc_payloads_by_expiry on idp.oidc_payloads (expires_at) where expires_at is not null;

-- ID token signing keys (private JWKs), generated on first start.
create table idp.signing_keys (
  kid text primary key,
  private_jwk jsonb not null,
  created_at timestamptz not null default now()
);
