// /api/v1/journeys: the person's calendars, steps marked done, and the private calendar feed.
import { z } from 'zod';
import { notFound, parisDate, requireUser, type HttpApp, type ModuleContext } from '../platform/index.ts';
import { calendarFeed, personOfFeedToken, renewFeedToken } from './calendar-feed.ts';
import { personCalendars } from './person-journeys.ts';
import { enrolInJourneys } from './reminders.ts';
import { JOURNEYS } from './registry.ts';

const text = z.object({ fr: z.string(), en: z.string() });
const calendarSchema = z.object({
  journey: z.string(),
  title: text,
  startsOn: z.string(),
  endsOn: z.string(),
  steps: z.array(
    z.object({
      id: z.string(),
      title: text,
      explanation: text,
      body: z.string(),
      opensOn: z.string(),
      dueOn: z.string(),
      status: z.enum(['done', 'late', 'to_do', 'upcoming']),
      isTicked: z.boolean(),
      amount: z.object({ variable: z.string(), month: z.string(), euros: z.number().nullable() }).nullable(),
      completedBy: z
        .object({
          declaration: z.string().optional(),
          declaredBy: z.enum(['person', 'famille']).optional(),
          payment: z.string().optional(),
        })
        .nullable(),
      documents: z.array(text),
      link: z.string(),
      legalBasis: z.array(z.string()),
      reminders: z.array(z.object({ on: z.string(), channels: z.array(z.string()) })),
    }),
  ),
});
const stepParams = z.object({ journey: z.string().max(64), step: z.string().max(64) });

/** Today in Paris, where the deadlines are. */
const parisToday = () => parisDate(Date.now());

const ownPersonId = (personId: string | undefined) => {
  if (!personId) throw notFound({ fr: 'Personne', en: 'Person' });
  return personId;
};

export const mountJourneysRoutes = (app: HttpApp, { db, config }: ModuleContext) => {
  app.get(
    '/api/v1/journeys',
    {
      schema: {
        tags: ['journeys'],
        summary: 'Mes parcours : chaque étape avec sa date, son organisme, le montant attendu',
        response: { 200: z.object({ today: z.string(), calendars: z.array(calendarSchema) }) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request, { roles: ['citizen'] });
      reply.header('cache-control', 'no-store');
      const today = parisToday();
      const personId = ownPersonId(user.personId);
      const calendars = await personCalendars(db, personId, today);
      if (calendars.length) await enrolInJourneys(db, personId, today);
      return { today, calendars };
    },
  );

  const stepOf = (params: z.infer<typeof stepParams>) => {
    const journey = JOURNEYS.find((candidate) => candidate.id === params.journey);
    if (!journey?.stepIds.has(params.step)) throw notFound({ fr: 'Étape', en: 'Step' });
    return params;
  };

  app.put(
    '/api/v1/journeys/:journey/steps/:step/done',
    {
      schema: {
        tags: ['journeys'],
        summary: 'Marquer une étape comme faite',
        params: stepParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const personId = ownPersonId(requireUser(request, { roles: ['citizen'] }).personId);
      const { journey, step } = stepOf(request.params);
      await db.query(
        `insert into journeys.step_completions (person_id, journey, step_id, source) values ($1, $2, $3, 'person')
         on conflict do nothing`,
        [personId, journey, step],
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/journeys/:journey/steps/:step/done',
    {
      schema: {
        tags: ['journeys'],
        summary: 'Remettre une étape à faire (seulement si c’est vous qui l’aviez cochée)',
        params: stepParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const personId = ownPersonId(requireUser(request, { roles: ['citizen'] }).personId);
      const { journey, step } = stepOf(request.params);
      await db.query(
        `delete from journeys.step_completions
          where person_id = $1 and journey = $2 and step_id = $3 and source = 'person'`,
        [personId, journey, step],
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/journeys/feed',
    {
      schema: {
        tags: ['journeys'],
        summary: 'Créer (ou renouveler) l’adresse privée de mon calendrier, à ajouter dans une application d’agenda',
        response: { 200: z.object({ url: z.string() }) },
      },
    },
    async (request) => {
      const personId = ownPersonId(requireUser(request, { roles: ['citizen'] }).personId);
      const token = await renewFeedToken(db, personId);
      return { url: `${config.publicUrl}/api/v1/journeys/feed/${token}.ics` };
    },
  );

  app.get(
    '/api/v1/journeys/feed/:file',
    {
      schema: {
        tags: ['journeys'],
        summary: 'Mon calendrier au format iCalendar (adresse privée, sans connexion)',
        params: z.object({ file: z.string().regex(/^[\w-]{16,64}\.ics$/) }),
      },
    },
    async (request, reply) => {
      const personId = await personOfFeedToken(db, request.params.file.replace(/\.ics$/, ''));
      if (!personId) throw notFound({ fr: 'Calendrier', en: 'Calendar' });
      const calendars = await personCalendars(db, personId, parisToday());
      const stamp = new Date()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=900')
        .send(calendarFeed(calendars, { host: new URL(config.publicUrl).host, stamp }));
    },
  );
};
