// What people said after their appointments, per reason and site, over the last 90 days.
import { Table } from '@codegouvfr/react-dsfr/Table';
import { agendaApi } from '../appointments-api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';

export const SurveyResultsPage = () => {
  const { t, lang, formatDate } = useI18n();
  const { state, retry } = useApi((signal) => agendaApi.surveys(signal), []);
  return (
    <Page title={t('surveyResults.title')}>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <>
          <p>{t('surveyResults.period', { from: formatDate(state.data.from), to: formatDate(state.data.to) })}</p>
          {state.data.items.length === 0 ? (
            <p>{t('surveyResults.none')}</p>
          ) : (
            <Table
              caption={t('surveyResults.caption')}
              headers={[
                t('appt.reason'),
                t('appt.site'),
                t('surveyResults.answers'),
                t('surveyResults.average'),
                t('surveyResults.solved'),
              ]}
              data={state.data.items.map((row) => [
                row.reason.label,
                row.site?.name ?? t('surveyResults.remote'),
                String(row.answers),
                `${row.averageSatisfaction.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')} / 5`,
                t('surveyResults.solvedCounts', row.problemSolved),
              ])}
            />
          )}
        </>
      ) : null}
    </Page>
  );
};
