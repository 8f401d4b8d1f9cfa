// Logging in to Guichet through the embedded identity provider the way a browser does (cookies,
// redirects, the login form), for tests and benchmarks that need a real session without a browser.
import { DEMO_PASSWORD } from './add-demo-identities.ts';

// A browser, as far as OIDC needs one: cookies by name and path, redirects followed by hand.
export const cookieJar = () => {
  const cookies = new Map<string, { value: string; path: string }>();
  const store = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const isRemoved =
        !value ||
        attributes.some((a) => /^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()) ||
        attributes.some((a) => /^max-age=0$/i.test(a));
      if (isRemoved) cookies.delete(name!);
      else cookies.set(name!, { value, path });
    }
  };
  const header = (url: URL) =>
    [...cookies]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  const request = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const cookie = header(new URL(url));
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    store(response);
    return response;
  };
  return { request, cookies };
};
export type Jar = ReturnType<typeof cookieJar>;

/** Follows redirects while they stay on the identity provider or the callback; returns the last response. */
export const follow = async (jar: Jar, base: string, response: Response) => {
  let current = response;
  for (let hop = 0; hop < 10 && current.status >= 300 && current.status < 400; hop++) {
    const location = new URL(current.headers.get('location')!, base);
    const isOidcStep = location.pathname.startsWith('/idp/') || location.pathname.startsWith('/auth/');
    if (!isOidcStep) return current;
    current = await jar.request(location.href);
  }
  return current;
};

export const formAction = (html: string, suffix: string) => {
  const match = html.match(new RegExp(`action="([^"]*${suffix})"`));
  if (!match) throw new Error(`formulaire ${suffix} absent de la page du fournisseur d'identité`);
  return match[1]!;
};

export const startLogin = async (jar: Jar, base: string, kind: 'citizen' | 'agent', query = '') => {
  const page = await follow(jar, base, await jar.request(`${base}/auth/login/${kind}${query}`));
  if (page.status !== 200) throw new Error(`page de connexion attendue, reçu ${page.status}`);
  return page.text();
};

export const submitCredentials = async (jar: Jar, base: string, html: string, login: string, password: string) =>
  jar.request(new URL(formAction(html, '/login'), base).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }),
  });

/** The whole authorization-code flow; returns where Guichet sends the browser at the end. */
export const logIn = async (jar: Jar, base: string, kind: 'citizen' | 'agent', login: string, query = '') => {
  const html = await startLogin(jar, base, kind, query);
  const end = await follow(jar, base, await submitCredentials(jar, base, html, login, DEMO_PASSWORD));
  if (end.status < 300 || end.status >= 400) throw new Error(`redirection attendue, reçu ${end.status}`);
  return end.headers.get('location')!;
};

/**
 * Logs in as a demo identity through the real authorization-code flow; returns the session
 * cookie and CSRF token to send with API calls.
 */
export const logInAsDemo = async (base: string, kind: 'citizen' | 'agent', login: string) => {
  const jar = cookieJar();
  await logIn(jar, base, kind, login);
  const session = jar.cookies.get('guichet_session');
  if (!session) throw new Error(`aucune session ouverte pour ${login}`);
  const response = await jar.request(`${base}/api/v1/session`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: `guichet_session=${session.value}`, csrfToken, jar };
};
