// Moving an appointment to another slot of the same reason and channel, until the reason's deadline.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { appointmentsApi, type Slot, type SlotConflict } from '../appointments-api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';
import { SlotPicker } from './slot-picker.tsx';

export const RescheduleAppointmentPage = () => {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { state, retry } = useApi(
    async (signal) => {
      const [appointment, reasons] = await Promise.all([
        appointmentsApi.detail(id, signal),
        appointmentsApi.reasons(signal),
      ]);
      return { appointment, reason: reasons.items.find((reason) => reason.id === appointment.reason.id) };
    },
    [id],
  );
  const [slot, setSlot] = useState<Slot | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [conflict, setConflict] = useState<SlotConflict | undefined>();
  const [failure, setFailure] = useState<unknown>();

  const move = async (chosen = slot) => {
    if (!chosen) {
      setError(t('appt.errorSlot'));
      return;
    }
    try {
      await appointmentsApi.reschedule(id, { startsAt: chosen.startsAt });
      navigate(`/mes-rendez-vous/${id}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.body.code !== 'change_deadline_passed') {
        setConflict(caught.body as SlotConflict);
      } else setFailure(caught);
    }
  };

  return (
    <Page title={t('appt.rescheduleTitle')}>
      <p>
        <Link to={`/mes-rendez-vous/${id}`} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {t('appt.backToAppointment')}
        </Link>
      </p>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.data.reason ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void move();
          }}
        >
          <p>{t('appt.rescheduleCurrent', { when: state.data.appointment.label[lang] })}</p>
          {conflict ? (
            <div role="alert" className="fr-mb-3w">
              <Alert
                severity="warning"
                as="h2"
                title={conflict.messages[lang]}
                description={
                  <span className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-1w">
                    {(conflict.nextSlots ?? []).slice(0, 3).map((next) => (
                      <Button key={next.startsAt} priority="secondary" onClick={() => void move(next)}>
                        {next.label[lang]}
                      </Button>
                    ))}
                  </span>
                }
              />
            </div>
          ) : null}
          <SlotPicker
            reason={state.data.reason}
            channel={state.data.appointment.channel}
            siteId={state.data.appointment.siteId ?? undefined}
            selected={slot}
            onSelect={(chosen) => {
              setSlot(chosen);
              setError(undefined);
            }}
          />
          {error ? (
            <p className="fr-error-text" role="alert">
              {error}
            </p>
          ) : null}
          {failure ? <ApiErrorAlert error={failure} /> : null}
          <Button type="submit" className="fr-mt-3w" iconId="fr-icon-check-line">
            {t('appt.rescheduleConfirm')}
          </Button>
        </form>
      ) : null}
    </Page>
  );
};
