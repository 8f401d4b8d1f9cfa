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
        </>
      ) : null}
    </Page>
  );
};
