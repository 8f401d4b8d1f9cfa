// A declaration as its author sees it: what was declared and, body by body, where it stands.
import { getMessageStatuses, STATUS_CODES, type DeliveryStatus, type StatusCode } from '../exchange/index.ts';
import { notFound, type Messages, type Sql } from '../platform/index.ts';
import type { DeclarationInput } from './declaration-input.ts';
import type { SentRecipient } from './submit-declaration.ts';

export type RecipientStatus = Omit<SentRecipient, 'intakeCode' | 'intakeStatus' | 'messageId'> & {
  status: DeliveryStatus;
  code: string;
  reason: Messages | null;
  isRetrying: boolean;
  updatedAt: string;
};

export type Declaration = {
  id: string;
  type: DeclarationInput['type'];
  content: DeclarationInput;
  createdAt: string;
  recipients: RecipientStatus[];
  /** Every body has answered (processed or rejected) or the message was abandoned. */
  isComplete: boolean;
};

type Row = {
  id: string;
  type: DeclarationInput['type'];
  content: DeclarationInput;
  recipients: SentRecipient[];
  created_at: string | Date;
};

const FINAL: DeliveryStatus[] = ['processed', 'rejected', 'failed'];

export const toDeclaration = async (db: Sql, row: Row): Promise<Declaration> => {
  const statuses = new Map((await getMessageStatuses(db, row.id)).map((status) => [status.messageId, status]));
  const recipients = row.recipients.map(({ intakeCode, intakeStatus, messageId, ...recipient }): RecipientStatus => {
    const status = statuses.get(messageId);
    if (!status || intakeStatus === 'refused')
      return {
        ...recipient,
        status: 'rejected',
        code: intakeCode,
        reason: STATUS_CODES[intakeCode as StatusCode] ?? null,
        isRetrying: false,
        updatedAt: new Date(row.created_at).toISOString(),
      };
    return {
      ...recipient,
      status: status.status,
      code: status.code,
      reason: status.reason,
      isRetrying: status.isRetrying,
      updatedAt: status.updatedAt,
    };
  });
  return {
    id: row.id,
    type: row.type,
    content: row.content,
    createdAt: new Date(row.created_at).toISOString(),
    recipients,
    isComplete: recipients.every((recipient) => FINAL.includes(recipient.status)),
  };
};

/** The person's own declaration; someone else's is "not found", never shown. */
export const getDeclaration = async (db: Sql, { id, personId }: { id: string; personId: string }) => {
  const [row] = await db.query<Row>(
    'select id, type, content, recipients, created_at from declarations.declarations where id = $1 and person_id = $2',
    [id, personId],
  );
  if (!row) throw notFound({ fr: 'Déclaration', en: 'Declaration' });
  return toDeclaration(db, row);
};

export const listDeclarations = async (db: Sql, personId: string) => {
  const rows = await db.query<Row>(
    'select id, type, content, recipients, created_at from declarations.declarations where person_id = $1 order by created_at desc limit 100',
    [personId],
  );
  return Promise.all(rows.map((row) => toDeclaration(db, row)));
};
