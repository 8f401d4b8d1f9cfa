// For admins, and for the demo: the e-mails Guichet wrote. Without SMTP_URL they were captured,
// not sent, and the page says so plainly; below, the log of every sending and its outcome.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { notificationsApi } from '../notifications-api.ts';

const STATUS_KEYS: Record<string, MessageKey> = {
  sent: 'emails.status.sent',
  captured: 'emails.status.captured',
  failed: 'emails.status.failed',
  skipped: 'emails.status.skipped',
  interrupted: 'emails.status.interrupted',
};

const CapturedEmails = () => {
  const { t, formatDate } = useI18n();
  const { state, retry } = useApi((signal) => notificationsApi.capturedEmails(signal), []);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ApiErrorAlert error={state.error} onRetry={retry} />;
  const { isSmtpConfigured, items } = state.data;
  return (
    <>
      <Alert
        severity={isSmtpConfigured ? 'info' : 'warning'}
        small
        description={isSmtpConfigured ? t('emails.smtpNotice') : t('emails.captureNotice')}
        className="fr-mb-4w"
      />
      {items.length === 0 ? <p>{t('emails.none')}</p> : null}
      <ul className="fr-raw-list">
        {items.map((email) => (
          <li key={email.id} className="fr-mb-3w">
            <article className="fr-p-3w" style={{ border: '1px solid var(--border-default-grey)' }}>
              <h3 className="fr-h6 fr-mb-1w">{email.subject}</h3>
              <p className="fr-text--sm fr-mb-1w">
                {t('emails.to', { to: email.to })} —{' '}
                {t('emails.capturedOn', { date: formatDate(email.capturedAt, true) })}
              </p>
              <pre className="fr-text--sm" style={{ whiteSpace: 'pre-wrap' }}>
                {email.text}
              </pre>
              <details>
                <summary>{t('emails.showRaw')}</summary>
                <pre className="fr-text--xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {email.raw}
                </pre>
              </details>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
};

const DeliveryLog = () => {
  const { t, formatDate } = useI18n();
  const { state, retry } = useApi((signal) => notificationsApi.deliveries(signal), []);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ApiErrorAlert error={state.error} onRetry={retry} />;
  if (state.data.items.length === 0) return <p>{t('emails.noLog')}</p>;
  return (
    <Table
      caption={t('emails.logCaption')}
      headers={[
        t('emails.col.at'),
        t('emails.col.kind'),
        t('emails.col.channel'),
        t('emails.col.target'),
        t('emails.col.status'),
        t('emails.col.error'),
      ]}
      data={state.data.items.map((entry) => [
        formatDate(entry.at, true),
        entry.kind,
        entry.channel,
        entry.target,
        STATUS_KEYS[entry.status] ? t(STATUS_KEYS[entry.status]!) : entry.status,
        entry.error ?? '—',
      ])}
    />
  );
};

export const CapturedEmailsPage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('emails.title')} lead={t('emails.lead')}>
      <section aria-labelledby="courriels" className="fr-mb-6w">
        <h2 id="courriels">{t('emails.listTitle')}</h2>
        <CapturedEmails />
      </section>
      <section aria-labelledby="journal-envois">
        <h2 id="journal-envois">{t('emails.logTitle')}</h2>
        <DeliveryLog />
      </section>
    </Page>
  );
};
