import { notFound, requireUser, type HttpApp, type ModuleContext } from '../platform/index.ts';
import { getPersonFile, getRecentPersonFile } from './person-file.ts';
import {
  personFileResponse,
  personIdParams,
  searchPersonsQuery,
  searchPersonsResponse,
  updateContactResponse,
} from './routes.schemas.ts';
import { searchPersons } from './search-persons.ts';
import { updateContact, updateContactInput } from './update-contact.ts';

const personNotFound = () => notFound({ fr: 'Personne', en: 'Person' });

// A citizen whose login matched no person has no file: they see 404, never someone else's.
const ownPersonId = (personId: string | undefined) => {
  if (!personId) throw personNotFound();
  return personId;
};

/** `/api/v1/me*` for citizens, `/api/v1/agent/persons*` for agents and admins. */
export const mountPeopleRoutes = (app: HttpApp, { db, config }: ModuleContext) => {
  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['people'],
        summary: 'Mon dossier : ma situation et les membres de mon foyer',
        response: { 200: personFileResponse },
      },
    },
    async (request) => {
      const user = requireUser(request, { roles: ['citizen'] });
      const file = await getRecentPersonFile(db, ownPersonId(user.personId), config.PERSON_CACHE_SECONDS);
      if (!file) throw personNotFound();
      return file;
    },
  );

  app.patch(
    '/api/v1/me/contact',
    {
      schema: {
        tags: ['people'],
        summary: 'Changer mes coordonnées (courriel, téléphone, adresse)',
        body: updateContactInput,
        response: { 200: updateContactResponse },
      },
    },
    async (request) => {
      const user = requireUser(request, { roles: ['citizen'] });
      return { person: await updateContact(db, ownPersonId(user.personId), request.body) };
    },
  );

  app.get(
    '/api/v1/agent/persons',
    {
      schema: {
        tags: ['people', 'agent'],
        summary: 'Rechercher une personne par NIR ou par nom',
        querystring: searchPersonsQuery,
        response: { 200: searchPersonsResponse },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['agent', 'admin'] });
      return searchPersons(db, request.query);
    },
  );

  app.get(
    '/api/v1/agent/persons/:id',
    {
      schema: {
        tags: ['people', 'agent'],
        summary: 'Le dossier d’une personne et de son foyer',
        params: personIdParams,
        response: { 200: personFileResponse },
      },
    },
    async (request) => {
      requireUser(request, { roles: ['agent', 'admin'] });
      const file = await getPersonFile(db, request.params.id);
      if (!file) throw personNotFound();
      return file;
    },
  );
};
