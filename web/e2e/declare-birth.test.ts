// "Tell us once" in a real browser: Camille declares her baby's birth once, sees who will be told
// and why, sends it (a double click makes one declaration), and watches the CAF, the CPAM, the
// CNAV, the DGFiP and the état civil each acknowledge it; every page of the flow passes axe. A
// mistyped IBAN is refused with the error tied to its field, then the corrected one is sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, browserSkipReason, logInInBrowser, newContext, startBrowserGuichet } from './browser.ts';

const BODIES = ['(CAF)', '(CPAM)', '(CNAV)', '(DGFiP)', 'État civil (mairie)'];

describe('déclarer une naissance une seule fois dans le navigateur', { skip: browserSkipReason }, async () => {
  const { url, browser } = await startBrowserGuichet({ workers: true });

  it('Camille déclare la naissance et voit chaque organisme la traiter', async () => {
    const context = await newContext(browser);
    try {
      const page = await logInInBrowser(context, url, 'citizen', 'camille.martin@demo.guichet.fr');

      await page
        .getByRole('heading', { level: 2, name: 'Mes démarches' })
        .waitFor()
        .catch(async (error: unknown) => {
          throw new Error(`Mon espace sans « Mes démarches » : ${await page.locator('main').innerText()}`, {
            cause: error,
          });
        });
      await page.getByRole('link', { name: 'Déclarer un changement' }).click();
      await page.getByRole('heading', { level: 1, name: 'Déclarer un changement' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);

      await page.getByRole('link', { name: /La naissance d’un enfant/ }).click();
      await page.getByRole('heading', { level: 1, name: 'La naissance d’un enfant' }).waitFor();
      // Pre-filled from what Guichet knows: the family name and the commune of the home.
      assert.equal(await page.getByLabel('Nom de famille').inputValue(), 'Martin');
      assert.equal(await page.getByLabel('Commune de naissance (code INSEE)').inputValue(), '69383');
      assert.deepEqual(await axeViolations(page), []);

      // Sent empty: the errors are listed, linked to their fields, and the fields say what is wrong.
      await page.getByRole('button', { name: 'Voir qui sera prévenu' }).click();
      await page.getByRole('heading', { name: /Le formulaire contient \d+ erreur/ }).waitFor();
      assert.match(await page.locator('main').innerText(), /obligatoire/);
      assert.deepEqual(await axeViolations(page), []);

      await page.getByLabel('Prénoms, dans l’ordre de l’acte').fill('Zoé Anne');
      await page.getByText('Féminin').click();
      await page.getByLabel('Date de naissance').fill(new Date().toISOString().slice(0, 10));
      await page.getByRole('button', { name: 'Voir qui sera prévenu' }).click();
      await page.getByRole('heading', { level: 2, name: 'Ces organismes seront prévenus' }).waitFor();
      const preview = await page.locator('main').innerText();
      for (const body of BODIES) assert.ok(preview.includes(body), `${body} dans l’aperçu`);
      assert.match(preview, /Base légale : Code de la sécurité sociale, art\. L531-1/);
      assert.deepEqual(await axeViolations(page), []);

      // A double click sends the same form twice: one declaration.
      await page.getByRole('button', { name: 'Envoyer la déclaration' }).dblclick();
      await page.waitForURL(/\/mon-espace\/declarations\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Suivi de ma déclaration' }).waitFor();
      await page.getByText('Tous les organismes ont répondu.').waitFor({ timeout: 30_000 });
      const rows = await page.locator('tbody tr').allInnerTexts();
      assert.equal(rows.length, 5, rows.join('\n'));
      for (const row of rows) assert.match(row, /traité/i, row);
      assert.deepEqual(await axeViolations(page), []);

      const list = await context.request.get(`${url}/api/v1/declarations`);
      assert.equal((await list.json()).declarations.length, 1, 'une seule déclaration malgré le double clic');
    } finally {
      await context.close();
    }
  });

  it('Camille se trompe d’IBAN : l’erreur est reliée au champ, puis la CAF reçoit le nouveau compte', async () => {
    const context = await newContext(browser);
    try {
      const page = await logInInBrowser(context, url, 'citizen', 'camille.martin@demo.guichet.fr');
      await page.goto(`${url}/mon-espace/declarer/banque`);
      await page.getByRole('heading', { level: 1, name: 'Un changement de coordonnées bancaires' }).waitFor();
      assert.equal(await page.getByLabel('Titulaire du compte').inputValue(), 'Camille Martin');

      await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 188');
      await page.getByLabel('BIC').fill('AGRIFRPP');
      await page.getByRole('button', { name: 'Voir qui sera prévenu' }).click();
      const link = page.getByRole('link', { name: /clé de contrôle/ });
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), '#champ-iban');
      const iban = page.getByLabel('IBAN');
      assert.match((await iban.getAttribute('aria-describedby')) ?? '', /champ-iban-desc-error/);
      assert.deepEqual(await axeViolations(page), []);

      await iban.fill('FR76 3000 6000 0112 3456 7890 189');
      await page.getByRole('button', { name: 'Voir qui sera prévenu' }).click();
      await page.getByRole('heading', { level: 2, name: 'Ces organismes seront prévenus' }).waitFor();
      assert.match(await page.locator('main').innerText(), /L114-8/);
      await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();
      await page.getByText('Tous les organismes ont répondu.').waitFor({ timeout: 30_000 });
      assert.match(await page.locator('tr[data-party="caf"]').innerText(), /traité/i);
    } finally {
      await context.close();
    }
  });
});
