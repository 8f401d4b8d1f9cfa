// Every public page, as a visitor sees it on a phone: no WCAG 2.1 A/AA violation found by axe, in
// light and dark mode, and one visible h1. (Navigation and keyboard: navigation.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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

/**
 * Checks half the public pages in one colour scheme. Four files (two halves × two schemes) keep
 * each one well under the test runner's per-file time limit on a two-core machine.
 */
export const describePublicPages = (scheme: Scheme, half: 1 | 2) =>
  describe(
    `pages publiques en thème ${scheme === 'light' ? 'clair' : 'sombre'} (${half}/2)`,
    { skip: browserSkipReason },
    async () => {
      const { url, browser } = await startBrowserGuichet({ households: 0 });
      // One profile for the scheme; closing the browser at the end closes it.
      const context = await newContext(browser, { scheme });
      const middle = Math.ceil(PUBLIC_PAGES.length / 2);
      for (const path of half === 1 ? PUBLIC_PAGES.slice(0, middle) : PUBLIC_PAGES.slice(middle)) {
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
    },
  );
