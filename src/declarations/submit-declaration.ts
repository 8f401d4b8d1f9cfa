// "Tell us once": the declaration is written, signed by the guichet and handed to the hub, which
// checks and queues one message per body concerned — all in one transaction, so a declaration
// never exists without its messages, nor messages without it.
import { acceptMessages, signMessage, type BirthDeclaredContent, type Hub, type Intake } from '../exchange/index.ts';
import type { Db } from '../platform/index.ts';
import type { DeclarationInput } from './declaration-input.ts';
import { findParties, routeForPerson } from './route-for-person.ts';

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

export const submitDeclaration = async (
  db: Db,
  hub: Hub,
  { personId, input }: { personId: string; input: DeclarationInput },
) =>
  db.transaction(async (tx) => {
    const parties = await findParties(tx, personId);
    const routing = await routeForPerson(tx, hub, input.type, parties);
    const [row] = await tx.query<{ id: string; created_at: string | Date }>(
      `insert into declarations.declarations (person_id, type, content, recipients) values ($1, $2, $3::jsonb, '[]'::jsonb)
       returning id, created_at`,
      [personId, input.type, JSON.stringify(input)],
    );
    const id = row!.id;
    const content: BirthDeclaredContent = {
      declarant: parties.declarant,
      otherParent: parties.otherParent,
      children: input.children,
    };
    const key = hub.embeddedKey('guichet');
    const messages = routing.recipients.map((recipient) =>
      signMessage(key, {
        idempotencyKey: `declaration:${id}:${recipient.party}`,
        correlationId: id,
        recipient: recipient.party,
        type: routing.messageType,
        category: recipient.category,
        purpose: recipient.purpose,
        subjects: [{ nir: parties.declarant.nir }, ...(parties.otherParent ? [{ nir: parties.otherParent.nir }] : [])],
        content,
      }),
    );
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
    return { id, createdAt: new Date(row!.created_at).toISOString() };
  });
