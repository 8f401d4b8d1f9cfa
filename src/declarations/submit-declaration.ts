// "Tell us once": the declaration is written, signed by the guichet and handed to the hub, which
// checks and queues one message per body concerned — all in one transaction, so a declaration
// never exists without its messages, nor messages without it. The client's idempotency key makes a
// second sending of the same form (double click, retry after a timeout) return the first one.
import { acceptMessages, signMessage, type Hub, type Intake } from '../exchange/index.ts';
import { AppError, publishEvent, type Db, type Sql } from '../platform/index.ts';
import { kindOf } from './declaration-kinds.ts';
import type { DeclarationInput } from './declaration-input.ts';
import { notifySent } from './follow-up.ts';
import { planDeclaration } from './plan-declaration.ts';

export type SentRecipient = {
  party: string;
  name: { fr: string; en: string };
  purpose: string;
  why: { fr: string; en: string };
  legalBasis: string;
  decision: { reference: string; date: string };
  messageId: string;
  intakeCode: string;
  intakeStatus: Intake['status'];
};

export type Submission = { id: string; isReplay: boolean };

/** Payload of `declarations.submitted` (subject: the declarant's person id). */
export type DeclarationSubmitted = { declarationId: string; type: DeclarationInput['type'] };

const findByKey = async (db: Sql, personId: string, key: string, input: DeclarationInput) => {
  const [row] = await db.query<{ id: string; same: boolean }>(
    `select id, content = $3::jsonb as same from declarations.declarations where person_id = $1 and idempotency_key = $2`,
    [personId, key, JSON.stringify(input)],
  );
  if (row && !row.same)
    throw new AppError('idempotency_key_reused', {
      status: 409,
      field: 'idempotency-key',
      messages: {
        fr: 'Cette clé a déjà servi pour une autre déclaration : rechargez le formulaire avant d’envoyer.',
        en: 'This key was already used for another declaration: reload the form before sending.',
      },
    });
  return row ? { id: row.id, isReplay: true } : null;
};

export const submitDeclaration = async (
  db: Db,
  hub: Hub,
  {
    personId,
    input,
    idempotencyKey = null,
  }: { personId: string; input: DeclarationInput; idempotencyKey?: string | null },
): Promise<Submission> => {
  if (idempotencyKey) {
    const first = await findByKey(db, personId, idempotencyKey, input);
    if (first) return first;
  }
  return db.transaction(async (tx) => {
    const { routing, content, subjects } = await planDeclaration(tx, hub, personId, input);
    const [row] = await tx.query<{ id: string }>(
      `insert into declarations.declarations (person_id, type, content, recipients, idempotency_key)
       values ($1, $2, $3::jsonb, '[]'::jsonb, $4)
       on conflict (person_id, idempotency_key) do nothing returning id`,
      [personId, input.type, JSON.stringify(input), idempotencyKey],
    );
    // Another request with the same key committed in between: that one stands.
    if (!row) return (await findByKey(tx, personId, idempotencyKey!, input))!;
    const id = row.id;
    const key = hub.embeddedKey('guichet');
    const messages = routing.recipients.map((recipient) =>
      signMessage(key, {
        idempotencyKey: `declaration:${id}:${recipient.party}`,
        correlationId: id,
        recipient: recipient.party,
        type: routing.messageType,
        category: recipient.category,
        purpose: recipient.purpose,
        subjects: subjects.map((nir) => ({ nir })),
        content,
      }),
    );
    await kindOf(input).applyToGuichet?.(tx, personId, input);
    await notifySent(tx, { declarationId: id, personId, bodies: routing.recipients.length });
    await publishEvent<DeclarationSubmitted>(tx, {
      type: 'declarations.submitted',
      subject: personId,
      payload: { declarationId: id, type: input.type },
    });
    // Last: the hub's intake appends to the message log, whose lock is held until the commit, so
    // the submissions of other persons wait for it as briefly as possible.
    const intake = await acceptMessages(tx, hub, messages);
    const recipients: SentRecipient[] = routing.recipients.map((recipient, index) => ({
      party: recipient.party,
      name: recipient.name,
      purpose: recipient.purpose,
      why: recipient.why,
      legalBasis: recipient.legalBasis,
      decision: recipient.decision,
      messageId: messages[index]!.envelope.messageId,
      intakeCode: intake[index]!.code,
      intakeStatus: intake[index]!.status,
    }));
    await tx.query('update declarations.declarations set recipients = $2::jsonb where id = $1', [
      id,
      JSON.stringify(recipients),
    ]);
    return { id, isReplay: false };
  });
};
