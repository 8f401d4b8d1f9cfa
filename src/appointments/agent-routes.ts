// Agents' routes: advisors, agendas (day and week, per advisor or per site), opening ranges and
// absences, an appointment with the person, reason, documents and notes, statuses, booking for a
// person. Agents act on their own body's advisors; only the assigned advisor sees the documents.
import { z } from 'zod';
import { findPerson } from '../people/index.ts';
import { notFound, requireUser, type HttpApp, type ModuleContext, type SessionUser } from '../platform/index.ts';
import {
  advisorOfUser,
  canManage,
  createAbsence,
  createOpeningRange,
  deleteAbsence,
  deleteOpeningRange,
  getAdvisor,
  listAbsences,
  listAdvisors,
  listOpeningRanges,
  manageableAdvisor,
  ownerOf,
} from './advisors.ts';
import { advisorsOfSite, getAgenda } from './agenda.ts';
import { appointmentNotFound, findAppointment } from './appointment.ts';
import { getReason, getSite } from './catalogue.ts';
import { addNote, changeStatus, listNotes } from './change-status.ts';
import { listDocuments, readDocument } from './documents.ts';
import { sendDocument, withNextSlots } from './replies.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';
import { bookAppointment } from './reserve-slot.ts';
import {
  absenceBody,
  absenceResponse,
  advisorResponse,
  advisorsQuery,
  agendaQuery,
  agendaResponse,
  agentAppointmentResponse,
  appointmentResponse,
  conflictResponse,
  documentParams,
  idParams,
  noteBody,
  noteResponse,
  openingRangeBody,
  openingRangeResponse,
  rescheduleBody,
  reserveBody,
  statusBody,
} from './routes.schemas.ts';

const TAGS = ['appointments', 'agent'];
const AGENTS = { roles: ['agent', 'admin'] as SessionUser['role'][] };

export const mountAgentRoutes = (app: HttpApp, { db }: ModuleContext) => {
  // An appointment of an advisor this agent may manage; anyone else's is a 404.
  const agentAppointment = async (user: SessionUser, appointmentId: string) => {
    const appointment = await findAppointment(db, appointmentId);
    if (!appointment || appointment.status === 'held') throw appointmentNotFound();
    const advisor = await getAdvisor(db, appointment.advisor.id);
    if (!advisor || !canManage(user, advisor)) throw appointmentNotFound();
    return appointment;
  };
  const isAssigned = async (user: SessionUser, advisorId: string) => (await advisorOfUser(db, user))?.id === advisorId;

  app.get(
    '/api/v1/agent/advisors',
    {
      schema: {
        tags: TAGS,
        summary: 'Les conseillers (de mon organisme par défaut)',
        querystring: advisorsQuery,
        response: { 200: z.object({ items: z.array(advisorResponse), me: advisorResponse.nullable() }) },
      },
    },
    async (request) => {
      const user = requireUser(request, AGENTS);
      const body = user.role === 'admin' ? request.query.body : user.body;
      const [items, me] = await Promise.all([listAdvisors(db, { body }), advisorOfUser(db, user)]);
      return { items, me };
    },
  );

  app.get(
    '/api/v1/agent/agenda',
    {
      schema: {
        tags: TAGS,
        summary: 'L’agenda d’un conseiller ou d’un lieu, jour ou semaine',
        querystring: agendaQuery,
        response: { 200: agendaResponse },
      },
    },
    async (request) => {
      const user = requireUser(request, AGENTS);
      const { advisorId, siteId, date, view } = request.query;
      let advisorIds: string[];
      if (advisorId) {
        advisorIds = [(await manageableAdvisor(db, user, advisorId)).id];
      } else {
        const site = await getSite(db, siteId!);
        if (!site || (user.role !== 'admin' && site.body !== user.body)) throw notFound({ fr: 'Lieu', en: 'Site' });
        advisorIds = await advisorsOfSite(db, site.id);
      }
      return getAgenda(db, { advisorIds, siteId, date, view });
    },
  );

  app.get(
    '/api/v1/agent/advisors/:id/opening-ranges',
    {
      schema: {
        tags: TAGS,
        summary: 'Les plages d’ouverture hebdomadaires d’un conseiller',
        params: idParams,
        response: { 200: z.object({ items: z.array(openingRangeResponse) }) },
      },
    },
    async (request) => {
      const user = requireUser(request, AGENTS);
      const advisor = await manageableAdvisor(db, user, request.params.id);
      return { items: await listOpeningRanges(db, [advisor.id]) };
    },
  );

  app.post(
    '/api/v1/agent/advisors/:id/opening-ranges',
    {
      schema: {
        tags: TAGS,
        summary: 'Ajouter une plage d’ouverture (heure de Paris)',
        params: idParams,
        body: openingRangeBody,
        response: { 201: openingRangeResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, AGENTS);
      const advisor = await manageableAdvisor(db, user, request.params.id);
      return reply.status(201).send(await db.transaction((tx) => createOpeningRange(tx, advisor, request.body)));
    },
  );

  app.delete(
    '/api/v1/agent/opening-ranges/:id',
    { schema: { tags: TAGS, summary: 'Supprimer une plage d’ouverture', params: idParams } },
    async (request, reply) => {
      const user = requireUser(request, AGENTS);
      const advisorId = await ownerOf(db, 'opening_ranges', request.params.id);
      if (!advisorId) throw notFound({ fr: 'Plage d’ouverture', en: 'Opening range' });
      await manageableAdvisor(db, user, advisorId);
      await deleteOpeningRange(db, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/agent/advisors/:id/absences',
    {
      schema: {
        tags: TAGS,
        summary: 'Les absences d’un conseiller, en cours et à venir',
        params: idParams,
        response: { 200: z.object({ items: z.array(absenceResponse) }) },
      },
    },
    async (request) => {
      const user = requireUser(request, AGENTS);
      const advisor = await manageableAdvisor(db, user, request.params.id);
      const now = new Date().toISOString();
      return { items: await listAbsences(db, [advisor.id], { from: now, to: '9999-12-31T00:00:00Z' }) };
    },
  );

  app.post(
    '/api/v1/agent/advisors/:id/absences',
    {
      schema: {
        tags: TAGS,
        summary: 'Déclarer une absence',
        params: idParams,
        body: absenceBody,
        response: { 201: absenceResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, AGENTS);
      const advisor = await manageableAdvisor(db, user, request.params.id);
      return reply.status(201).send(await createAbsence(db, advisor, request.body));
    },
  );

  app.delete(
    '/api/v1/agent/absences/:id',
    { schema: { tags: TAGS, summary: 'Supprimer une absence', params: idParams } },
    async (request, reply) => {
      const user = requireUser(request, AGENTS);
      const advisorId = await ownerOf(db, 'absences', request.params.id);
      if (!advisorId) throw notFound({ fr: 'Absence', en: 'Absence' });
      await manageableAdvisor(db, user, advisorId);
      await deleteAbsence(db, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/agent/appointments/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Un rendez-vous : la personne, le motif, ses documents, les notes',
        params: idParams,
        response: { 200: agentAppointmentResponse },
      },
    },
    async (request) => {
      const user = requireUser(request, AGENTS);
      const appointment = await agentAppointment(user, request.params.id);
      const isAssignedToMe = await isAssigned(user, appointment.advisor.id);
      const [person, reasonDetail, site, documents, notes] = await Promise.all([
        findPerson(db, appointment.personId),
        getReason(db, appointment.reason.id),
        appointment.siteId ? getSite(db, appointment.siteId) : null,
        isAssignedToMe ? listDocuments(db, [appointment.id]) : [],
        listNotes(db, appointment.id),
      ]);
      return {
        ...appointment,
        person: person
          ? {
              id: person.id,
              givenNames: person.givenNames,
              familyName: person.usageName ?? person.familyName,
              email: person.email,
              phone: person.phone,
            }
          : null,
        reasonDetail,
        site,
        isAssignedToMe,
        documents,
        notes,
      };
    },
  );

  app.get(
    '/api/v1/agent/appointments/:id/documents/:documentId',
    {
      schema: {
        tags: TAGS,
        summary: 'Ouvrir un document de la personne (conseiller assigné seulement)',
        params: documentParams,
      },
    },
    async (request, reply) => {
      const user = requireUser(request, AGENTS);
      const appointment = await findAppointment(db, request.params.id);
      // Only the assigned advisor: any other agent gets the same 404 as for a document that does not exist.
      if (!appointment || !(await isAssigned(user, appointment.advisor.id)))
        throw notFound({ fr: 'Document', en: 'Document' });
      const document = await readDocument(db, { appointmentId: appointment.id, documentId: request.params.documentId });
      if (!document) throw notFound({ fr: 'Document', en: 'Document' });
      return sendDocument(reply, document);
    },
  );

  app.post(
    '/api/v1/agent/appointments/:id/status',
    {
      schema: {
        tags: TAGS,
        summary: 'Changer le statut (à venir, honoré, excusé, absent, annulé)',
        params: idParams,
        body: statusBody,
        response: { 200: appointmentResponse },
      },
    },
    async (request) => {
      const user = requireUser(request, AGENTS);
      await agentAppointment(user, request.params.id);
      return changeStatus(db, {
        appointmentId: request.params.id,
        status: request.body.status,
        author: user.displayName,
      });
    },
  );

  app.post(
    '/api/v1/agent/appointments/:id/notes',
    {
      schema: {
        tags: TAGS,
        summary: 'Ajouter une note',
        params: idParams,
        body: noteBody,
        response: { 201: noteResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, AGENTS);
      await agentAppointment(user, request.params.id);
      return reply
        .status(201)
        .send(
          await addNote(db, { appointmentId: request.params.id, author: user.displayName, text: request.body.text }),
        );
    },
  );

  app.post(
    '/api/v1/agent/appointments/:id/reschedule',
    {
      schema: {
        tags: TAGS,
        summary: 'Déplacer un rendez-vous (sans délai limite)',
        params: idParams,
        body: rescheduleBody,
        response: { 200: appointmentResponse, 409: conflictResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, AGENTS);
      await agentAppointment(user, request.params.id);
      return withNextSlots(reply, () =>
        rescheduleAppointment(db, { ...request.body, appointmentId: request.params.id }),
      );
    },
  );

  app.post(
    '/api/v1/agent/appointments',
    {
      schema: {
        tags: TAGS,
        summary: 'Prendre un rendez-vous pour une personne',
        body: reserveBody.extend({ personId: z.uuid() }),
        response: { 201: appointmentResponse, 409: conflictResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, AGENTS);
      const reason = await getReason(db, request.body.reasonId);
      if (user.role !== 'admin' && reason.service.body !== user.body)
        throw notFound({ fr: 'Motif de rendez-vous', en: 'Appointment reason' });
      if (!(await findPerson(db, request.body.personId))) throw notFound({ fr: 'Personne', en: 'Person' });
      return withNextSlots(reply, async () =>
        reply.status(201).send(await bookAppointment(db, { ...request.body, bookedBy: 'agent' })),
      );
    },
  );
};
