// A family of four fills « Estimer mes droits » on a phone: the household, then only the questions
// the rights API says the result depends on, and sees its rights with amounts, how each is
// computed, and downloads them as a PDF. axe-core finds no violation on any step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, browserSkipReason, newContext, openPage, startBrowserGuichet } from './browser.ts';

/** Answers the step shown: Camille earns a salary, nobody else has any topic; amounts 1 500 €, yes/no « Non ». */
const answerStep = async (page: Page) => {
  const heading = await page.locator('#estimate-questions-title').innerText();
  if (heading.includes('Camille')) {
    const salary = page
      .getByRole('group', { name: /Ce qui concerne Camille/ })
      .locator('label', { hasText: /^Salaire$/ });
    if (await salary.count()) await salary.click();
  }
  for (const input of await page.locator('form input[inputmode="decimal"]').all()) await input.fill('1500');
  for (const input of await page.locator('form input[type="date"]').all()) await input.fill('2020-01-01');
  for (const group of await page.locator('form fieldset.fr-fieldset:has(input[type="radio"])').all()) {
    const no = group.locator('label', { hasText: /^Non$/ });
    if (await no.count()) await no.first().click();
    else
      await group
        .locator('label', { hasText: 'Locataire d’un logement vide' })
        .or(group.locator('.fr-radio-group label').first())
        .first()
        .click();
  }
};

describe('Estimer mes droits dans le navigateur', { skip: browserSkipReason }, async () => {
  const { url, browser } = await startBrowserGuichet({ households: 0 });

  it('une famille remplit le questionnaire et voit ses droits avec leurs montants', async () => {
    const context = await newContext(browser);
    try {
      const page = await openPage(context, `${url}/estimer-mes-droits`);
      await page.getByRole('heading', { level: 2, name: 'Votre foyer' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);

      // A mistake is named beside its field, and focus goes there.
      await page.getByRole('button', { name: 'Continuer' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'estimate-me-name');
      assert.match(await page.locator('main').innerText(), /Indiquez un prénom/);
      assert.deepEqual(await axeViolations(page), []);

      await page.locator('#estimate-me-name').fill('Camille');
      await page.locator('#estimate-me-birth').fill('1988-04-12');
      await page.getByRole('group', { name: 'Vivez-vous en couple ?' }).locator('label', { hasText: 'Oui' }).click();
      await page.locator('#estimate-partner-name').fill('Alex');
      await page.locator('#estimate-partner-birth').fill('1986-09-30');
      await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
      await page.locator('#estimate-child-0-name').fill('Léa');
      await page.locator('#estimate-child-0-birth').fill('2016-03-10');
      await page.getByRole('button', { name: 'Ajouter un enfant' }).click();
      await page.locator('#estimate-child-1-name').fill('Tom');
      await page.locator('#estimate-child-1-birth').fill('2019-09-22');
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('button', { name: 'Continuer' }).click();

      const result = page.getByRole('heading', { level: 2, name: 'Vos droits estimés' });
      for (let step = 0; step < 12; step++) {
        await page.locator('#estimate-questions-title, #estimate-result-title').first().waitFor();
        if (await result.count()) break;
        assert.deepEqual(
          await axeViolations(page),
          [],
          `étape « ${await page.locator('#estimate-questions-title').innerText()} »`,
        );
        assert.equal(
          await page.evaluate(() => document.activeElement?.tagName),
          'H2',
          'le focus est sur le titre de l’étape',
        );
        await answerStep(page);
        const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/rights'));
        await page.getByRole('button', { name: 'Continuer' }).click();
        await answered;
        await page.locator('#estimate-questions-title, #estimate-result-title').first().waitFor();
        await page.locator('form button[type="submit"]:not([disabled]), #estimate-result-title').first().waitFor();
      }
      await result.waitFor();
      const main = await page.locator('main').innerText();
      assert.match(main, /Allocations familiales/);
      assert.match(main, /Droit estimé/i);
      assert.match(main, /\d+,\d{2}\s€/);
      assert.deepEqual(await axeViolations(page), []);

      await page.getByRole('button', { name: 'Comment c’est calculé' }).first().click();
      assert.match(await page.locator('main').innerText(), /prestations familiales|Code de la sécurité sociale/i);
      assert.deepEqual(await axeViolations(page), []);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Télécharger le résultat (PDF)' }).click();
      assert.match((await download).suggestedFilename(), /^guichet-mes-droits-\d{4}-\d{2}\.pdf$/);

      // Saved in the browser: coming back shows the result again.
      await page.reload();
      await result.waitFor();
    } finally {
      await context.close();
    }
  });
});
