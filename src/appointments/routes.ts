// Citizens' routes: the catalogue, the slots, hold / confirm / book, my appointments, cancel,
// reschedule, the ICS file and my documents. Access check first, then the use case.
import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  AppError,
  notFound,
  requireUser,
  type HttpApp,
  type ModuleContext,
  type SessionUser,
} from '../platform/index.ts';
import { mountAgentRoutes } from './agent-routes.ts';
import { getOwnAppointment, listPersonAppointments, type Appointment } from './appointment.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { getReason, getSite, listReasons, listSites } from './catalogue.ts';
import { confirmHold, releaseHold } from './confirm-hold.ts';
import {
  addDocument,
  deleteDocument,
  fileTooLarge,
  listDocuments,
  MAX_DOCUMENT_BYTES,
  readDocument,
} from './documents.ts';
import { findAvailableSlots } from './find-available-slots.ts';
import { buildIcs } from './ics.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';
import { bookAppointment, holdSlot } from './reserve-slot.ts';
import {
  appointmentResponse,
  catalogueQuery,
  conflictResponse,
  documentParams,
  documentResponse,
  idParams,
  myAppointmentResponse,
  reasonResponse,
  rescheduleBody,
  reserveBody,
  siteResponse,
  sitesQuery,
  slotsQuery,
  slotsResponse,
} from './routes.schemas.ts';
import { sendDocument, withNextSlots } from './replies.ts';
import { mountSurveyRoutes } from './survey-routes.ts';
import { mountVideoRoutes } from './video-routes.ts';

const TAGS = ['appointments'];

// A citizen whose login matched no person has no appointments: 404, never someone else's.
const personOf = (user: SessionUser) => {
  if (!user.personId) throw notFound({ fr: 'Personne', en: 'Person' });
  return user.personId;
};

const detailOf = async (db: ModuleContext['db'], appointment: Appointment) => {
  const [reason, site, documents] = await Promise.all([
    getReason(db, appointment.reason.id),
    appointment.siteId ? getSite(db, appointment.siteId) : null,
    listDocuments(db, [appointment.id]),
  ]);
  return {
    ...appointment,
    site,
    instructionsBefore: reason.instructionsBefore,
    instructionsAfter: reason.instructionsAfter,
    documentsExpected: reason.documentsExpected,
    documents,
  };
};

export const mountAppointmentsRoutes = async (app: HttpApp, context: ModuleContext) => {
  const { db, config } = context;

  app.get(
    '/api/v1/appointments/reasons',
    {
      schema: {
        tags: TAGS,
        summary: 'Les motifs de rendez-vous, par organisme',
        querystring: catalogueQuery,
        response: { 200: z.object({ items: z.array(reasonResponse) }) },
      },
    },
    async (request) => ({ items: await listReasons(db, { body: request.query.body }) }),
  );

  app.get(
    '/api/v1/appointments/sites',
    {
      schema: {
        tags: TAGS,
        summary: 'Les lieux d’accueil (adresse, horaires, accessibilité)',
        querystring: sitesQuery,
        response: { 200: z.object({ items: z.array(siteResponse) }) },
      },
    },
    async (request) => ({ items: await listSites(db, request.query) }),
  );

  app.get(
    '/api/v1/appointments/slots',
    {
      schema: {
        tags: TAGS,
        summary: 'Les créneaux libres d’un motif, en heure de Paris',
        querystring: slotsQuery,
        response: { 200: slotsResponse },
      },
    },
    async (request) => {
      requireUser(request);
      return findAvailableSlots(db, request.query);
    },
  );

  app.post(
    '/api/v1/appointments/holds',
    {
      schema: {
        tags: TAGS,
        summary: 'Retenir un créneau quelques minutes, le temps de confirmer',
        body: reserveBody,
        response: { 201: appointmentResponse, 409: conflictResponse },
      },
    },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      return withNextSlots(reply, async () =>
        reply.status(201).send(await holdSlot(db, { ...request.body, personId })),
      );
    },
  );

  app.post(
    '/api/v1/appointments/holds/:id/confirm',
    {
      schema: {
        tags: TAGS,
        summary: 'Confirmer le créneau retenu',
        params: idParams,
        response: { 201: appointmentResponse, 409: conflictResponse },
      },
    },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      return reply.status(201).send(await confirmHold(db, { personId, holdId: request.params.id }));
    },
  );

  app.delete(
    '/api/v1/appointments/holds/:id',
    { schema: { tags: TAGS, summary: 'Libérer le créneau retenu', params: idParams } },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      await releaseHold(db, { personId, holdId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/appointments',
    {
      schema: {
        tags: TAGS,
        summary: 'Prendre un rendez-vous en une fois',
        body: reserveBody,
        response: { 201: appointmentResponse, 409: conflictResponse },
      },
    },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      return withNextSlots(reply, async () =>
        reply.status(201).send(await bookAppointment(db, { ...request.body, personId })),
      );
    },
  );

  app.get(
    '/api/v1/appointments',
    {
      schema: {
        tags: TAGS,
        summary: 'Mes rendez-vous',
        response: { 200: z.object({ items: z.array(appointmentResponse) }) },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      return { items: await listPersonAppointments(db, personId) };
    },
  );

  app.get(
    '/api/v1/appointments/documents',
    {
      schema: {
        tags: TAGS,
        summary: 'Mes documents envoyés',
        response: { 200: z.object({ items: z.array(documentResponse) }) },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      const appointments = await listPersonAppointments(db, personId);
      return {
        items: await listDocuments(
          db,
          appointments.map((appointment) => appointment.id),
        ),
      };
    },
  );

  app.get(
    '/api/v1/appointments/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Mon rendez-vous : motif, lieu, consignes, documents',
        params: idParams,
        response: { 200: myAppointmentResponse },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      return detailOf(db, await getOwnAppointment(db, personId, request.params.id));
    },
  );

  app.post(
    '/api/v1/appointments/:id/cancel',
    {
      schema: {
        tags: TAGS,
        summary: 'Annuler mon rendez-vous',
        params: idParams,
        response: { 200: appointmentResponse },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      return cancelAppointment(db, { personId, appointmentId: request.params.id });
    },
  );

  app.post(
    '/api/v1/appointments/:id/reschedule',
    {
      schema: {
        tags: TAGS,
        summary: 'Déplacer mon rendez-vous',
        params: idParams,
        body: rescheduleBody,
        response: { 200: appointmentResponse, 409: conflictResponse },
      },
    },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      return withNextSlots(reply, () =>
        rescheduleAppointment(db, { ...request.body, appointmentId: request.params.id, personId }),
      );
    },
  );

  app.get(
    '/api/v1/appointments/:id/ics',
    {
      schema: {
        tags: TAGS,
        summary: 'Mon rendez-vous en fichier agenda (ICS)',
        params: idParams,
        produces: ['text/calendar'],
      },
    },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      const appointment = await getOwnAppointment(db, personId, request.params.id);
      if (appointment.status === 'held') throw notFound({ fr: 'Rendez-vous', en: 'Appointment' });
      const [reason, site] = await Promise.all([
        getReason(db, appointment.reason.id),
        appointment.siteId ? getSite(db, appointment.siteId) : null,
      ]);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="rendez-vous-${appointment.id}.ics"`)
        .send(buildIcs({ appointment, reason, site, publicUrl: config.publicUrl, now: Date.now() }));
    },
  );

  app.get(
    '/api/v1/appointments/:id/documents/:documentId',
    { schema: { tags: TAGS, summary: 'Télécharger un de mes documents', params: documentParams } },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      await getOwnAppointment(db, personId, request.params.id);
      const document = await readDocument(db, {
        appointmentId: request.params.id,
        documentId: request.params.documentId,
      });
      if (!document) throw notFound({ fr: 'Document', en: 'Document' });
      return sendDocument(reply, document);
    },
  );

  app.delete(
    '/api/v1/appointments/:id/documents/:documentId',
    { schema: { tags: TAGS, summary: 'Retirer un de mes documents', params: documentParams } },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }));
      await getOwnAppointment(db, personId, request.params.id);
      if (!(await deleteDocument(db, { appointmentId: request.params.id, documentId: request.params.documentId }))) {
        throw notFound({ fr: 'Document', en: 'Document' });
      }
      return reply.status(204).send();
    },
  );

  // Multipart only here: the parser is registered in this scope, not for the whole API.
  await app.register(async (instance) => {
    const scoped = instance as HttpApp;
    await scoped.register(multipart, {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 4, fieldSize: 1000 },
    });
    scoped.post(
      '/api/v1/appointments/:id/documents',
      {
        schema: {
          tags: TAGS,
          summary: 'Envoyer un document attendu (PDF, JPEG ou PNG, 10 Mo au plus)',
          description:
            'multipart/form-data : un champ `kind` (code du document attendu, facultatif) puis le fichier `file`.',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: documentResponse },
        },
      },
      async (request, reply) => {
        const personId = personOf(requireUser(request, { roles: ['citizen'] }));
        const appointment = await getOwnAppointment(db, personId, request.params.id);
        if (!request.isMultipart()) {
          throw new AppError('multipart_expected', {
            status: 415,
            field: 'file',
            messages: { fr: 'Envoyez le fichier en multipart/form-data.', en: 'Send the file as multipart/form-data.' },
          });
        }
        const file = await request.file();
        if (!file) {
          throw new AppError('file_missing', {
            field: 'file',
            messages: { fr: 'Aucun fichier reçu.', en: 'No file received.' },
          });
        }
        let content: Buffer;
        try {
          content = await file.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
          throw error;
        }
        const kindField = file.fields.kind;
        const kind =
          kindField && !Array.isArray(kindField) && kindField.type === 'field' ? String(kindField.value) : undefined;
        const reason = await getReason(db, appointment.reason.id);
        const document = await addDocument(db, {
          appointment,
          documentsExpected: reason.documentsExpected,
          fileName: file.filename,
          kind: kind || undefined,
          content,
        });
        return reply.status(201).send(document);
      },
    );
  });

  mountAgentRoutes(app, context);
  mountSurveyRoutes(app, context);
  await mountVideoRoutes(app, context);
};
