// Appointments in a real browser: Camille books a video appointment with a document, downloads
// the ICS file, gets its reminder (notification centre and e-mail, run by the real worker) and
// finds it in « Mes rendez-vous »; the CAF advisor sees her document in the agenda; both meet in
// the video room (two Chromium profiles with fake camera and microphone); after an appointment
// Camille gives her opinion and the agent reads the results. axe on every page.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REMINDER_JOB } from '../../src/appointments/index.ts';
import {
  axeViolations,
  browserSkipReason,
  capturedEmails,
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  logInInBrowser,
  newContext,
  startBrowserGuichet,
} from './browser.ts';

const CAMILLE = 'camille.martin@demo.guichet.fr';
const AGENT_CAF = 'agent.caf@demo.guichet.fr';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SCRIPT_AS_PDF = Buffer.from('<html><script>alert(document.cookie)</script></html>');

// The login, with what the page showed when it failed (the app sometimes did not render under load).
const login = (context: BrowserContext, url: string, kind: 'citizen' | 'agent', email: string) =>
  logInInBrowser(context, url, kind, email).catch(async (error: unknown) => {
    const open = context.pages().at(-1);
    const scripts =
      (await open?.locator('script[src]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src))) ?? [];
    const statuses = await Promise.all(
      scripts.map(async (src) => `${src} ${(await context.request.get(src)).status()}`),
    );
    throw new Error(
      `${String(error)} — ${open?.url()} — ${statuses.join(', ')} — ${(await open?.locator('body').innerText())?.slice(0, 500)}`,
    );
  });

/** A JSON call with the page's session (and its CSRF token for writes). */
const callApi = async <T>(page: Page, url: string, path: string, body?: unknown): Promise<T> => {
  const session = await (await page.context().request.get(`${url}/api/v1/session`)).json();
  const response = body
    ? await page.context().request.post(`${url}${path}`, {
        data: body,
        headers: { 'x-csrf-token': session.csrfToken },
      })
    : await page.context().request.get(`${url}${path}`);
  assert.ok(response.ok(), `${path} : ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
};

const assertAxe = async (page: Page, where: string) =>
  assert.deepEqual(await axeViolations(page), [], `violations axe sur ${where}`);

describe('rendez-vous dans le navigateur', { skip: browserSkipReason }, async () => {
  // The workers run the jobs (the appointment reminders…), as `guichet start` does.
  const { url, browser, db } = await startBrowserGuichet({ workers: true });
  let appointmentId = '';
  let advisorId = '';
  let personId = '';

  it('Camille prend un rendez-vous vidéo avec un document, télécharge le fichier ICS, reçoit le rappel, et la conseillère voit le document', async () => {
    const agentContext = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const citizenContext = await newContext(browser);
    try {
      // The CAF team: every colleague of the demo agent is away, so the demo agent is the one assigned.
      const agentPage = await login(agentContext, url, 'agent', AGENT_CAF);
      const advisors = await callApi<{ items: { id: string }[]; me: { id: string } }>(
        agentPage,
        url,
        '/api/v1/agent/advisors',
      );
      advisorId = advisors.me.id;
      const away = { startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 90 * 86_400_000).toISOString() };
      for (const colleague of advisors.items.filter((advisor) => advisor.id !== advisorId)) {
        await callApi(agentPage, url, `/api/v1/agent/advisors/${colleague.id}/absences`, { ...away, label: 'Congés' });
      }

      const page = await login(citizenContext, url, 'citizen', CAMILLE);
      personId = (await callApi<{ person: { id: string } }>(page, url, '/api/v1/me')).person.id;
      await page.getByRole('link', { name: 'Prendre rendez-vous' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Prendre rendez-vous' }).waitFor();
      await page.goto(`${url}/prendre-rendez-vous?motif=caf-naissance-droits`);
      await page.locator('input[name="canal"]').first().waitFor({ state: 'attached' });
      assert.equal(await page.locator('input[name="motif"]:checked').count(), 1, 'le motif arrive déjà choisi');
      await assertAxe(page, 'la demande');
      // Without a channel, the error is said next to the field.
      await page.getByRole('button', { name: 'Voir les créneaux' }).click();
      await page.getByText('Choisissez comment se passe le rendez-vous.').waitFor();
      await page.locator('label', { hasText: 'En vidéo' }).click();
      await page.getByRole('button', { name: 'Voir les créneaux' }).click();
      await page.locator('input[name="creneau"]').first().waitFor({ state: 'attached' });
      await assertAxe(page, 'le choix du créneau');
      await page.locator('input[name="creneau"] + label').first().click();
      await page.getByRole('button', { name: 'Choisir ce créneau' }).click();
      await page.getByRole('heading', { name: 'Vos documents' }).waitFor();
      assert.match(await page.locator('main').innerText(), /Munissez-vous de votre numéro d’allocataire/);

      // A script disguised as a PDF is refused, with the reason under its field; nothing is stored.
      await page
        .locator('#document-autre')
        .setInputFiles({ name: 'facture.pdf', mimeType: 'application/pdf', buffer: SCRIPT_AS_PDF });
      await page.locator('.fr-upload-group--error, .fr-input-group--error').first().waitFor();
      assert.match(await page.locator('main').innerText(), /PDF|JPEG|PNG/);
      await page
        .locator('#document-acte-naissance')
        .setInputFiles({ name: 'livret-de-famille.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByText('Document reçu.').waitFor();
      await page.getByRole('link', { name: /livret-de-famille\.pdf/ }).waitFor();
      await assertAxe(page, 'les documents');

      await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rendez-vous confirmé' }).waitFor();
      appointmentId = /\/mes-rendez-vous\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      await assertAxe(page, 'la confirmation');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Ajouter à mon agenda (fichier .ics)' }).click(),
      ]);
      const failure = await download.failure();
      if (failure) {
        const direct = await page.context().request.get(`${url}/api/v1/appointments/${appointmentId}/ics`);
        throw new Error(`${failure} / ${download.url()} / ${direct.status()} ${JSON.stringify(direct.headers())}`);
      }
      const ics = await fs.readFile((await download.path())!, 'utf8');
      assert.match(ics, /BEGIN:VCALENDAR/);
      assert.match(ics, /Comprendre mes droits après une naissance/);

      // Her next reminder, queued at booking for later: brought forward at the test's edge, then run
      // by the server's running worker as at its time. She gets it by e-mail (captured, no SMTP
      // server here) and in her notification centre, whose link leads to her appointment.
      const [reminder] = await db.query<{ id: string; kind: string }>(
        `select id, payload->>'kind' as kind from platform.jobs
          where type = $1 and status = 'queued' and payload->>'appointmentId' = $2
          order by run_at limit 1`,
        [REMINDER_JOB, appointmentId],
      );
      assert.ok(reminder, 'un rappel est prévu à la réservation');
      await db.query('update platform.jobs set run_at = now() where id = $1', [reminder.id]);
      const reminderTitle = `Rendez-vous ${reminder.kind === '48h' ? 'dans 2 jours' : 'dans 2 heures'} : Comprendre mes droits après une naissance`;
      const emails = await capturedEmails(db, reminderTitle);
      assert.deepEqual(
        emails.map((email) => email.recipient),
        [CAMILLE],
      );
      assert.ok(emails[0]!.text_body.includes(`${url}/mes-rendez-vous/${appointmentId}`), emails[0]!.text_body);
      await page.goto(`${url}/mon-espace`);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: /^Notifications\s*, \d+ non lue/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      const notice = page
        .locator('article')
        .filter({ has: page.getByRole('heading', { level: 3, name: reminderTitle }) });
      await notice.getByText('Non lue').waitFor();
      await assertAxe(page, 'les notifications');
      await notice.getByRole('link', { name: 'Voir' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mon rendez-vous' }).waitFor();
      assert.equal(page.url(), `${url}/mes-rendez-vous/${appointmentId}`);

      await page.goto(`${url}/mes-rendez-vous`);
      await page.getByRole('heading', { level: 2, name: 'À venir' }).waitFor();
      await page.getByRole('link', { name: 'Déplacer' }).first().waitFor();
      await page.getByRole('button', { name: 'Annuler' }).first().waitFor();
      await assertAxe(page, 'mes rendez-vous');
      await page.getByRole('link', { name: 'Déplacer' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Déplacer mon rendez-vous' }).waitFor();
      await page.locator('input[name="creneau"]').first().waitFor({ state: 'attached' });
      await assertAxe(page, 'le déplacement');

      // The advisor: the agenda shows it; the appointment shows Camille's document, which downloads.
      const { startsAt } = await callApi<{ startsAt: string }>(page, url, `/api/v1/appointments/${appointmentId}`);
      const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(startsAt));
      await agentPage.goto(`${url}/agent/agenda?vue=semaine&date=${date}`);
      await agentPage.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
      await agentPage.getByText(/Rendez-vous à venir sur la période/).waitFor();
      await assertAxe(agentPage, 'l’agenda');
      await agentPage.goto(`${url}/agent/rendez-vous/${appointmentId}`);
      await agentPage.getByRole('heading', { level: 2, name: 'Documents envoyés par la personne' }).waitFor();
      const link = agentPage.getByRole('link', { name: /livret-de-famille\.pdf/ });
      await link.waitFor();
      const [document] = await Promise.all([agentPage.waitForEvent('download'), link.click()]);
      assert.equal((await fs.readFile((await document.path())!)).subarray(0, 5).toString(), '%PDF-');
      assert.match(await agentPage.locator('main').innerText(), /Camille/);
      await assertAxe(agentPage, 'le rendez-vous côté agent');
      await agentPage.goto(`${url}/agent/conseillers/${advisorId}/disponibilites`);
      await agentPage.getByRole('heading', { level: 2, name: 'Absences en cours et à venir' }).waitFor();
      await assertAxe(agentPage, 'les plages et absences');
    } finally {
      await agentContext.close();
      await citizenContext.close();
    }
  });

  it('à l’heure du rendez-vous vidéo, Camille et sa conseillère se voient (deux navigateurs, caméras simulées)', async () => {
    // Put in place at the test's edge: an appointment that started 5 minutes ago.
    const [row] = await db.query<{ id: string }>(
      `insert into appointments.appointments (reason_id, advisor_id, person_id, channel, status, starts_at, ends_at, busy, booked_at)
       select r.id, $1, $2, 'video', 'booked', now() - interval '5 minutes', now() + interval '25 minutes',
              tstzrange(now() - interval '5 minutes', now() + interval '25 minutes'), now()
         from appointments.reasons r where r.code = 'caf-aide-logement' returning id`,
      [advisorId, personId],
    );
    const videoId = row!.id;
    const mediaBrowser: Browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
    });
    try {
      const citizen = await newContext(mediaBrowser);
      const agent = await newContext(mediaBrowser, { viewport: { width: 1280, height: 900 } });
      const citizenPage = await login(citizen, url, 'citizen', CAMILLE);
      await citizenPage.goto(`${url}/mes-rendez-vous`);
      await citizenPage.getByRole('link', { name: 'Rejoindre le rendez-vous vidéo' }).first().click();
      await citizenPage.getByRole('heading', { level: 1, name: 'Rendez-vous vidéo' }).waitFor();
      assert.ok(citizenPage.url().endsWith(`/mes-rendez-vous/${videoId}/visio`));
      await citizenPage.locator('[data-state="waiting"]').waitFor();

      const agentPage = await login(agent, url, 'agent', AGENT_CAF);
      await agentPage.goto(`${url}/agent/rendez-vous/${videoId}`);
      await agentPage.getByRole('link', { name: 'Rejoindre le rendez-vous vidéo' }).click();
      for (const page of [citizenPage, agentPage]) {
        await page.locator('[data-state="connected"]').waitFor({ timeout: 20_000 });
        await page
          .waitForFunction(() => {
            const video = document.querySelector<HTMLVideoElement>('video[data-remote]');
            return !!video && video.readyState >= 2 && video.videoWidth > 0;
          })
          .catch(async (error: unknown) => {
            const seen = await page.evaluate(() => {
              const video = document.querySelector<HTMLVideoElement>('video[data-remote]');
              return video
                ? {
                    readyState: video.readyState,
                    width: video.videoWidth,
                    paused: video.paused,
                    src: !!video.srcObject,
                  }
                : null;
            });
            throw new Error(`vidéo distante : ${JSON.stringify(seen)} (${String(error)})`);
          });
      }
      await assertAxe(citizenPage, 'la salle vidéo');
    } finally {
      await mediaBrowser.close();
    }
  });

  it('après un rendez-vous, Camille donne son avis une fois, et l’agent voit les résultats par motif', async () => {
    const citizen = await newContext(browser);
    const agent = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    try {
      const page = await login(citizen, url, 'citizen', CAMILLE);
      const agentPage = await login(agent, url, 'agent', AGENT_CAF);
      const camilleId = (await callApi<{ person: { id: string } }>(page, url, '/api/v1/me')).person.id;
      const { me } = await callApi<{ me: { id: string } }>(agentPage, url, '/api/v1/agent/advisors');
      const [row] = await db.query<{ id: string }>(
        `insert into appointments.appointments (reason_id, advisor_id, person_id, channel, status, starts_at, ends_at, busy, booked_at)
         select r.id, $1, $2, 'phone', 'booked', now() - interval '3 days', now() - interval '3 days' + interval '30 minutes',
                tstzrange(now() - interval '3 days', now() - interval '3 days' + interval '30 minutes'), now() - interval '5 days'
           from appointments.reasons r where r.code = 'caf-aide-logement' returning id`,
        [me.id, camilleId],
      );
      await page.goto(`${url}/mes-rendez-vous/${row!.id}`);
      await page.getByRole('heading', { level: 2, name: 'Votre avis sur ce rendez-vous' }).waitFor();
      await assertAxe(page, 'l’avis');
      await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
      await page.getByText('Choisissez une note de 1 à 5.').waitFor();
      await page.locator('input[name="satisfaction"][value="4"] + label').click();
      await page.locator('label', { hasText: 'En partie' }).click();
      await page.getByLabel('Un commentaire (facultatif)').fill('Conseillère claire, il me manquait un papier.');
      await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
      await page.getByText('Merci pour votre avis.').waitFor();
      await assertAxe(page, 'l’avis envoyé');

      await agentPage.goto(`${url}/agent/avis`);
      await agentPage.getByRole('heading', { level: 1, name: 'Avis des usagers' }).waitFor();
      await agentPage.getByRole('cell', { name: 'Faire le point sur mon aide au logement' }).waitFor();
      assert.match(await agentPage.locator('main table').innerText(), /4 \/ 5/);
      await assertAxe(agentPage, 'les résultats des avis');
    } finally {
      await citizen.close();
      await agent.close();
    }
  });
});
