import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OidcLogin, ResolveAccount } from '../platform/index.ts';
import { testGuichetServer } from '../testing.ts';
import { addDemoIdentities, DEMO_PASSWORD } from './index.ts';
import { cookieJar, follow, formAction, logIn, startLogin, submitCredentials, type Jar } from './demo-login.ts';

const sessionOf = async (jar: Jar, base: string) => {
  const response = await jar.request(`${base}/api/v1/session`);
  return {
    response,
    body: (await response.json()) as {
      authenticated: boolean;
      user?: { role: string; displayName: string; body?: string };
      csrfToken?: string;
      expiresAt?: string;
    },
  };
};

const logins: OidcLogin[] = [];
const resolveAccount: ResolveAccount = async (login) => {
  logins.push(login);
  if (login.subject === 'lea.dupont@test.guichet.fr') {
    return {
      accountId: 'compte-lea',
      role: 'citizen',
      displayName: `${login.claims.given_name} ${login.claims.family_name}`,
    };
  }
  if (login.subject === 'admin@test.guichet.fr')
    return { accountId: 'compte-admin', role: 'admin', displayName: 'Alex Admin', body: 'caf' };
  return null;
};
// A test below expires a session behind the server's back, as another process would: without the
// few seconds of session cache, the server sees it at once (the cache's rules: sessions.test.ts).
const guichet = await testGuichetServer(
  { RATE_LIMIT_LOGIN_PER_MINUTE: '1000', SESSION_CACHE_SECONDS: '0' },
  { resolveAccount },
);
const base = guichet.url;
await addDemoIdentities(guichet.db, [
  {
    login: 'Lea.Dupont@test.guichet.fr',
    audience: 'citizen',
    claims: {
      given_name: 'Léa',
      family_name: 'Dupont',
      birthdate: '1990-04-12',
      gender: 'female',
      birthplace: '75056',
      birthcountry: '99100',
      preferred_username: 'Dupont',
    },
  },
  { login: 'admin@test.guichet.fr', audience: 'agent', claims: { given_name: 'Alex', usual_name: 'Admin' } },
  { login: 'inconnu@test.guichet.fr', audience: 'citizen', claims: { given_name: 'Inès', family_name: 'Connue' } },
  {
    login: 'camille.martin@demo.guichet.fr',
    audience: 'citizen',
    claims: { given_name: 'Camille', family_name: 'Martin' },
  },
  { login: 'agent.caf@demo.guichet.fr', audience: 'agent', claims: { given_name: 'Sam', usual_name: 'Caf' } },
]);

describe('connexion OpenID Connect avec le fournisseur d’identité intégré', () => {
  it('connecte une personne de bout en bout et ouvre une session avec son rôle', async () => {
    const jar = cookieJar();
    const html = await startLogin(jar, base, 'citizen');
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /Fournisseur d'identité de démonstration/);
    assert.match(html, /<label for="login">Identifiant \(adresse e-mail\)/);
    assert.match(html, /<label for="password">Mot de passe/);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /<h2 id="demo-title">Comptes de démonstration<\/h2>/);
    assert.match(html, /<li><code>camille.martin@demo.guichet.fr<\/code><\/li>/);
    assert.match(html, /<code>guichet-demo<\/code>/);
    assert.doesNotMatch(html, /agent.caf@demo/, 'seuls les comptes de cet espace sont proposés');

    const location = await logIn(jar, base, 'citizen', 'lea.dupont@test.guichet.fr');
    assert.equal(location, '/mon-espace');
    const sessionCookie = jar.cookies.get('guichet_session');
    assert.ok(sessionCookie);

    const { body } = await sessionOf(jar, base);
    assert.equal(body.authenticated, true);
    assert.deepEqual(body.user, { accountId: 'compte-lea', role: 'citizen', displayName: 'Léa Dupont' });
    assert.ok(body.csrfToken && body.expiresAt);

    const login = logins.at(-1)!;
    assert.equal(login.kind, 'citizen');
    assert.equal(login.issuer, `${base}/idp`);
    assert.equal(login.subject, 'lea.dupont@test.guichet.fr');
    assert.equal(login.claims.birthplace, '75056');
    assert.equal(login.claims.birthdate, '1990-04-12');
    assert.equal(login.claims.email, 'lea.dupont@test.guichet.fr');

    // Only the token's hash is stored.
    const rows = await guichet.db.query<{ token_hash: string }>('select token_hash from platform.sessions');
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((row) => row.token_hash !== sessionCookie.value));
  });

  it('pose le cookie de session HttpOnly, SameSite=Lax, sur tout le site', async () => {
    const jar = cookieJar();
    const html = await startLogin(jar, base, 'citizen');
    let response = await submitCredentials(jar, base, html, 'lea.dupont@test.guichet.fr', DEMO_PASSWORD);
    let setCookie = '';
    for (let hop = 0; hop < 10 && !setCookie; hop++) {
      setCookie = response.headers.getSetCookie().find((line) => line.startsWith('guichet_session=')) ?? '';
      if (!setCookie) response = await jar.request(new URL(response.headers.get('location')!, base).href);
    }
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    assert.match(setCookie, /Path=\//);
    assert.doesNotMatch(setCookie, /Secure/i);
  });

  it('affiche une erreur en français sur la page du fournisseur quand le mot de passe est faux', async () => {
    const jar = cookieJar();
    const html = await startLogin(jar, base, 'citizen');
    const response = await submitCredentials(jar, base, html, 'lea.dupont@test.guichet.fr', 'mauvais-mot-de-passe');
    assert.equal(response.status, 400);
    const page = await response.text();
    assert.match(page, /<title>Erreur – /);
    assert.match(page, /role="alert" id="form-error"><p>Identifiant ou mot de passe incorrect/);
    assert.match(page, /id="password"[^>]*aria-describedby="form-error"[^>]*aria-invalid="true"/);
    assert.match(page, /value="lea.dupont@test.guichet.fr"/);
    assert.equal(jar.cookies.has('guichet_session'), false);
  });

  it('demande l’identifiant quand il manque, au champ concerné', async () => {
    const jar = cookieJar();
    const html = await startLogin(jar, base, 'citizen');
    const response = await submitCredentials(jar, base, html, '', 'x');
    const page = await response.text();
    assert.match(page, /aria-describedby="login-hint login-error" aria-invalid="true"/);
    assert.match(page, /<p class="error" id="login-error">Saisissez votre identifiant/);
  });

  it('refuse un compte agent sur l’espace particulier', async () => {
    const jar = cookieJar();
    const html = await startLogin(jar, base, 'citizen');
    const page = await (await submitCredentials(jar, base, html, 'admin@test.guichet.fr', DEMO_PASSWORD)).text();
    assert.match(page, /Ce compte est un compte agent/);
  });

  it('connecte un agent par son propre client et le ramène à l’adresse demandée', async () => {
    const jar = cookieJar();
    const location = await logIn(
      jar,
      base,
      'agent',
      'admin@test.guichet.fr',
      `?returnTo=${encodeURIComponent('/agent/dossiers?page=2')}`,
    );
    assert.equal(location, '/agent/dossiers?page=2');
    const { body } = await sessionOf(jar, base);
    assert.equal(body.user?.role, 'admin');
    assert.equal(body.user?.body, 'caf');
    const login = logins.at(-1)!;
    assert.equal(login.kind, 'agent');
    assert.deepEqual(login.claims, {
      sub: 'admin@test.guichet.fr',
      given_name: 'Alex',
      usual_name: 'Admin',
      email: 'admin@test.guichet.fr',
      uid: 'admin@test.guichet.fr',
    });
  });

  it('redemande la connexion quand la session du fournisseur appartient à l’autre espace', async () => {
    const jar = cookieJar();
    await logIn(jar, base, 'citizen', 'lea.dupont@test.guichet.fr');
    const html = await startLogin(jar, base, 'agent');
    assert.match(html, /Espace agent/);
  });

  it('renvoie vers /connexion avec « compte-inconnu » quand Guichet ne connaît pas la personne', async () => {
    const jar = cookieJar();
    const location = await logIn(jar, base, 'citizen', 'inconnu@test.guichet.fr');
    assert.equal(location, '/connexion?erreur=compte-inconnu');
    assert.equal(jar.cookies.has('guichet_session'), false);
  });

  it('renvoie vers /connexion avec « connexion-annulee » quand la personne annule', async () => {
    const jar = cookieJar();
    const html = await startLogin(jar, base, 'citizen');
    const abort = await jar.request(new URL(formAction(html, '/abort'), base).href, { method: 'POST' });
    const end = await follow(jar, base, abort);
    assert.equal(end.headers.get('location'), '/connexion?erreur=connexion-annulee');
  });

  it('refuse une adresse de retour vers un autre site', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await fetch(`${base}/auth/login/citizen?returnTo=${encodeURIComponent(returnTo)}`, {
        redirect: 'manual',
      });
      assert.equal(response.status, 400, returnTo);
      const body = (await response.json()) as { code: string; field: string; messages: { fr: string; en: string } };
      assert.equal(body.code, 'invalid_return_to');
      assert.equal(body.field, 'query.returnTo');
      assert.ok(body.messages.fr && body.messages.en);
    }
  });

  it('une session expirée ne connecte plus personne et une route protégée répond 401', async () => {
    const jar = cookieJar();
    await logIn(jar, base, 'agent', 'admin@test.guichet.fr');
    assert.equal((await jar.request(`${base}/api/v1/admin/jobs`)).status, 200);
    await guichet.db.query(
      `update platform.sessions set expires_at = now() - interval '1 second' where user_data->>'accountId' = 'compte-admin'`,
    );

    const protectedRoute = await jar.request(`${base}/api/v1/admin/jobs`);
    assert.equal(protectedRoute.status, 401);
    assert.ok(
      protectedRoute.headers.getSetCookie().some((line) => /^guichet_session=;/.test(line)),
      'le cookie expiré est effacé',
    );
    assert.equal(jar.cookies.has('guichet_session'), false);
    assert.deepEqual((await sessionOf(jar, base)).body, { authenticated: false });
  });

  it('refuse une écriture sous /api/ sans le jeton CSRF de la session', async () => {
    const jar = cookieJar();
    await logIn(jar, base, 'citizen', 'lea.dupont@test.guichet.fr');
    for (const headers of [{}, { 'x-csrf-token': 'faux' }] as Record<string, string>[]) {
      const response = await jar.request(`${base}/api/v1/session/logout`, { method: 'POST', headers });
      assert.equal(response.status, 403);
      const body = (await response.json()) as { code: string; messages: { fr: string; en: string } };
      assert.equal(body.code, 'csrf');
      assert.ok(body.messages.fr && body.messages.en);
    }
    assert.equal((await sessionOf(jar, base)).body.authenticated, true);
  });

  it('la déconnexion ferme la session puis passe par la déconnexion du fournisseur et revient à Guichet', async () => {
    const jar = cookieJar();
    await logIn(jar, base, 'citizen', 'lea.dupont@test.guichet.fr');
    const { body: session } = await sessionOf(jar, base);
    const before = (await guichet.db.query('select 1 from platform.sessions')).length;

    const response = await jar.request(`${base}/api/v1/session/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': session.csrfToken! },
    });
    assert.equal(response.status, 200);
    const { redirectTo } = (await response.json()) as { redirectTo: string };
    const endSession = new URL(redirectTo);
    assert.equal(`${endSession.origin}${endSession.pathname}`, `${base}/idp/session/end`);
    assert.ok(endSession.searchParams.get('id_token_hint'));
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${base}/`);
    assert.equal((await guichet.db.query('select 1 from platform.sessions')).length, before - 1);
    assert.equal((await sessionOf(jar, base)).body.authenticated, false);

    const confirm = await jar.request(redirectTo);
    assert.equal(confirm.status, 200);
    const page = await confirm.text();
    assert.match(page, /<html lang="fr">/);
    assert.match(page, /<h1>Se déconnecter du fournisseur d'identité \?<\/h1>/);
    assert.doesNotMatch(page, /<script/);
    assert.match(String(confirm.headers.get('content-security-policy')), /script-src 'self'/);
    const xsrf = page.match(/name="xsrf" value="([^"]+)"/)?.[1];
    assert.ok(xsrf);
    const done = await jar.request(new URL(page.match(/action="([^"]+)"/)![1]!, base).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `${base}/`);

    // The provider's session is over too: the next login asks for the password again.
    assert.match(await startLogin(jar, base, 'citizen'), /name="password"/);
  });
});
