// A node's inbox: checks each message (addressed to it, signed by its sender's published key),
// then applies it exactly once: the idempotency key is written in the same transaction as the
// change, so a replay (or a second delivery of the same message) only repeats the first answer.
// A batch is applied in one transaction (one bulk insert of the keys, then the handlers in order:
// a run of messages of a type with a batch handler in a few set-based statements, any other one by one);
// when a handler throws (a refusal or a fault), the batch is applied again with each message in its
// own savepoint, so that the refusal undoes that message's changes only, and a failing message
// gets no acknowledgement (the hub sends it again) without holding back the others.
import {
  isSignedBy,
  STATUS_CODES,
  type Acknowledgement,
  type Envelope,
  type Holding,
  type SignedMessage,
  type StatusCode,
} from '../exchange/index.ts';
import type { Db, Logger, Messages, Sql } from '../platform/index.ts';
import { publicKeyOf } from './hub-client.ts';
import { BodyRejection, schemaOf, type Applied, type BodyNode } from './node.ts';

type InboxRow = { idempotency_key: string; status: Acknowledgement['status']; code: string; reason: Messages | null };

type Verdict =
  | { envelope: Envelope; holdings: Holding[] }
  | { envelope: Envelope; rejection: BodyRejection }
  | { envelope: Envelope; failure: unknown };

const rejected = (messageId: string, code: StatusCode, reason: Messages = STATUS_CODES[code]): Acknowledgement => ({
  messageId,
  status: 'rejected',
  code,
  reason,
  isReplay: false,
});

const unhandledType = (type: string) =>
  new BodyRejection('REJ-31', {
    fr: `Ce type de message n’est pas pris en charge par l’organisme (${type}).`,
    en: `This message type is not handled by the body (${type}).`,
  });

/** The fresh messages in runs to apply: consecutive messages of a type with a batch handler together, any other alone. */
const runsOf = (node: BodyNode, fresh: Envelope[]) => {
  const runs: Envelope[][] = [];
  for (const envelope of fresh) {
    const last = runs.at(-1);
    if (last && node.batchHandlers?.[envelope.type] && last[0]!.type === envelope.type) last.push(envelope);
    else runs.push([envelope]);
  }
  return runs;
};

/** Applies one run: per message, what it applied or why it is refused (a handler may also throw its refusal). */
const applyRun = async (tx: Sql, node: BodyNode, run: Envelope[]): Promise<(Applied | BodyRejection | void)[]> => {
  const { type } = run[0]!;
  const batchHandler = node.batchHandlers?.[type];
  if (batchHandler) return batchHandler(tx, run);
  const handler = node.handlers[type];
  return [handler ? await handler(tx, run[0]!) : unhandledType(type)];
};

const verdictOf = (envelope: Envelope, result: Applied | BodyRejection | void): Verdict =>
  result instanceof BodyRejection ? { envelope, rejection: result } : { envelope, holdings: result?.holdings ?? [] };

/** Runs the handlers of the fresh messages, in order; `isolated`: each message alone in its own savepoint. */
const applyInOrder = async (tx: Sql, node: BodyNode, fresh: Envelope[], isolated: boolean) => {
  const verdicts: Verdict[] = [];
  if (!isolated) {
    // A thrown refusal here rolls the whole batch back; the caller applies it again, isolated.
    for (const run of runsOf(node, fresh))
      (await applyRun(tx, node, run)).forEach((result, index) => verdicts.push(verdictOf(run[index]!, result)));
    return verdicts;
  }
  for (const envelope of fresh) {
    await tx.query('savepoint message');
    try {
      const [result] = await applyRun(tx, node, [envelope]);
      await tx.query('release savepoint message');
      verdicts.push(verdictOf(envelope, result));
    } catch (error) {
      await tx.query('rollback to savepoint message');
      if (error instanceof BodyRejection) verdicts.push({ envelope, rejection: error });
      else verdicts.push({ envelope, failure: error });
    }
  }
  return verdicts;
};

const applyBatch = (db: Db, node: BodyNode, accepted: Envelope[], isolated: boolean) =>
  db.transaction(async (tx) => {
    const schema = schemaOf(node.party);
    const inserted = await tx.query<{ message_id: string; idempotency_key: string }>(
      `insert into ${schema}.inbox (message_id, idempotency_key, correlation_id, sender, type, status, code)
       select t.message_id, t.idempotency_key, t.correlation_id, t.sender, t.type, 'processed', 'ACK-00'
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) with ordinality
              as t(message_id, idempotency_key, correlation_id, sender, type, n)
        order by t.n
       on conflict (idempotency_key) do nothing
       returning message_id, idempotency_key`,
      [
        accepted.map((envelope) => envelope.messageId),
        accepted.map((envelope) => envelope.idempotencyKey),
        accepted.map((envelope) => envelope.correlationId),
        accepted.map((envelope) => envelope.sender),
        accepted.map((envelope) => envelope.type),
      ],
    );
    // The first message holding each new key is applied; any other one with the same key is a replay.
    const freshKeys = new Map(inserted.map((row) => [row.idempotency_key, row.message_id]));
    const fresh: Envelope[] = [];
    for (const envelope of accepted)
      if (freshKeys.get(envelope.idempotencyKey) === envelope.messageId) {
        fresh.push(envelope);
        freshKeys.delete(envelope.idempotencyKey);
      }
    const verdicts = await applyInOrder(tx, node, fresh, isolated);
    // A message that failed unexpectedly is not received: its key is freed, it gets no
    // acknowledgement and the hub sends it again later; the others of the batch are applied.
    const failures = verdicts.flatMap((verdict) => ('failure' in verdict ? [verdict] : []));
    if (failures.length)
      await tx.query(`delete from ${schema}.inbox where idempotency_key = any($1::text[])`, [
        failures.map(({ envelope }) => envelope.idempotencyKey),
      ]);
    const refusals = verdicts.flatMap((verdict) => ('rejection' in verdict ? [verdict] : []));
    // The refusal is recorded once under the key, like an application: a replay repeats it.
    if (refusals.length)
      await tx.query(
        `update ${schema}.inbox i set status = 'rejected', code = t.code, reason = t.reason::jsonb
           from unnest($1::text[], $2::text[], $3::text[]) as t(idempotency_key, code, reason)
          where i.idempotency_key = t.idempotency_key`,
        [
          refusals.map(({ envelope }) => envelope.idempotencyKey),
          refusals.map(({ rejection }) => rejection.code),
          refusals.map(({ rejection }) => JSON.stringify(rejection.reason)),
        ],
      );
    const freshIds = new Set(fresh.map((envelope) => envelope.messageId));
    const replayKeys = accepted
      .filter((envelope) => !freshIds.has(envelope.messageId))
      .map((envelope) => envelope.idempotencyKey);
    const firstAnswers = replayKeys.length
      ? await tx.query<InboxRow>(
          `select idempotency_key, status, code, reason from ${schema}.inbox where idempotency_key = any($1::text[])`,
          [replayKeys],
        )
      : [];
    return { verdicts, firstAnswers: new Map(firstAnswers.map((row) => [row.idempotency_key, row])) };
  });

export const receiveMessages = async (
  db: Db,
  node: BodyNode,
  { hubUrl, logger, onApplied }: { hubUrl: string; logger: Logger; onApplied: (applied: Applied) => Promise<void> },
  messages: SignedMessage[],
): Promise<Acknowledgement[]> => {
  const refused = new Map<string, Acknowledgement>();
  const accepted: Envelope[] = [];
  // The senders' published keys first (a few at most), then every signature checked in one pass.
  const senders = [...new Set(messages.map((message) => message.envelope.sender))];
  const keys = new Map(
    await Promise.all(senders.map(async (sender) => [sender, await publicKeyOf(hubUrl, sender)] as const)),
  );
  const signed = await Promise.all(
    messages.map((message) => {
      const key = keys.get(message.envelope.sender);
      return key ? isSignedBy(message, key) : false;
    }),
  );
  for (const [index, message] of messages.entries()) {
    const { envelope } = message;
    if (envelope.recipient !== node.party) {
      logger.warn({ messageId: envelope.messageId, recipient: envelope.recipient }, 'message refusé : destinataire');
      refused.set(envelope.messageId, rejected(envelope.messageId, 'REJ-12'));
      continue;
    }
    // An unsigned or forged message is refused before it can take the idempotency key of a real one.
    if (!signed[index]) {
      logger.warn({ messageId: envelope.messageId, sender: envelope.sender }, 'message refusé : signature invalide');
      refused.set(envelope.messageId, rejected(envelope.messageId, 'REJ-10'));
      continue;
    }
    accepted.push(envelope);
  }

  let outcome: Awaited<ReturnType<typeof applyBatch>> = { verdicts: [], firstAnswers: new Map() };
  if (accepted.length)
    try {
      outcome = await applyBatch(db, node, accepted, false);
    } catch {
      // A refusal, or a fault in one message's handler: again, each message in its own savepoint.
      outcome = await applyBatch(db, node, accepted, true);
    }
  const verdicts = new Map(outcome.verdicts.map((verdict) => [verdict.envelope.messageId, verdict]));
  for (const verdict of outcome.verdicts)
    if ('failure' in verdict)
      logger.error(
        { err: verdict.failure, messageId: verdict.envelope.messageId, type: verdict.envelope.type },
        'message non appliqué : erreur inattendue, il sera renvoyé',
      );

  const holdings = outcome.verdicts.flatMap((verdict) => ('holdings' in verdict ? verdict.holdings : []));
  if (holdings.length)
    await onApplied({ holdings }).catch((error: unknown) =>
      logger.error({ err: error }, 'déclaration au répertoire en échec'),
    );

  // One acknowledgement per message received, in the order received.
  return messages.flatMap(({ envelope }): Acknowledgement[] => {
    const refusal = refused.get(envelope.messageId);
    if (refusal) return [refusal];
    const verdict = verdicts.get(envelope.messageId);
    if (verdict && 'failure' in verdict) return [];
    if (verdict && 'rejection' in verdict)
      return [rejected(envelope.messageId, verdict.rejection.code, verdict.rejection.reason)];
    if (verdict)
      return [{ messageId: envelope.messageId, status: 'processed', code: 'ACK-00', reason: null, isReplay: false }];
    // Already applied (or refused) under this idempotency key: the first answer again, nothing applied.
    const first = outcome.firstAnswers.get(envelope.idempotencyKey)!;
    return [
      { messageId: envelope.messageId, status: first.status, code: first.code, reason: first.reason, isReplay: true },
    ];
  });
};
