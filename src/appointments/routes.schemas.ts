// The JSON shapes of the appointments routes (they also make the OpenAPI description).
import { z } from 'zod';
import { bilingual } from '../platform/index.ts';
import { STATUSES } from './appointment.ts';
import { AGENT_STATUSES } from './change-status.ts';
import { CHANNELS } from './compute-slots.ts';

const messages = z.strictObject({ fr: z.string(), en: z.string() });
const isoDate = z.iso.date().describe('YYYY-MM-DD, jour de Paris');
const instant = z.iso.datetime({ offset: true }).describe('instant ISO 8601 (UTC)');
const hhmm = z
  .string()
  .regex(
    /^([01][0-9]|2[0-3]):[0-5][0-9]$/,
    bilingual({ fr: 'Heure attendue au format HH:MM.', en: 'Time expected as HH:MM.' }),
  );
const channel = z.enum(CHANNELS);

export const idParams = z.strictObject({ id: z.uuid() });
export const documentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });

export const catalogueQuery = z.strictObject({
  body: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
});
export const sitesQuery = z.strictObject({
  body: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
  reasonId: z.uuid().optional(),
});

export const reasonResponse = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  description: z.string(),
  service: z.object({ id: z.uuid(), name: z.string(), body: z.string() }),
  durationMinutes: z.number().int(),
  channels: z.array(channel),
  bookableBy: z.enum(['citizen', 'agent']),
  bookingWindowDays: z.number().int(),
  minNoticeMinutes: z.number().int(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  documentsExpected: z.array(z.object({ code: z.string(), label: messages })),
  instructionsBefore: z.string(),
  instructionsAfter: z.string(),
  changeDeadlineMinutes: z.number().int(),
});

export const siteResponse = z.object({
  id: z.uuid(),
  body: z.string(),
  name: z.string(),
  address: z.object({ label: z.string(), postcode: z.string(), communeCode: z.string(), communeName: z.string() }),
  openingHours: z.string(),
  accessibility: z.array(z.string()),
  phone: z.string().nullable(),
});

export const slotsQuery = z.strictObject({
  reasonId: z.uuid(),
  channel,
  from: isoDate,
  to: isoDate,
  siteId: z.uuid().optional(),
});

export const slotResponse = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  siteId: z.uuid().nullable(),
  localDate: z.string(),
  localTime: z.string(),
  label: messages,
  freeAdvisors: z.number().int(),
});

export const slotsResponse = z.object({
  reason: z.object({ id: z.uuid(), label: z.string(), durationMinutes: z.number().int() }),
  channel,
  slots: z.array(slotResponse),
});

export const reserveBody = z.strictObject({
  reasonId: z.uuid(),
  channel,
  startsAt: instant,
  siteId: z.uuid().optional(),
});

export const rescheduleBody = z.strictObject({
  startsAt: instant,
  channel: channel.optional(),
  siteId: z.uuid().optional(),
});

export const appointmentResponse = z.object({
  id: z.uuid(),
  status: z.enum(STATUSES),
  personId: z.uuid(),
  reason: z.object({ id: z.uuid(), code: z.string(), label: z.string(), body: z.string() }),
  advisor: z.object({ id: z.uuid(), displayName: z.string() }),
  siteId: z.uuid().nullable(),
  channel,
  startsAt: z.string(),
  endsAt: z.string(),
  label: messages,
  holdExpiresAt: z.string().nullable(),
  sequence: z.number().int(),
  bookedBy: z.enum(['citizen', 'agent']),
  bookedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});

export const documentResponse = z.object({
  id: z.uuid(),
  appointmentId: z.uuid(),
  kind: z.string().nullable(),
  fileName: z.string(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const myAppointmentResponse = appointmentResponse.extend({
  site: siteResponse.nullable(),
  instructionsBefore: z.string(),
  instructionsAfter: z.string(),
  documentsExpected: z.array(z.object({ code: z.string(), label: messages })),
  documents: z.array(documentResponse),
});

/** A refused slot: the error, and the next free slots when it was taken meanwhile. */
export const conflictResponse = z.object({
  code: z.string(),
  message: z.string(),
  messages,
  field: z.string().optional(),
  nextSlots: z.array(slotResponse).optional(),
});

export const agendaQuery = z
  .strictObject({
    advisorId: z.uuid().optional(),
    siteId: z.uuid().optional(),
    date: isoDate,
    view: z.enum(['day', 'week']).default('day'),
  })
  .refine((query) => query.advisorId || query.siteId, {
    path: ['advisorId'],
    ...bilingual({ fr: 'Indiquez un conseiller ou un lieu.', en: 'Give an advisor or a site.' }),
  });

const openingRangeResponse = z.object({
  id: z.uuid(),
  advisorId: z.uuid(),
  siteId: z.uuid(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  channels: z.array(channel),
  reasonIds: z.array(z.uuid()),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
});
export { openingRangeResponse };

export const absenceResponse = z.object({
  id: z.uuid(),
  advisorId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  label: z.string(),
});

export const agendaResponse = z.object({
  from: z.string(),
  to: z.string(),
  appointments: z.array(appointmentResponse),
  openingRanges: z.array(openingRangeResponse),
  absences: z.array(absenceResponse),
});

export const advisorResponse = z.object({
  id: z.uuid(),
  agentId: z.uuid().nullable(),
  email: z.string(),
  displayName: z.string(),
  body: z.string(),
});

export const advisorsQuery = z.strictObject({
  body: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
});

export const openingRangeBody = z.strictObject({
  siteId: z.uuid(),
  weekday: z.number().int().min(1).max(7).describe('1 = lundi … 7 = dimanche'),
  startTime: hhmm,
  endTime: hhmm,
  channels: z.array(channel).min(1),
  reasonIds: z.array(z.uuid()).min(1),
  validFrom: isoDate.optional(),
  validUntil: isoDate.nullable().optional(),
});

export const absenceBody = z.strictObject({
  startsAt: instant,
  endsAt: instant,
  label: z.string().max(200).optional(),
});

const noteResponse = z.object({ id: z.number().int(), author: z.string(), text: z.string(), createdAt: z.string() });
export { noteResponse };

export const agentAppointmentResponse = appointmentResponse.extend({
  person: z
    .object({
      id: z.uuid(),
      givenNames: z.string(),
      familyName: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable(),
  reasonDetail: reasonResponse,
  site: siteResponse.nullable(),
  isAssignedToMe: z.boolean(),
  /** Only the assigned advisor sees the documents. */
  documents: z.array(documentResponse),
  notes: z.array(noteResponse),
});

export const statusBody = z.strictObject({ status: z.enum(AGENT_STATUSES) });
export const noteBody = z.strictObject({ text: z.string().trim().min(1).max(4000) });
