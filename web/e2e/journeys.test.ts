// The birth journey's calendar in a real browser, on a phone-sized screen: Camille, pregnant, sees
// her steps with her own dates, ticks one, browses the month view and gets her calendar's private
// address; the calendar stays readable offline. Every state passes axe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, browserSkipReason, logInInBrowser, newContext, startBrowserGuichet } from './browser.ts';

describe('calendrier du parcours naissance dans le navigateur', { skip: browserSkipReason }, async () => {
  const { url, browser } = await startBrowserGuichet();

  it('Camille voit ses étapes datées, en coche une, parcourt le mois et obtient l’adresse de son agenda', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    try {
      const page = await logInInBrowser(context, url, 'citizen', 'camille.martin@demo.guichet.fr');
      await page.getByRole('link', { name: 'Mon calendrier' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Mon calendrier' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'J’attends un enfant' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'À faire maintenant' }).waitFor();
      const birthStep = page.getByRole('listitem').filter({ hasText: 'Déclarer la naissance à la mairie' });
      assert.match(await birthStep.innerText(), /Avant le \d{1,2} \S+ \d{4}/);
      assert.deepEqual(await axeViolations(page), []);

      await page.getByRole('button', { name: 'Marquer comme fait : Ajouter l’enfant à votre mutuelle' }).click();
      await page.getByRole('button', { name: 'Remettre à faire : Ajouter l’enfant à votre mutuelle' }).waitFor();

      const caption = page.locator('caption');
      const before = await caption.innerText();
      await page.getByRole('button', { name: 'Mois suivant' }).click();
      await page.waitForFunction((text) => document.querySelector('caption')?.textContent !== text, before);
      assert.deepEqual(await axeViolations(page), []);

      await page.getByRole('button', { name: 'Obtenir l’adresse de mon agenda' }).click();
      const address = await page.getByLabel('Adresse privée de votre agenda').inputValue();
      const feed = await context.request.get(address);
      assert.equal(feed.status(), 200);
      assert.match(await feed.text(), /BEGIN:VCALENDAR[\s\S]*SUMMARY:Déclarer la naissance à la mairie/);
      assert.deepEqual(await axeViolations(page), []);

      // Installable and readable offline: once the service worker controls the page, the calendar
      // it last saw comes back without network.
      await page.evaluate(() =>
        Promise.race([
          (async () => {
            await navigator.serviceWorker.ready;
            if (!navigator.serviceWorker.controller)
              await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
          })(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('aucun service worker actif en 30 s')), 30_000)),
        ]),
      );
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'J’attends un enfant' }).waitFor();
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'J’attends un enfant' }).waitFor();
      await context.setOffline(false);
      const manifest = await context.request.get(`${url}/manifest.webmanifest`);
      assert.equal((await manifest.json()).start_url, '/mon-calendrier');
    } finally {
      await context.close();
    }
  });
});
