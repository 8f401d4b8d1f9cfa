// The agenda of an advisor (mine by default) or of a site, a day or a week, with the opening
// ranges and absences beside the appointments. The choice lives in the address, so the back
// button and a shared link show the same agenda.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Link, useSearchParams } from 'react-router';
import {
  addDays,
  agendaApi,
  formatDay,
  formatTime,
  parisDate,
  type Agenda,
  type Appointment,
} from '../appointments-api.ts';
import { StatusBadge } from '../citizen/appointment-actions.tsx';
import { channelLabelKey } from '../citizen/book-appointment-page.tsx';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';

const isoWeekday = (date: string) => {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};

const daysOf = (agenda: Agenda) => {
  const days: string[] = [];
  for (let day = agenda.from; day <= agenda.to; day = addDays(day, 1)) days.push(day);
  return days;
};

export const AgendaPage = () => {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const { session } = useSession();
  const body = session?.user?.role === 'admin' ? undefined : session?.user?.body;
  const directory = useApi(
    async (signal) => {
      const [advisors, sites] = await Promise.all([agendaApi.advisors(signal), agendaApi.sites(body, signal)]);
      return { ...advisors, sites: sites.items };
    },
    [body],
  );
  const today = parisDate(Date.now());
  const date = params.get('date') ?? today;
  const view = params.get('vue') === 'semaine' ? 'week' : 'day';
  const siteId = params.get('lieu') ?? undefined;
  const me = directory.state.status === 'ready' ? directory.state.data.me : null;
  const firstAdvisor = directory.state.status === 'ready' ? directory.state.data.items[0] : undefined;
  const advisorId = siteId ? undefined : (params.get('conseiller') ?? me?.id ?? firstAdvisor?.id);
  const agenda = useApi(
    (signal) =>
      advisorId || siteId
        ? agendaApi.agenda({ advisorId, siteId, date, view }, signal)
        : new Promise<Agenda>(() => undefined),
    [advisorId, siteId, date, view],
  );

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const advisorName = (id: string) =>
    directory.state.status === 'ready'
      ? (directory.state.data.items.find((advisor) => advisor.id === id)?.displayName ?? '')
      : '';
  const siteName = (id: string) =>
    directory.state.status === 'ready' ? (directory.state.data.sites.find((site) => site.id === id)?.name ?? '') : '';

  const appointmentItem = (appointment: Appointment) => (
    <li key={appointment.id} className="fr-mb-2w">
      <Link to={`/agent/rendez-vous/${appointment.id}`}>
        {formatTime(appointment.startsAt, lang)}–{formatTime(appointment.endsAt, lang)} · {appointment.reason.label}
      </Link>{' '}
      <span className="guichet-block fr-text--sm fr-mb-0">
        {t(channelLabelKey(appointment.channel))}
        {siteId ? ` · ${appointment.advisor.displayName}` : ''} <StatusBadge status={appointment.status} />
      </span>
    </li>
  );

  const step = view === 'week' ? 7 : 1;
  return (
    <Page title={t('agenda.title')}>
      {directory.state.status === 'loading' ? <Loading /> : null}
      {directory.state.status === 'error' ? (
        <ApiErrorAlert error={directory.state.error} onRetry={directory.retry} />
      ) : null}
      {directory.state.status === 'ready' ? (
        <>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <Select
                label={t('agenda.advisorLabel')}
                nativeSelectProps={{
                  value: advisorId ?? '',
                  onChange: (event) => update({ conseiller: event.target.value || undefined, lieu: undefined }),
                }}
              >
                <option value="">{t('agenda.noAdvisor')}</option>
                {directory.state.data.items.map((advisor) => (
                  <option key={advisor.id} value={advisor.id}>
                    {advisor.displayName}
                    {advisor.id === me?.id ? ` (${t('agenda.me')})` : ''}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Select
                label={t('agenda.siteLabel')}
                nativeSelectProps={{
                  value: siteId ?? '',
                  onChange: (event) => update({ lieu: event.target.value || undefined, conseiller: undefined }),
                }}
              >
                <option value="">{t('agenda.noSite')}</option>
                {directory.state.data.sites.map((site) => (
                  <option key={site.id} value={site.id}>
                    {site.name}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          <SegmentedControl
            legend={t('agenda.viewLegend')}
            small
            segments={[
              {
                label: t('agenda.day'),
                nativeInputProps: { checked: view === 'day', onChange: () => update({ vue: undefined }) },
              },
              {
                label: t('agenda.week'),
                nativeInputProps: { checked: view === 'week', onChange: () => update({ vue: 'semaine' }) },
              },
            ]}
          />
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-2w">
            <li>
              <Button
                priority="secondary"
                iconId="fr-icon-arrow-left-line"
                onClick={() => update({ date: addDays(date, -step) })}
              >
                {t(view === 'week' ? 'agenda.previousWeek' : 'agenda.previousDay')}
              </Button>
            </li>
            <li>
              <Button priority="secondary" onClick={() => update({ date: undefined })}>
                {t('agenda.today')}
              </Button>
            </li>
            <li>
              <Button
                priority="secondary"
                iconId="fr-icon-arrow-right-line"
                iconPosition="right"
                onClick={() => update({ date: addDays(date, step) })}
              >
                {t(view === 'week' ? 'agenda.nextWeek' : 'agenda.nextDay')}
              </Button>
            </li>
          </ul>
          {advisorId ? (
            <p>
              <Link to={`/agent/conseillers/${advisorId}/disponibilites`} className="fr-link">
                {t('agenda.manageAvailability', { name: advisorName(advisorId) })}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
      {agenda.state.status === 'error' ? <ApiErrorAlert error={agenda.state.error} onRetry={agenda.retry} /> : null}
      {agenda.state.status === 'ready'
        ? (() => {
            const data = agenda.state.data;
            return (
              <div role="region" aria-live="polite" aria-label={t('agenda.regionLabel')}>
                <p className="fr-text--sm">
                  {t('agenda.count', { count: data.appointments.filter((a) => a.status === 'booked').length })}
                </p>
                {daysOf(data).map((day) => {
                  const appointments = data.appointments.filter((a) => parisDate(a.startsAt) === day);
                  const ranges = data.openingRanges.filter(
                    (range) =>
                      range.weekday === isoWeekday(day) &&
                      range.validFrom <= day &&
                      (!range.validUntil || range.validUntil >= day),
                  );
                  const absences = data.absences.filter(
                    (absence) => parisDate(absence.startsAt) <= day && parisDate(absence.endsAt) >= day,
                  );
                  return (
                    <section key={day} aria-labelledby={`jour-${day}`} className="fr-mb-4w">
                      <h2 id={`jour-${day}`} className="fr-h5">
                        {formatDay(day, lang)}
                      </h2>
                      {ranges.length > 0 ? (
                        <p className="fr-text--sm guichet-muted fr-mb-1w">
                          {t('agenda.open')}{' '}
                          {ranges
                            .map(
                              (range) =>
                                `${range.startTime.slice(0, 5)}–${range.endTime.slice(0, 5)}${
                                  siteId ? ` (${advisorName(range.advisorId)})` : ` (${siteName(range.siteId)})`
                                }`,
                            )
                            .join(', ')}
                        </p>
                      ) : (
                        <p className="fr-text--sm guichet-muted fr-mb-1w">{t('agenda.closed')}</p>
                      )}
                      {absences.map((absence) => (
                        <p key={absence.id} className="fr-text--sm fr-mb-1w">
                          {t('agenda.absence', {
                            name: advisorName(absence.advisorId),
                            from: formatTime(absence.startsAt, lang),
                            to: formatTime(absence.endsAt, lang),
                            label: absence.label,
                          })}
                        </p>
                      ))}
                      {appointments.length === 0 ? (
                        <p>{t('agenda.none')}</p>
                      ) : (
                        <ul className="guichet-plain-list">{appointments.map(appointmentItem)}</ul>
                      )}
                    </section>
                  );
                })}
              </div>
            );
          })()
        : null}
      {agenda.state.status === 'loading' && (advisorId || siteId) ? <Loading /> : null}
    </Page>
  );
};
