// « Mes rendez-vous »: the coming ones first with what can be done (join, move, cancel), then the
// past ones with the survey to answer.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link } from 'react-router';
import { appointmentsApi, type Appointment } from '../appointments-api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';
import { AppointmentActions, StatusBadge, useNow } from './appointment-actions.tsx';
import { channelLabelKey } from './book-appointment-page.tsx';

export const MyAppointmentsPage = () => {
  const { t, lang } = useI18n();
  const now = useNow();
  const { state, retry } = useApi(async (signal) => {
    const [mine, reasons] = await Promise.all([appointmentsApi.mine(signal), appointmentsApi.reasons(signal)]);
    return { appointments: mine.items, deadlines: new Map(reasons.items.map((r) => [r.id, r.changeDeadlineMinutes])) };
  }, []);

  const item = (appointment: Appointment, deadlines: Map<string, number>) => (
    <li key={appointment.id} className="fr-card fr-card--no-arrow guichet-card-pad fr-mb-3w">
      <h3 className="fr-h5 fr-mb-1w">
        <Link to={`/mes-rendez-vous/${appointment.id}`}>{appointment.label[lang]}</Link>
      </h3>
      <p className="fr-mb-1w">
        {appointment.reason.label} · {t(channelLabelKey(appointment.channel))} · {appointment.advisor.displayName}
      </p>
      <p className="fr-mb-2w">
        <StatusBadge status={appointment.status} />
      </p>
      <AppointmentActions
        appointment={appointment}
        changeDeadlineMinutes={deadlines.get(appointment.reason.id)}
        onCancelled={retry}
      />
    </li>
  );

  return (
    <Page title={t('appt.mineTitle')}>
      <p>
        <Button iconId="fr-icon-calendar-event-line" linkProps={{ to: '/prendre-rendez-vous' }}>
          {t('appt.bookButton')}
        </Button>
      </p>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready'
        ? (() => {
            const booked = state.data.appointments.filter((a) => a.status !== 'held');
            const coming = booked.filter((a) => a.status === 'booked' && Date.parse(a.endsAt) > now);
            const past = booked.filter((a) => !coming.includes(a)).reverse();
            return (
              <>
                <section aria-labelledby="a-venir" className="fr-my-4w">
                  <h2 id="a-venir">{t('appt.coming')}</h2>
                  {coming.length === 0 ? <p>{t('appt.noneComing')}</p> : null}
                  <ul className="guichet-plain-list">{coming.map((a) => item(a, state.data.deadlines))}</ul>
                </section>
                {past.length > 0 ? (
                  <section aria-labelledby="passes" className="fr-my-4w">
                    <h2 id="passes">{t('appt.past')}</h2>
                    <ul className="guichet-plain-list">{past.map((a) => item(a, state.data.deadlines))}</ul>
                  </section>
                ) : null}
              </>
            );
          })()
        : null}
    </Page>
  );
};
