// The documents a person sends ahead of an appointment. The type is read from the content's first
// bytes (magic numbers), never from the name the browser gives: a script named "avis.pdf" is
// refused before anything is written. Kept in PostgreSQL (bytea), so that a document exists only
// with its appointment and goes with it; deleted RETENTION_DAYS after the appointment.
import { createHash } from 'node:crypto';
import { AppError, type JobHandler, type Sql } from '../platform/index.ts';
import type { Appointment } from './appointment.ts';
import type { ExpectedDocument } from './catalogue.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_APPOINTMENT = 10;
/** Documents are kept this many days after the appointment, then deleted (data minimisation, RGPD art. 5). */
export const RETENTION_DAYS = 90;
export const PURGE_DOCUMENTS_JOB = 'appointments.purge-documents';

const FILE_TYPES = [
  { contentType: 'application/pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d], label: 'PDF' },
  {
    contentType: 'image/png',
    extensions: ['png'],
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    label: 'PNG',
  },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff], label: 'JPEG' },
] as const;
export type DocumentContentType = (typeof FILE_TYPES)[number]['contentType'];

/** The type of a file by its first bytes (PDF, PNG, JPEG), or null for anything else. */
export const detectFileType = (content: Uint8Array) =>
  FILE_TYPES.find((type) => type.magic.every((byte, index) => content[index] === byte)) ?? null;

export type DocumentInfo = {
  id: string;
  appointmentId: string;
  kind: string | null;
  fileName: string;
  contentType: DocumentContentType;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
};

type DocumentRow = {
  id: string;
  appointment_id: string;
  kind: string | null;
  file_name: string;
  content_type: DocumentContentType;
  size_bytes: number;
  sha256: string;
  uploaded_at: string | Date;
};

const INFO_COLUMNS = 'id, appointment_id, kind, file_name, content_type, size_bytes, sha256, uploaded_at';

const toInfo = (row: DocumentRow): DocumentInfo => ({
  id: row.id,
  appointmentId: row.appointment_id,
  kind: row.kind,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  uploadedAt: new Date(row.uploaded_at).toISOString(),
});

const fileRefused = (code: string, fr: string, en: string, status = 400) =>
  new AppError(code, { status, field: 'file', messages: { fr, en } });

export const fileTooLarge = () =>
  fileRefused(
    'file_too_large',
    `Ce fichier est trop lourd : ${MAX_DOCUMENT_BYTES / 1024 / 1024} Mo au plus.`,
    `This file is too large: ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB at most.`,
    413,
  );

// Names come from the person's computer: keep them short and printable.
const cleanName = (fileName: string) =>
  fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\p{Cc}|"/gu, '')
    .trim()
    .slice(0, 200) || 'document';

export type AddDocumentInput = {
  appointment: Appointment;
  documentsExpected: ExpectedDocument[];
  fileName: string;
  kind?: string | undefined;
  content: Buffer;
};

/** Checks a file (size, type by content, name agreeing with it, kind expected) and stores it. */
export const addDocument = async (
  db: Sql,
  { appointment, documentsExpected, fileName, kind, content }: AddDocumentInput,
) => {
  if (!['held', 'booked'].includes(appointment.status)) {
    throw fileRefused(
      'appointment_closed',
      'Ce rendez-vous n’attend plus de documents.',
      'This appointment no longer takes documents.',
      409,
    );
  }
  if (content.length === 0) throw fileRefused('file_empty', 'Ce fichier est vide.', 'This file is empty.');
  if (content.length > MAX_DOCUMENT_BYTES) throw fileTooLarge();
  const type = detectFileType(content);
  if (!type) {
    throw fileRefused(
      'file_type_refused',
      'Ce fichier n’est ni un PDF, ni une image JPEG ou PNG : son contenu ne correspond à aucun de ces formats.',
      'This file is neither a PDF nor a JPEG or PNG image: its content matches none of these formats.',
    );
  }
  const name = cleanName(fileName);
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  if (extension && !(type.extensions as readonly string[]).includes(extension)) {
    throw fileRefused(
      'file_type_mismatch',
      `Le nom du fichier annonce « .${extension} » mais son contenu est un ${type.label}. Renommez-le ou envoyez le bon fichier.`,
      `The file name says ".${extension}" but its content is a ${type.label}. Rename it or send the right file.`,
    );
  }
  if (kind && !documentsExpected.some((expected) => expected.code === kind)) {
    throw new AppError('unknown_document_kind', {
      field: 'kind',
      messages: {
        fr: 'Ce document n’est pas demandé pour ce rendez-vous.',
        en: 'This document is not expected for this appointment.',
      },
    });
  }
  const [{ count }] = (await db.query<{ count: number }>(
    'select count(*)::int as count from appointments.documents where appointment_id = $1',
    [appointment.id],
  )) as [{ count: number }];
  if (count >= MAX_DOCUMENTS_PER_APPOINTMENT) {
    throw fileRefused(
      'too_many_documents',
      `Vous avez déjà envoyé ${MAX_DOCUMENTS_PER_APPOINTMENT} documents pour ce rendez-vous.`,
      `You have already sent ${MAX_DOCUMENTS_PER_APPOINTMENT} documents for this appointment.`,
      409,
    );
  }
  const [row] = await db.query<DocumentRow>(
    `insert into appointments.documents (appointment_id, kind, file_name, content_type, size_bytes, sha256, content)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${INFO_COLUMNS}`,
    [
      appointment.id,
      kind ?? null,
      name,
      type.contentType,
      content.length,
      createHash('sha256').update(content).digest('hex'),
      content,
    ],
  );
  return toInfo(row!);
};

export const listDocuments = async (db: Sql, appointmentIds: string[]) => {
  const rows = await db.query<DocumentRow>(
    `select ${INFO_COLUMNS} from appointments.documents where appointment_id = any($1::uuid[]) order by uploaded_at, id`,
    [appointmentIds],
  );
  return rows.map(toInfo);
};

/** A document's content, or null when it is not one of this appointment's. */
export const readDocument = async (
  db: Sql,
  { appointmentId, documentId }: { appointmentId: string; documentId: string },
) => {
  const [row] = await db.query<DocumentRow & { content: Uint8Array }>(
    `select ${INFO_COLUMNS}, content from appointments.documents where id = $1 and appointment_id = $2`,
    [documentId, appointmentId],
  );
  return row ? { info: toInfo(row), content: Buffer.from(row.content) } : null;
};

export const deleteDocument = async (
  db: Sql,
  { appointmentId, documentId }: { appointmentId: string; documentId: string },
) => {
  const rows = await db.query('delete from appointments.documents where id = $1 and appointment_id = $2 returning id', [
    documentId,
    appointmentId,
  ]);
  return rows.length > 0;
};

/** Deletes every document whose appointment ended more than RETENTION_DAYS ago; returns how many. */
export const purgeExpiredDocuments = async (db: Sql, now: number = Date.now()) => {
  const rows = await db.query(
    `delete from appointments.documents d using appointments.appointments a
      where a.id = d.appointment_id and a.ends_at + make_interval(days => $2::int) <= $1
      returning d.id`,
    [new Date(now).toISOString(), RETENTION_DAYS],
  );
  return rows.length;
};

/** The retention job, enqueued at each booking for the day its documents fall due. */
export const purgeDocumentsJob: JobHandler = async (_payload, { db }) => {
  await purgeExpiredDocuments(db);
};
