import { Button } from '@codegouvfr/react-dsfr/Button';
import { api, ApiError } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { HouseholdList, PersonDetails } from '../components/person-details.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';

// A citizen whose login matched no person has no file (404): say it plainly, not as a failure.
const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

export const MySpacePage = () => {
  const { t } = useI18n();
  const { state, retry } = useApi((signal) => api.me(signal), []);
  return (
    <Page title={t('me.title')}>
      {state.status === 'loading' ? <Loading label="me.loading" /> : null}
      {state.status === 'error' && isNotFound(state.error) ? <p>{t('me.noPerson')}</p> : null}
      {state.status === 'error' && !isNotFound(state.error) ? (
        <ApiErrorAlert error={state.error} onRetry={retry} />
      ) : null}
      {state.status === 'ready' ? (
        <>
          <section aria-labelledby="mes-informations" className="fr-my-4w">
            <h2 id="mes-informations">{t('me.infoTitle')}</h2>
            <PersonDetails person={state.data.person} />
          </section>
          <section aria-labelledby="mon-foyer" className="fr-my-4w">
            <h2 id="mon-foyer">{t('me.householdTitle')}</h2>
            <HouseholdList file={state.data} selfId={state.data.person.id} />
          </section>
          <section aria-labelledby="mon-calendrier" className="fr-my-4w">
            <h2 id="mon-calendrier">{t('journey.title')}</h2>
            <p>{t('journey.lead')}</p>
            <Button linkProps={{ to: '/mon-calendrier' }} iconId="fr-icon-calendar-line">
              {t('journey.title')}
            </Button>
          </section>
          <section aria-labelledby="mes-demarches" className="fr-my-4w">
            <h2 id="mes-demarches">{t('me.declareTitle')}</h2>
            <p>{t('me.declareText')}</p>
            <Button linkProps={{ to: '/mon-espace/declarer' }} iconId="fr-icon-arrow-right-line" iconPosition="right">
              {t('me.declareButton')}
            </Button>
          </section>
          <section aria-labelledby="mes-rendez-vous" className="fr-my-4w">
            <h2 id="mes-rendez-vous">{t('me.appointmentsTitle')}</h2>
            <p>{t('me.appointmentsText')}</p>
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <Button iconId="fr-icon-calendar-event-line" linkProps={{ to: '/prendre-rendez-vous' }}>
                  {t('appt.bookButton')}
                </Button>
              </li>
              <li>
                <Button priority="secondary" linkProps={{ to: '/mes-rendez-vous' }}>
                  {t('me.appointmentsLink')}
                </Button>
              </li>
            </ul>
          </section>
        </>
      ) : null}
    </Page>
  );
};
