// Every public page, as a visitor sees it on a phone: no WCAG 2.1 A/AA violation found by axe, in
// light and dark mode, and one visible h1. (Navigation and keyboard: navigation.test.ts.)
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { axeViolations, browserSkipReason, newContext, openPage, startBrowserGuichet, type Scheme } from './browser.ts';

const PUBLIC_PAGES = [
  '/',
  '/estimer-mes-droits',
  '/evenements/j-attends-un-enfant',
  '/evenements/deces-d-un-proche',
  '/connexion',
  '/connexion?erreur=compte-inconnu',
  '/accessibilite',
  '/mentions-legales',
  '/plan-du-site',
  '/cette-page-n-existe-pas',
];

describe('pages publiques dans le navigateur', { skip: browserSkipReason }, async () => {
  const { url, browser } = await startBrowserGuichet();

  for (const scheme of ['light', 'dark'] as Scheme[]) {
    describe(`en thème ${scheme === 'light' ? 'clair' : 'sombre'}`, async () => {
      const context = await newContext(browser, { scheme });
      after(() => context.close());
      for (const path of PUBLIC_PAGES) {
        it(`${path} n’a aucune violation axe et un seul titre h1`, async () => {
          const page = await openPage(context, url + path);
          try {
            assert.equal(await page.locator('h1:visible').count(), 1);
            assert.equal(await page.locator('html').getAttribute('data-fr-theme'), scheme);
            assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
            assert.deepEqual(await axeViolations(page), []);
          } finally {
            await page.close();
          }
        });
      }
    });
  }
});
