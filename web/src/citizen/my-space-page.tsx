import { api } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { HouseholdList, PersonDetails } from '../components/person-details.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';

export const MySpacePage = () => {
  const { t } = useI18n();
  const { state, retry } = useApi((signal) => api.me(signal), []);
  return (
    <Page title={t('me.title')}>
      {state.status === 'loading' ? <Loading label="me.loading" /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && !state.data.person ? <p>{t('me.noPerson')}</p> : null}
      {state.status === 'ready' && state.data.person ? (
        <>
          <section aria-labelledby="mes-informations" className="fr-my-4w">
            <h2 id="mes-informations">{t('me.infoTitle')}</h2>
            <PersonDetails person={state.data.person} />
          </section>
          <section aria-labelledby="mon-foyer" className="fr-my-4w">
            <h2 id="mon-foyer">{t('me.householdTitle')}</h2>
            {state.data.household && state.data.household.members.length > 1 ? (
              <HouseholdList household={state.data.household} selfId={state.data.person.id} />
            ) : (
              <p>{t('me.noHousehold')}</p>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
};
