// The three doors, through the embedded identity provider's real login pages: a citizen sees her
// space and household, an agent finds a person, an administrator sees the background jobs; and
// each page passes axe. They need the identity (session, login, logout), people (/me, agent
// search) and jobs (admin) endpoints.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, browserSkipReason, logInInBrowser, newContext, startBrowserGuichet } from './browser.ts';

describe('connexion et espaces dans le navigateur', { skip: browserSkipReason }, async () => {
  const { url, browser } = await startBrowserGuichet();

  it('Camille se connecte, voit son espace et son foyer, puis se déconnecte', async () => {
    const context = await newContext(browser);
    try {
      const page = await logInInBrowser(context, url, 'citizen', 'camille.martin@demo.guichet.fr');
      await page.getByRole('heading', { level: 1, name: 'Mon espace' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Mon foyer' }).waitFor();
      const main = await page.locator('main').innerText();
      assert.match(main, /Camille MARTIN/);
      assert.match(main, /Enfant à charge/);
      assert.match(main, /\d •• ••• ••• \d{2}/, 'le NIR est en partie masqué');
      assert.deepEqual(await axeViolations(page), []);

      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL((address) => !address.pathname.startsWith('/mon-espace'));
      const session = await context.request.get(`${url}/api/v1/session`);
      assert.equal((await session.json()).authenticated, false);
    } finally {
      await context.close();
    }
  });

  it('un agent de la CAF cherche une personne par son nom et ouvre son dossier', async () => {
    const context = await newContext(browser);
    try {
      const page = await logInInBrowser(context, url, 'agent', 'agent.caf@demo.guichet.fr');
      await page.getByRole('heading', { level: 1, name: 'Rechercher une personne' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);

      await page.getByLabel('Numéro de sécurité sociale ou nom').fill('Martin');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByRole('heading', { level: 2, name: /trouvée/ }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.locator('main ul a').first().click();
      await page.getByRole('heading', { level: 2, name: 'Foyer' }).waitFor();
      assert.match(await page.locator('main h1').innerText(), /MARTIN/);
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });

  it('une recherche trop courte est refusée, et l’erreur est reliée au champ', async () => {
    const context = await newContext(browser);
    try {
      const page = await logInInBrowser(context, url, 'agent', 'agent.caf@demo.guichet.fr');
      const input = page.getByLabel('Numéro de sécurité sociale ou nom');
      await input.fill('M');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.locator('.fr-input-group--error').waitFor();
      const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(
        describedBy
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => page.locator(`[id="${id}"]`).innerText()),
      );
      assert.ok(
        messages.some((text) => text.trim().length > 0 && !text.includes('Exemple')),
        `message d’erreur relié : ${messages.join(' / ')}`,
      );
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });

  it('l’administratrice voit les travaux de fond, leur nombre par état et le filtre', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await logInInBrowser(context, url, 'agent', 'admin@demo.guichet.fr');
      await page.getByRole('link', { name: 'Travaux de fond' }).click();
      await page.getByRole('heading', { level: 1, name: 'Travaux de fond' }).waitFor();
      await page.getByRole('heading', { name: 'Nombre de travaux par état' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.getByLabel('Afficher').selectOption('dead');
      await page.waitForURL(`${url}/admin/travaux?statut=dead`);
      await page.getByText('Aucun travail dans cet état.').or(page.locator('main table')).first().waitFor();
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });

  it('un agent n’accède pas aux travaux de fond', async () => {
    const context = await newContext(browser);
    try {
      const page = await logInInBrowser(context, url, 'agent', 'agent.caf@demo.guichet.fr');
      await page.goto(`${url}/admin/travaux`);
      await page.getByRole('heading', { level: 1, name: 'Accès réservé' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
