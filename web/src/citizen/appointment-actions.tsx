// What a person can do with a booked appointment: join the video room when it opens, move it or
// cancel it until the reason's deadline (cancelling asks to confirm first).
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import {
  appointmentsApi,
  canStillChange,
  isVideoRoomOpen,
  type Appointment,
  type AppointmentStatus,
} from '../appointments-api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

/** The time, refreshed every half minute: the « Rejoindre » button appears on its own. */
export const useNow = (everyMs = 30_000) => {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};

const STATUS_SEVERITY: Record<AppointmentStatus, 'info' | 'success' | 'warning' | 'error' | 'new'> = {
  held: 'new',
  booked: 'info',
  seen: 'success',
  excused: 'warning',
  no_show: 'error',
  revoked: 'warning',
};

export const StatusBadge = ({ status }: { status: AppointmentStatus }) => {
  const { t } = useI18n();
  return (
    <Badge severity={STATUS_SEVERITY[status]} small noIcon>
      {t(`appt.status.${status}` as MessageKey)}
    </Badge>
  );
};

export const AppointmentActions = ({
  appointment,
  changeDeadlineMinutes,
  onCancelled,
}: {
  appointment: Appointment;
  changeDeadlineMinutes: number | undefined;
  onCancelled: (appointment: Appointment) => void;
}) => {
  const { t, lang } = useI18n();
  const now = useNow();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const changeable = changeDeadlineMinutes !== undefined && canStillChange(appointment, changeDeadlineMinutes, now);

  const cancel = async () => {
    try {
      onCancelled(await appointmentsApi.cancel(appointment.id));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mb-0">
        {isVideoRoomOpen(appointment, now) ? (
          <li>
            <Button iconId="fr-icon-video-chat-line" linkProps={{ to: `/mes-rendez-vous/${appointment.id}/visio` }}>
              {t('appt.join')}
            </Button>
          </li>
        ) : null}
        {changeable ? (
          <>
            <li>
              <Button
                priority="secondary"
                iconId="fr-icon-calendar-line"
                linkProps={{ to: `/mes-rendez-vous/${appointment.id}/deplacer` }}
              >
                {t('appt.reschedule')}
              </Button>
            </li>
            <li>
              <Button
                priority="tertiary"
                iconId="fr-icon-close-circle-line"
                onClick={() => setConfirming(true)}
                nativeButtonProps={{ 'aria-expanded': confirming }}
              >
                {t('appt.cancel')}
              </Button>
            </li>
          </>
        ) : null}
      </ul>
      {appointment.status === 'booked' && !changeable && changeDeadlineMinutes !== undefined ? (
        <p className="fr-text--sm guichet-muted fr-mb-0">{t('appt.tooLateToChange')}</p>
      ) : null}
      {confirming && changeable ? (
        <div className="fr-mt-2w" role="group" aria-label={t('appt.cancelConfirmLabel')}>
          <p className="fr-mb-1w">{t('appt.cancelQuestion', { when: appointment.label[lang] })}</p>
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <li>
              <Button onClick={() => void cancel()}>{t('appt.cancelYes')}</Button>
            </li>
            <li>
              <Button priority="secondary" onClick={() => setConfirming(false)}>
                {t('appt.cancelNo')}
              </Button>
            </li>
          </ul>
        </div>
      ) : null}
      {failure ? <ApiErrorAlert error={failure} /> : null}
    </div>
  );
};
