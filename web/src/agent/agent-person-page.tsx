import { Link, useParams } from 'react-router';
import { api, personName } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { HouseholdList, PersonDetails } from '../components/person-details.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';

export const AgentPersonPage = () => {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { state, retry } = useApi((signal) => api.person(id, signal), [id]);
  const title = state.status === 'ready' ? personName(state.data.person) : t('app.loading');
  return (
    <Page title={title}>
      <p>
        <Link to="/agent" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {t('agent.back')}
        </Link>
      </p>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <>
          <section aria-labelledby="identite" className="fr-my-4w">
            <h2 id="identite">{t('agent.personInfo')}</h2>
            <PersonDetails person={state.data.person} />
          </section>
          <section aria-labelledby="foyer" className="fr-my-4w">
            <h2 id="foyer">{t('agent.household')}</h2>
            <HouseholdList file={state.data} />
          </section>
        </>
      ) : null}
    </Page>
  );
};
