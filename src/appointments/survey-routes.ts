// The satisfaction survey's routes: the person answers once after the appointment; agents read
// the results of their body per reason and site.
import { z } from 'zod';
import { bilingual, notFound, requireUser, type HttpApp, type ModuleContext, addDays } from '../platform/index.ts';
import { getOwnAppointment } from './appointment.ts';
import { idParams } from './routes.schemas.ts';
import { answerSurvey, findSurveyAnswer, PROBLEM_SOLVED, surveyResults, surveyState } from './survey.ts';

const TAGS = ['appointments', 'survey'];

const surveyAnswerResponse = z.object({
  appointmentId: z.uuid(),
  satisfaction: z.number().int(),
  problemSolved: z.enum(PROBLEM_SOLVED),
  comment: z.string(),
  answeredAt: z.string(),
});

const surveyBody = z.strictObject({
  satisfaction: z
    .number()
    .int()
    .min(1, bilingual({ fr: 'Choisissez une note de 1 à 5.', en: 'Choose a score from 1 to 5.' }))
    .max(5, bilingual({ fr: 'Choisissez une note de 1 à 5.', en: 'Choose a score from 1 to 5.' })),
  problemSolved: z.enum(
    PROBLEM_SOLVED,
    bilingual({ fr: 'Dites si votre demande a été réglée.', en: 'Say whether your request was settled.' }),
  ),
  comment: z
    .string()
    .trim()
    .max(2000, bilingual({ fr: '2 000 caractères au plus.', en: '2,000 characters at most.' }))
    .optional(),
});

const isoDate = z.iso.date();
const resultsQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  body: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional(),
});

export const mountSurveyRoutes = (app: HttpApp, { db }: ModuleContext) => {
  const personOf = (personId: string | undefined) => {
    if (!personId) throw notFound({ fr: 'Personne', en: 'Person' });
    return personId;
  };

  app.get(
    '/api/v1/appointments/:id/survey',
    {
      schema: {
        tags: TAGS,
        summary: 'L’avis sur mon rendez-vous : à donner, donné ou pas encore',
        params: idParams,
        response: {
          200: z.object({
            state: z.enum(['not_yet', 'open', 'answered', 'closed']),
            answer: surveyAnswerResponse.nullable(),
          }),
        },
      },
    },
    async (request) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }).personId);
      const appointment = await getOwnAppointment(db, personId, request.params.id);
      const answer = await findSurveyAnswer(db, appointment.id);
      return { state: surveyState(appointment, answer, Date.now()), answer };
    },
  );

  app.post(
    '/api/v1/appointments/:id/survey',
    {
      schema: {
        tags: TAGS,
        summary: 'Donner mon avis sur le rendez-vous (une fois)',
        params: idParams,
        body: surveyBody,
        response: { 201: surveyAnswerResponse },
      },
    },
    async (request, reply) => {
      const personId = personOf(requireUser(request, { roles: ['citizen'] }).personId);
      const appointment = await getOwnAppointment(db, personId, request.params.id);
      return reply.status(201).send(await answerSurvey(db, appointment, request.body));
    },
  );

  app.get(
    '/api/v1/agent/surveys',
    {
      schema: {
        tags: ['appointments', 'agent', 'survey'],
        summary: 'Les avis des personnes reçues, par motif et par lieu (90 derniers jours par défaut)',
        querystring: resultsQuery,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            items: z.array(
              z.object({
                reason: z.object({ id: z.uuid(), label: z.string() }),
                site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
                answers: z.number().int(),
                averageSatisfaction: z.number(),
                problemSolved: z.object({ yes: z.number().int(), partly: z.number().int(), no: z.number().int() }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const user = requireUser(request, { roles: ['agent', 'admin'] });
      const today = new Date().toISOString().slice(0, 10);
      const to = request.query.to ?? today;
      const from = request.query.from ?? addDays(to, -90);
      const body = user.role === 'admin' ? request.query.body : user.body;
      const items = await surveyResults(db, {
        body,
        from: `${from}T00:00:00Z`,
        to: `${addDays(to, 1)}T00:00:00Z`,
      });
      return { from, to, items };
    },
  );
};
