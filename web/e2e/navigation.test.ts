// Moving around as a person does: the home page's doors, the language switch, the keyboard's
// first stop on the skip link, focus on the new page's title, and a visitor kept out of private pages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, browserSkipReason, newContext, openPage, startBrowserGuichet } from './browser.ts';

describe('navigation dans le navigateur', { skip: browserSkipReason }, async () => {
  const { url, browser } = await startBrowserGuichet();

  it('l’accueil propose les événements de vie et l’estimation des droits', async () => {
    const context = await newContext(browser);
    try {
      const page = await openPage(context, url);
      for (const title of [
        'J’attends un enfant',
        'Je déménage',
        'Je perds mon emploi',
        'Je me sépare',
        'Je prends ma retraite',
        'Un proche est décédé',
        'Je suis en situation de handicap',
      ]) {
        assert.equal(await page.getByRole('heading', { name: title }).count(), 1, title);
      }
      await page.getByRole('link', { name: 'Estimer mes droits' }).last().click();
      await page.getByRole('heading', { level: 1, name: 'Estimer mes droits' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Votre foyer' }).waitFor();
      assert.doesNotMatch(
        await page.locator('main').innerText(),
        /\d+[,.]?\d*\s?€/,
        'aucun montant avant les réponses',
      );
    } finally {
      await context.close();
    }
  });

  it('le bouton de langue passe l’accueil en anglais, et le choix reste après rechargement', async () => {
    const context = await newContext(browser);
    try {
      const page = await openPage(context, url);
      // On a phone the language button sits in the menu, as the DSFR header puts it.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your social rights, in one place' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.getByRole('heading', { name: 'I am expecting a child' }).count(), 1);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Your social rights, in one place' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Français' }).click();
      await page.getByRole('heading', { level: 1, name: 'Vos droits sociaux, en un seul endroit' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    } finally {
      await context.close();
    }
  });

  it('la première tabulation atteint le lien d’évitement vers le contenu', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await openPage(context, url);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim(),
        href: document.activeElement?.getAttribute('href'),
      }));
      assert.deepEqual(focused, { text: 'Aller au contenu', href: '#contenu' });
    } finally {
      await context.close();
    }
  });

  it('après un changement de page, le focus est sur le titre de la nouvelle page, et l’onglet porte son nom', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await openPage(context, url);
      await page.getByRole('link', { name: 'Je déménage' }).click();
      await page.getByRole('heading', { level: 1, name: 'Je déménage' }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
      assert.equal(await page.title(), 'Je déménage — Guichet');
    } finally {
      await context.close();
    }
  });

  it('une page réservée renvoie un visiteur vers la connexion', async () => {
    const context = await newContext(browser);
    try {
      const page = await openPage(context, `${url}/mon-espace`);
      await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
      assert.match(page.url(), /\/connexion\?retour=%2Fmon-espace$/);
    } finally {
      await context.close();
    }
  });
});
