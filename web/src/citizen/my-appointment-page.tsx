// One appointment: the confirmation (after booking), when and how, the calendar file, what to
// prepare, the documents sent, what can still be done, and the survey once it has taken place.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { appointmentsApi, type Appointment, type AppointmentDocument } from '../appointments-api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { AppointmentActions, StatusBadge } from './appointment-actions.tsx';
import { channelLabelKey } from './book-appointment-page.tsx';
import { DocumentUpload } from './document-upload.tsx';
import { SurveyForm } from './survey-form.tsx';

export const MyAppointmentPage = () => {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const justBooked = params.get('confirme') === '1';
  const { state, retry } = useApi(
    async (signal) => {
      const [appointment, reasons] = await Promise.all([
        appointmentsApi.detail(id, signal),
        appointmentsApi.reasons(signal),
      ]);
      return {
        appointment,
        changeDeadlineMinutes: reasons.items.find((reason) => reason.id === appointment.reason.id)
          ?.changeDeadlineMinutes,
      };
    },
    [id],
  );
  const [documents, setDocuments] = useState<AppointmentDocument[] | undefined>();
  const [cancelled, setCancelled] = useState<Appointment | undefined>();

  const title = justBooked ? t('appt.confirmedTitle') : t('appt.detailTitle');
  return (
    <Page title={title}>
      <p>
        <Link to="/mes-rendez-vous" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {t('appt.backToMine')}
        </Link>
      </p>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready'
        ? (() => {
            const appointment = { ...state.data.appointment, ...(cancelled ?? {}) };
            const shownDocuments = documents ?? appointment.documents;
            const isComing = appointment.status === 'booked' && Date.parse(appointment.endsAt) > Date.now();
            return (
              <>
                {justBooked && appointment.status === 'booked' ? (
                  <div role="status" className="fr-mb-4w">
                    <Alert
                      severity="success"
                      as="h2"
                      title={t('appt.confirmedAlert')}
                      description={t('appt.confirmedText')}
                    />
                  </div>
                ) : null}
                {cancelled ? (
                  <div role="status" className="fr-mb-4w">
                    <Alert severity="info" small description={t('appt.cancelledAlert')} />
                  </div>
                ) : null}
                <section aria-labelledby="quand" className="fr-mb-4w">
                  <h2 id="quand">{appointment.label[lang]}</h2>
                  <p>
                    <StatusBadge status={appointment.status} />
                  </p>
                  <dl className="guichet-details">
                    <dt>{t('appt.reason')}</dt>
                    <dd>{appointment.reason.label}</dd>
                    <dt>{t('appt.channel')}</dt>
                    <dd>
                      {t(channelLabelKey(appointment.channel))}
                      <span className="guichet-block fr-text--sm guichet-muted">
                        {t(`appt.channelHow.${appointment.channel}` as MessageKey)}
                      </span>
                    </dd>
                    <dt>{t('appt.advisor')}</dt>
                    <dd>{appointment.advisor.displayName}</dd>
                    {appointment.site ? (
                      <>
                        <dt>{t('appt.site')}</dt>
                        <dd>
                          {appointment.site.name}
                          <span className="guichet-block">
                            {appointment.site.address.label}, {appointment.site.address.postcode}{' '}
                            {appointment.site.address.communeName}
                          </span>
                          <span className="guichet-block fr-text--sm guichet-muted">
                            {appointment.site.openingHours}
                          </span>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                  {appointment.status === 'booked' ? (
                    <p className="fr-mt-3w">
                      <a
                        className="fr-link fr-icon-download-line fr-link--icon-left"
                        href={appointmentsApi.icsUrl(appointment.id)}
                        download={`rendez-vous-${appointment.id}.ics`}
                      >
                        {t('appt.ics')}
                      </a>
                    </p>
                  ) : null}
                  <AppointmentActions
                    appointment={appointment}
                    changeDeadlineMinutes={state.data.changeDeadlineMinutes}
                    onCancelled={setCancelled}
                  />
                </section>
                {isComing && appointment.instructionsBefore ? (
                  <section aria-labelledby="preparer" className="fr-mb-4w">
                    <h2 id="preparer">{t('appt.prepareTitle')}</h2>
                    <p>{appointment.instructionsBefore}</p>
                  </section>
                ) : null}
                <section aria-labelledby="documents" className="fr-mb-4w">
                  <h2 id="documents">{t('appt.documentsTitle')}</h2>
                  {isComing ? (
                    <DocumentUpload
                      appointmentId={appointment.id}
                      expected={appointment.documentsExpected}
                      documents={shownDocuments}
                      onChange={setDocuments}
                    />
                  ) : shownDocuments.length === 0 ? (
                    <p>{t('appt.noDocuments')}</p>
                  ) : (
                    <ul>
                      {shownDocuments.map((document) => (
                        <li key={document.id}>
                          <a
                            href={appointmentsApi.documentUrl(appointment.id, document.id)}
                            download={document.fileName}
                          >
                            {document.fileName}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                {!isComing && appointment.instructionsAfter ? (
                  <section aria-labelledby="ensuite" className="fr-mb-4w">
                    <h2 id="ensuite">{t('appt.afterTitle')}</h2>
                    <p>{appointment.instructionsAfter}</p>
                  </section>
                ) : null}
                <SurveyForm appointmentId={appointment.id} />
              </>
            );
          })()
        : null}
    </Page>
  );
};
