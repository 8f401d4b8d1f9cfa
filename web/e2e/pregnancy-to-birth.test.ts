// The birth journey's whole story in a real browser: Camille, 12 weeks pregnant, declares her
// pregnancy once; her calendar shows her own dates and the amounts the rights engine gives her
// household; the daily reminder run (a durable job, run by the real worker) reminds her of the
// next step in the notification centre and by e-mail (captured, no SMTP server here); she declares
// the birth once and the calendar moves on: the birth's steps come, the pregnancy's are done.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { scheduleReminderRun } from '../../src/journeys/index.ts';
import { addDays, parisDate } from '../../src/platform/index.ts';
import { expectedBirthForFirstExam } from '../../src/testing.ts';
import {
  axeViolations,
  browserSkipReason,
  capturedEmails,
  logInInBrowser,
  newContext,
  startBrowserGuichet,
} from './browser.ts';

const EMAIL = 'camille.martin@demo.guichet.fr';
const FIRST_EXAM = '1er examen prénatal';
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

// Reminders are handed over at 9:00, Paris time: the reminder day is yesterday, so the
// notification is due when the test looks. Not today, even after 9:00: Camille is on the
// reminder runs (from the demo data or her declaration), today's run is already made, and the
// test's run for today would be that same job (one per person and day).
const today = parisDate(Date.now());
const reminderDay = addDays(today, -1);
// The 1st prenatal examination is reminded a week before its deadline: the pregnancy is dated so
// that its deadline is a week after the reminder.
const firstExamDue = addDays(reminderDay, 7);
const expectedOn = expectedBirthForFirstExam(firstExamDue);

const stepCard = (page: Page, title: string) =>
  page.locator('li.guichet-step').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

// The status badge's own text (the page shows it in capitals).
const statusOf = async (page: Page, title: string) => stepCard(page, title).locator('.fr-badge').textContent();

const sendDeclaration = async (page: Page) => {
  await page.getByRole('button', { name: 'Voir qui sera prévenu' }).click();
  await page.getByRole('heading', { level: 2, name: 'Ces organismes seront prévenus' }).waitFor();
  await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();
  await page.getByRole('heading', { level: 1, name: 'Suivi de ma déclaration' }).waitFor();
  await page.getByText('Tous les organismes ont répondu.').waitFor({ timeout: 60_000 });
};

const openCalendar = async (page: Page, url: string) => {
  await page.goto(`${url}/mon-calendrier`);
  await page.getByRole('heading', { level: 2, name: 'J’attends un enfant' }).waitFor();
};

describe('de la grossesse à la naissance dans le navigateur', { skip: browserSkipReason }, async () => {
  const { url, browser, db } = await startBrowserGuichet({ workers: true });

  it('Camille déclare sa grossesse, voit ses dates et montants, reçoit le rappel, déclare la naissance et le calendrier avance', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    try {
      const page = await logInInBrowser(context, url, 'citizen', EMAIL);
      const { personId } = (await (await context.request.get(`${url}/api/v1/session`)).json()).user;

      await page.goto(`${url}/mon-espace/declarer/grossesse`);
      await page.getByRole('heading', { level: 1, name: 'Une grossesse' }).waitFor();
      await page.getByLabel('Date prévue de l’accouchement').fill(expectedOn);
      await page.getByText('Moi', { exact: true }).click();
      await sendDeclaration(page);

      // Her calendar, from her declared date: the declaration is done (the CPAM acknowledged it),
      // the 1st examination is what to do now, with its own deadline.
      await openCalendar(page, url);
      assert.equal(await statusOf(page, 'Déclarer la grossesse'), 'Fait');
      assert.equal(await statusOf(page, FIRST_EXAM), 'À faire');
      const exam = await stepCard(page, FIRST_EXAM).innerText();
      assert.ok(exam.includes(`Avant le ${longDate(firstExamDue)}`), exam);
      // Amounts from the rights engine with her household's situation, shown on her steps.
      const { calendars } = await (await context.request.get(`${url}/api/v1/journeys`)).json();
      const steps = calendars.find((calendar: { journey: string }) => calendar.journey === 'naissance').steps;
      for (const [id, title] of Object.entries({
        'prime-naissance': 'Prime à la naissance',
        'allocations-familiales': 'Allocations familiales',
      })) {
        const euros = steps.find((step: { id: string }) => step.id === id).amount.euros;
        assert.equal(typeof euros, 'number', `${id} : le moteur de droits a répondu`);
        const shown = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(euros);
        assert.ok((await stepCard(page, title).innerText()).includes(`Montant estimé : ${shown}`), title);
      }
      assert.deepEqual(await axeViolations(page), []);

      // The daily reminder run of the reminder day, through the job queue and the running worker.
      await db.transaction((tx) => scheduleReminderRun(tx, personId, reminderDay));
      const reminderTitle = `Bientôt : ${FIRST_EXAM}`;
      const emails = await capturedEmails(db, reminderTitle);
      assert.deepEqual(
        emails.map((email) => email.recipient),
        [EMAIL],
      );
      await page.goto(`${url}/mes-notifications`);
      await page.getByRole('heading', { level: 3, name: reminderTitle }).waitFor();

      await page.goto(`${url}/mon-espace/declarer/naissance`);
      await page.getByRole('heading', { level: 1, name: 'La naissance d’un enfant' }).waitFor();
      await page.getByLabel('Prénoms, dans l’ordre de l’acte').fill('Zoé Anne');
      await page.getByText('Féminin').click();
      await page.getByLabel('Date de naissance').fill(today);
      await sendDeclaration(page);

      await openCalendar(page, url);
      assert.equal(await statusOf(page, 'Déclarer la naissance à la mairie'), 'Fait');
      assert.equal(await statusOf(page, 'Inscrire l’enfant sur votre carte Vitale'), 'À faire');
      // Over with the birth, not ticked by her: nothing to untick.
      for (const title of [FIRST_EXAM, '7e examen prénatal']) {
        assert.equal(await statusOf(page, title), 'Fait', title);
        assert.equal(await stepCard(page, title).getByRole('button').count(), 0, title);
      }
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });
});
