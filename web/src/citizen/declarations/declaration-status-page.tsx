// The follow-up of one declaration: per body, sent, received, processed, or rejected with the
// reason. It asks the API again every two seconds until every body has answered, and says so
// politely to screen readers (aria-live) when the summary changes.
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, type Declaration, type DeliveryStatus } from '../../api.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

const POLL_MS = 2000;

const SEVERITY: Record<DeliveryStatus, 'info' | 'new' | 'success' | 'error'> = {
  sent: 'info',
  received: 'new',
  processed: 'success',
  rejected: 'error',
  failed: 'error',
};

export const DeclarationStatusPage = () => {
  const { id = '' } = useParams();
  const { t, lang, formatDate } = useI18n();
  const navigate = useNavigate();
  const [declaration, setDeclaration] = useState<Declaration | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await api.declaration(id, controller.signal);
        setDeclaration(next);
        setError(null);
        if (!next.isComplete) timer = setTimeout(load, POLL_MS);
      } catch (failure) {
        if (controller.signal.aborted) return;
        if (failure instanceof ApiError && failure.status === 401) {
          navigate('/connexion?session=expiree', { replace: true });
          return;
        }
        setError(failure);
        // A network hiccup: keep trying, a little slower.
        if (!(failure instanceof ApiError)) timer = setTimeout(load, POLL_MS * 2);
      }
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id]);

  const label = declaration ? t(`declare.type.${declaration.type}` as MessageKey) : '';
  const processed = declaration?.recipients.filter((recipient) => recipient.status === 'processed').length ?? 0;
  return (
    <Page
      title={t('status.title')}
      lead={declaration ? t('status.lead', { label, date: formatDate(declaration.createdAt, true) }) : undefined}
    >
      <Stepper currentStep={3} stepCount={3} title={t('declare.stepFollow')} />
      {error ? <ApiErrorAlert error={error} /> : null}
      {!declaration && !error ? <Loading label="status.loading" /> : null}
      {declaration ? (
        <>
          <p role="status" aria-live="polite" aria-atomic="true">
            {t('status.summary', { processed, total: declaration.recipients.length })}{' '}
            {declaration.isComplete ? t('status.done') : t('status.live')}
          </p>
          <div className="fr-table fr-table--no-caption">
            <div className="fr-table__wrapper">
              {/* Scrollable on a phone: reachable by the keyboard (RGAA 7.3, axe scrollable-region-focusable). */}
              <div className="fr-table__container" tabIndex={0} role="region" aria-label={t('status.tableCaption')}>
                <div className="fr-table__content">
                  <table>
                    <caption>{t('status.tableCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('status.body')}</th>
                        <th scope="col">{t('status.state')}</th>
                        <th scope="col">{t('status.detail')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {declaration.recipients.map((recipient) => (
                        <tr key={recipient.party} data-party={recipient.party}>
                          <th scope="row">{recipient.name[lang]}</th>
                          <td>
                            <Badge severity={SEVERITY[recipient.status]} small>
                              {t(`status.${recipient.status}` as MessageKey)}
                            </Badge>
                          </td>
                          <td>
                            {recipient.reason && recipient.status !== 'processed' ? recipient.reason[lang] : null}
                            {recipient.isRetrying ? ` ${t('status.retrying')}` : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
          <p className="fr-mt-4w">
            <Link to="/mon-espace/declarer">{t('status.toList')}</Link>
          </p>
        </>
      ) : null}
    </Page>
  );
};
