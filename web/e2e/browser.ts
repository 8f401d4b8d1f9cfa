// Browser tests' kit: a whole Guichet (API, embedded identity provider, built web app) on a free
// port and a fresh test database with a small demo population, and Debian's Chromium driven by
// playwright-core (no browser download). Without Chromium, tests skip with a message saying why.
import fs from 'node:fs';
import net from 'node:net';
import { after } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildGuichet, migrationSources } from '../../src/main.ts';
import { ensureWebBuilt, type Db } from '../../src/platform/index.ts';
import { testConfig, testDb, testLogger } from '../../src/platform/testing/index.ts';
import { seedDemo } from '../../src/seed.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can (give it to `describe`'s `skip`). */
export const browserSkipReason = fs.existsSync(CHROMIUM_PATH)
  ? undefined
  : `Chromium introuvable (${CHROMIUM_PATH}) : apt-get install chromium, ou CHROMIUM_PATH=…`;

export const DEMO_PASSWORD = 'guichet-demo';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

/** `db` lets a test put data in place at its edge (e.g. an appointment starting now). */
export type BrowserGuichet = { url: string; browser: Browser; db: Db };

/**
 * Starts Guichet (web app built first if needed) and Chromium; both stop when the test file ends.
 * `households: 0` skips the demo data (public pages need none).
 * PUBLIC_URL matches the port, so the OIDC redirects of the embedded provider come back here.
 */
export const startBrowserGuichet = async ({
  households = 20,
  seed = 42,
  workers = false,
}: {
  households?: number;
  seed?: number;
  /** Run the background jobs (the exchange hub's deliveries to the bodies…), as `guichet start` does. */
  workers?: boolean;
} = {}): Promise<BrowserGuichet> => {
  await ensureWebBuilt(() => {});
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = testConfig({ PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url });
  const db = await testDb(migrationSources());
  const guichet = await buildGuichet({ config, db, logger: testLogger(), web: 'dist' });
  if (households > 0) await seedDemo(db, { households, seed, config });
  await guichet.app.listen({ port, host: '127.0.0.1' });
  if (workers) guichet.workers.start();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  after(async () => {
    await browser.close();
    await guichet.stop();
  });
  return { url, browser, db };
};

/** The e-mails sent with `subject`, once at least one is there (up to 30 s: the running worker
 *  sends them), read from the capture store of the embedded default (no SMTP_URL) at the test's edge. */
export const capturedEmails = async (db: Db, subject: string) => {
  const deadline = Date.now() + 30_000;
  let emails: { recipient: string; text_body: string }[] = [];
  while (!emails.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    emails = await db.query<{ recipient: string; text_body: string }>(
      'select recipient, text_body from notifications.captured_emails where subject = $1',
      [subject],
    );
  }
  return emails;
};

export type Scheme = 'light' | 'dark';

/** A fresh browser profile (no cookies), on a phone-sized screen unless told otherwise. */
export const newContext = async (
  browser: Browser,
  {
    scheme = 'light',
    viewport = { width: 360, height: 740 },
  }: { scheme?: Scheme; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> => {
  const context = await browser.newContext({ colorScheme: scheme, viewport, locale: 'fr-FR' });
  context.setDefaultTimeout(10_000);
  return context;
};

/** Opens a page and waits for the app to have drawn its title (the h1 of the main landmark). */
export const openPage = async (context: BrowserContext, url: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('main h1').waitFor();
  return page;
};

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The axe violations of the page (WCAG 2.1 A and AA), as short lines a failing test can print. */
export const axeViolations = async (page: Page): Promise<string[]> => {
  // Only violations are collected: listing every passing node doubles axe's time on these pages.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}) : ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')}`,
  );
};

/** Logs in through the embedded identity provider's real pages (the same path a person takes). */
export const loginThroughIdp = async (
  page: Page,
  { email, password = DEMO_PASSWORD }: { email: string; password?: string },
) => {
  await page.locator('input[name="login"], input[type="email"], input[name="email"]').first().fill(email);
  await page.locator('input[type="password"]').first().fill(password);
  await page.locator('button[type="submit"], input[type="submit"]').first().click();
};

/**
 * Logs in through the real OIDC flow from the login page, as a demo citizen or agent (admins log in
 * as agents), and returns the page once it is back in Guichet's area for that kind.
 */
export const logInInBrowser = async (
  context: BrowserContext,
  url: string,
  kind: 'citizen' | 'agent',
  email: string,
): Promise<Page> => {
  const page = await openPage(context, `${url}/connexion`);
  await page
    .getByRole('link', {
      name: kind === 'citizen' ? 'Se connecter (identité de démonstration)' : 'Connexion à l’espace agent',
    })
    .click();
  await loginThroughIdp(page, { email });
  await page.waitForURL(kind === 'citizen' ? `${url}/mon-espace` : `${url}/agent`);
  return page;
};
