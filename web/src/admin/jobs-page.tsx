// Background jobs for admins: counts by state, a filter (kept in `?statut=`), the list, and a
// retry for jobs given up after their last attempt (dead letters).
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, JOB_STATUSES, type Job, type JobStatus } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';

const SEVERITY: Record<JobStatus, 'info' | 'new' | 'success' | 'error'> = {
  queued: 'info',
  running: 'new',
  done: 'success',
  dead: 'error',
};
const isStatus = (value: string): value is JobStatus => (JOB_STATUSES as readonly string[]).includes(value);

export const JobsPage = () => {
  const { t, formatDate } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = params.get('statut') ?? '';
  const status = isStatus(filter) ? filter : undefined;
  const { state, retry } = useApi((signal) => api.jobs(status, signal), [status]);
  const [notice, setNotice] = useState<{ kind: 'ok' } | { kind: 'error'; error: unknown } | undefined>();

  const statusLabel = (value: JobStatus) => t(`jobs.status.${value}`);

  const retryJob = async (job: Job) => {
    setNotice(undefined);
    try {
      await api.retryJob(job.id);
      setNotice({ kind: 'ok' });
      retry();
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
  };

  return (
    <Page title={t('jobs.title')} lead={t('jobs.lead')}>
      <div aria-live="polite">
        {notice?.kind === 'ok' ? (
          <Alert severity="success" small description={t('jobs.retried')} className="fr-mb-2w" />
        ) : null}
      </div>
      {notice?.kind === 'error' ? <ApiErrorAlert error={notice.error} /> : null}

      {state.status === 'ready' ? (
        <section aria-labelledby="compteurs" className="fr-mb-4w">
          <h2 id="compteurs" className="fr-h5">
            {t('jobs.countsTitle')}
          </h2>
          <ul className="fr-badges-group">
            {JOB_STATUSES.map((value) => (
              <li key={value}>
                <Badge severity={SEVERITY[value]} noIcon>
                  {statusLabel(value)} : {state.data.counts[value]}
                </Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Select
        label={t('jobs.filter')}
        className="guichet-narrow"
        nativeSelectProps={{
          id: 'filtre-statut',
          value: status ?? '',
          onChange: (event) => setParams(event.target.value ? { statut: event.target.value } : {}),
        }}
      >
        <option value="">{t('jobs.all')}</option>
        {JOB_STATUSES.map((value) => (
          <option key={value} value={value}>
            {statusLabel(value)}
          </option>
        ))}
      </Select>

      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.data.jobs.length === 0 ? <p>{t('jobs.none')}</p> : null}
      {state.status === 'ready' && state.data.jobs.length > 0 ? (
        <Table
          caption={t('jobs.tableCaption')}
          headers={[
            t('jobs.col.kind'),
            t('jobs.col.status'),
            t('jobs.col.attempts'),
            t('jobs.col.error'),
            t('jobs.col.runAt'),
            t('jobs.col.action'),
          ]}
          data={state.data.jobs.map((job) => [
            job.type,
            <Badge key="s" severity={SEVERITY[job.status]} small noIcon>
              {statusLabel(job.status)}
            </Badge>,
            `${job.attempts} / ${job.maxAttempts}`,
            job.lastError ? (
              <code key="e" className="guichet-error-text">
                {job.lastError}
              </code>
            ) : (
              '—'
            ),
            formatDate(job.runAt, true),
            job.status === 'dead' ? (
              <Button
                key="r"
                size="small"
                priority="secondary"
                onClick={() => void retryJob(job)}
                title={t('jobs.retryLabel', { id: String(job.id) })}
              >
                {t('jobs.retry')}
              </Button>
            ) : (
              ''
            ),
          ])}
        />
      ) : null}
    </Page>
  );
};
