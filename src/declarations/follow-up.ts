// Tells the person, in their notification centre, where their declaration stands: when it is sent,
// when a body rejects it (with the reason), and when every body has answered. A durable job looks
// at the statuses a few seconds after sending, then less and less often, until all have answered;
// each notification has its own dedupe key, so a retried job never notifies twice.
import { notify } from '../notifications/index.ts';
import { enqueueJob, type JobHandler, type Sql } from '../platform/index.ts';
import { getDeclaration } from './get-declaration.ts';

export const FOLLOW_UP_JOB = 'declarations.follow-up';
type FollowUpPayload = { declarationId: string; personId: string; round: number };

/** 2 s, 4 s, 8 s… then every 10 minutes; a day of rounds at most (a body down longer stays visible on the page). */
const delayMs = (round: number) => Math.min(2000 * 2 ** round, 10 * 60_000);
const LAST_ROUND = 150;

const statusLink = (declarationId: string) => `/mon-espace/declarations/${declarationId}`;

export const scheduleFollowUp = (tx: Sql, payload: FollowUpPayload) =>
  enqueueJob(tx, {
    type: FOLLOW_UP_JOB,
    payload,
    runAt: new Date(Date.now() + delayMs(payload.round)),
    idempotencyKey: `${FOLLOW_UP_JOB}:${payload.declarationId}:${payload.round}`,
  });

/** In the submission's transaction: the "sent" notification and the first look at the statuses. */
export const notifySent = async (
  tx: Sql,
  { declarationId, personId, bodies }: { declarationId: string; personId: string; bodies: number },
) => {
  await notify(tx, {
    personId,
    kind: 'declaration-status',
    title: { fr: 'Déclaration envoyée', en: 'Declaration sent' },
    body: {
      fr: `Votre déclaration a été transmise à ${bodies} organisme(s). Vous serez prévenu de leurs réponses.`,
      en: `Your declaration was passed on to ${bodies} body(ies). You will be told of their answers.`,
    },
    link: statusLink(declarationId),
    dedupeKey: `declaration:${declarationId}:sent`,
  });
  await scheduleFollowUp(tx, { declarationId, personId, round: 0 });
};

export const followUpJob: JobHandler<FollowUpPayload> = async ({ declarationId, personId, round }, { db }) => {
  await db.transaction(async (tx) => {
    const declaration = await getDeclaration(tx, { id: declarationId, personId });
    for (const recipient of declaration.recipients)
      if (recipient.status === 'rejected' || recipient.status === 'failed')
        await notify(tx, {
          personId,
          kind: 'declaration-status',
          title: {
            fr: `Déclaration refusée par ${recipient.name.fr}`,
            en: `Declaration rejected by ${recipient.name.en}`,
          },
          body: {
            fr: recipient.reason?.fr ?? 'L’organisme n’a pas pu traiter votre déclaration.',
            en: recipient.reason?.en ?? 'The body could not process your declaration.',
          },
          link: statusLink(declarationId),
          dedupeKey: `declaration:${declarationId}:${recipient.party}:rejected`,
        });
    if (declaration.isComplete) {
      const processed = declaration.recipients.filter((recipient) => recipient.status === 'processed').length;
      await notify(tx, {
        personId,
        kind: 'declaration-status',
        title: { fr: 'Déclaration traitée', en: 'Declaration processed' },
        body: {
          fr: `${processed} organisme(s) sur ${declaration.recipients.length} ont traité votre déclaration.`,
          en: `${processed} of ${declaration.recipients.length} bodies have processed your declaration.`,
        },
        link: statusLink(declarationId),
        dedupeKey: `declaration:${declarationId}:complete`,
      });
      return;
    }
    if (round < LAST_ROUND) await scheduleFollowUp(tx, { declarationId, personId, round: round + 1 });
  });
};
