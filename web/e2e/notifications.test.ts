// The notification centre in a real browser: Camille gets a notification (the badge in the header
// shows it), reads it, chooses quiet hours; the administrator sees the e-mail it became, captured
// and not sent since no SMTP server is configured. Every page passes axe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notify } from '../../src/notifications/index.ts';
import {
  axeViolations,
  browserSkipReason,
  logInInBrowser,
  loginThroughIdp,
  newContext,
  startBrowserGuichet,
} from './browser.ts';

describe('centre de notifications dans le navigateur', { skip: browserSkipReason }, async () => {
  const { url, browser, db } = await startBrowserGuichet({ workers: true });

  it('Camille voit le badge, lit sa notification et choisit ses heures calmes ; l’admin voit le courriel capturé', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await logInInBrowser(context, url, 'citizen', 'camille.martin@demo.guichet.fr');
      const session = await (await context.request.get(`${url}/api/v1/session`)).json();
      // At the test's edge, what the appointments module does 2 hours before an appointment.
      await db.transaction((tx) =>
        notify(tx, {
          personId: session.user.personId,
          kind: 'appointment-reminder',
          title: {
            fr: 'Rendez-vous dans 2 heures : allocations familiales',
            en: 'Appointment in 2 hours: family allowances',
          },
          body: {
            fr: 'Votre rendez-vous en visio est aujourd’hui à 16 h 00, heure de Paris.',
            en: 'Your video appointment is today at 16:00, Paris time.',
          },
          link: '/mes-rendez-vous',
          dedupeKey: `e2e:${session.user.personId}`,
        }),
      );
      await page.goto(`${url}/mon-espace`);
      const headerLink = page.getByRole('link', { name: /^Notifications\s*, 1 non lue/ });
      await headerLink.waitFor();
      await headerLink.click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page.getByRole('heading', { level: 3, name: /Rendez-vous dans 2 heures/ }).waitFor();
      assert.deepEqual(await axeViolations(page), []);

      await page.getByRole('button', { name: /^Marquer comme lue/ }).click();
      await page.getByText('Notification marquée comme lue.').waitFor();
      await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

      await page.getByLabel('Ne rien m’envoyer pendant des heures calmes').check({ force: true });
      await page.getByLabel('Début').fill('22:00');
      await page.getByLabel('Fin').fill('07:00');
      await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
      await page.getByText('Vos choix sont enregistrés.').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      const saved = await (await context.request.get(`${url}/api/v1/notifications/preferences`)).json();
      assert.deepEqual(saved.quietHours, { start: '22:00', end: '07:00' });
    } finally {
      await context.close();
    }

    const admin = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    try {
      // The workers are busy with the demo population's jobs: the first page may take a while.
      const page = await admin.newPage();
      await page.goto(`${url}/connexion`);
      await page.locator('main h1').waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Connexion à l’espace agent' }).click();
      await loginThroughIdp(page, { email: 'admin@demo.guichet.fr' });
      await page.waitForURL(`${url}/agent`);
      await page.getByRole('link', { name: 'E-mails envoyés (démo)' }).click();
      await page.getByRole('heading', { level: 1, name: 'E-mails envoyés (démo)' }).waitFor();
      await page.getByText(/Capture de démonstration : SMTP_URL n’est pas configuré/).waitFor();
      await page
        .getByRole('heading', { level: 3, name: 'Rendez-vous dans 2 heures : allocations familiales' })
        .waitFor();
      await page.getByRole('cell', { name: 'capturé (démo)' }).first().waitFor();
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await admin.close();
    }
  });
});
