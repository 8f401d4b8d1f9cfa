// An advisor's weekly opening ranges (Paris time, per site, channels and reasons) and absences:
// list, add, remove. Slots offered to people are computed from these.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { agendaApi, CHANNELS, type Channel } from '../appointments-api.ts';
import { channelLabelKey } from '../citizen/book-appointment-page.tsx';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** A Paris wall-clock date and time (from `datetime-local`) as an instant, DST included. */
const parisInstant = (local: string) => {
  const guess = new Date(`${local}:00Z`);
  const parisOf = (date: Date) =>
    new Date(
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Paris',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .format(date)
        .replace(' ', 'T') + 'Z',
    );
  const offset = parisOf(guess).getTime() - guess.getTime();
  return new Date(guess.getTime() - offset).toISOString();
};

export const AvailabilityPage = () => {
  const { t, lang, formatDate } = useI18n();
  const { id = '' } = useParams();
  const { state, retry } = useApi(
    async (signal) => {
      const { items: advisors } = await agendaApi.advisors(signal);
      const advisor = advisors.find((candidate) => candidate.id === id);
      const [ranges, absences, sites, reasons] = await Promise.all([
        agendaApi.openingRanges(id, signal),
        agendaApi.absences(id, signal),
        agendaApi.sites(advisor?.body, signal),
        agendaApi.reasons(advisor?.body, signal),
      ]);
      return { advisor, ranges: ranges.items, absences: absences.items, sites: sites.items, reasons: reasons.items };
    },
    [id],
  );
  const [range, setRange] = useState({ siteId: '', weekday: 1, startTime: '09:00', endTime: '12:00' });
  const [channels, setChannels] = useState<Channel[]>([...CHANNELS]);
  const [reasonIds, setReasonIds] = useState<string[] | undefined>();
  const [absence, setAbsence] = useState({ startsAt: '', endsAt: '', label: '' });
  const [rangeError, setRangeError] = useState<ApiError | undefined>();
  const [absenceError, setAbsenceError] = useState<ApiError | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [announce, setAnnounce] = useState('');

  const fieldMessage = (error: ApiError | undefined, field: string) => error?.fieldMessage(field, lang);
  const run = async (
    action: () => Promise<unknown>,
    done: string,
    setError?: (error: ApiError | undefined) => void,
  ) => {
    setFailure(undefined);
    setError?.(undefined);
    try {
      await action();
      setAnnounce(done);
      retry();
    } catch (error) {
      if (setError && error instanceof ApiError && error.status === 400) setError(error);
      else setFailure(error);
    }
  };

  if (state.status !== 'ready') {
    return (
      <Page title={t('availability.title')}>
        {state.status === 'loading' ? <Loading /> : <ApiErrorAlert error={state.error} onRetry={retry} />}
      </Page>
    );
  }
  const { advisor, ranges, absences, sites, reasons } = state.data;
  const chosenReasons = reasonIds ?? reasons.map((reason) => reason.id);
  const siteName = (siteId: string) => sites.find((site) => site.id === siteId)?.name ?? '';
  const weekdayName = (weekday: number) =>
    new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, weekday)),
    );

  return (
    <Page title={t('availability.title')} lead={advisor?.displayName}>
      <p>
        <Link to={`/agent/agenda?conseiller=${id}`} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {t('availability.back')}
        </Link>
      </p>
      <p role="status" className="fr-sr-only">
        {announce}
      </p>
      {failure ? <ApiErrorAlert error={failure} /> : null}

      <section aria-labelledby="plages" className="fr-mb-6w">
        <h2 id="plages">{t('availability.rangesTitle')}</h2>
        {ranges.length === 0 ? <p>{t('availability.noRanges')}</p> : null}
        <ul className="guichet-plain-list">
          {ranges.map((existing) => (
            <li key={existing.id} className="fr-mb-2w">
              <span className="guichet-block">
                {weekdayName(existing.weekday)} {existing.startTime.slice(0, 5)}–{existing.endTime.slice(0, 5)} ·{' '}
                {siteName(existing.siteId)}
              </span>
              <span className="guichet-block fr-text--sm guichet-muted">
                {existing.channels.map((channel) => t(channelLabelKey(channel))).join(', ')} ·{' '}
                {t('availability.reasonsCount', { count: existing.reasonIds.length })}
              </span>
              <Button
                priority="tertiary"
                size="small"
                iconId="fr-icon-delete-bin-line"
                onClick={() =>
                  void run(() => agendaApi.deleteOpeningRange(existing.id), t('availability.rangeRemoved'))
                }
              >
                {t('appt.remove')}
                <span className="fr-sr-only">
                  {' '}
                  {weekdayName(existing.weekday)} {existing.startTime.slice(0, 5)}–{existing.endTime.slice(0, 5)}
                </span>
              </Button>
            </li>
          ))}
        </ul>
        <form
          noValidate
          className="fr-mt-3w"
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () =>
                agendaApi.addOpeningRange(id, {
                  ...range,
                  siteId: range.siteId || sites[0]?.id || '',
                  channels,
                  reasonIds: chosenReasons,
                }),
              t('availability.rangeAdded'),
              setRangeError,
            );
          }}
        >
          <h3 className="fr-h5">{t('availability.addRange')}</h3>
          <Select
            label={t('appt.site')}
            state={fieldMessage(rangeError, 'siteId') ? 'error' : 'default'}
            stateRelatedMessage={fieldMessage(rangeError, 'siteId')}
            nativeSelectProps={{
              value: range.siteId || sites[0]?.id,
              onChange: (event) => setRange({ ...range, siteId: event.target.value }),
            }}
          >
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </Select>
          <Select
            label={t('availability.weekday')}
            nativeSelectProps={{
              value: String(range.weekday),
              onChange: (event) => setRange({ ...range, weekday: Number(event.target.value) }),
            }}
          >
            {WEEKDAYS.map((weekday) => (
              <option key={weekday} value={weekday}>
                {weekdayName(weekday)}
              </option>
            ))}
          </Select>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-6">
              <Input
                label={t('availability.start')}
                state={fieldMessage(rangeError, 'startTime') ? 'error' : 'default'}
                stateRelatedMessage={fieldMessage(rangeError, 'startTime')}
                nativeInputProps={{
                  type: 'time',
                  value: range.startTime,
                  onChange: (event) => setRange({ ...range, startTime: event.target.value }),
                }}
              />
            </div>
            <div className="fr-col-6">
              <Input
                label={t('availability.end')}
                state={fieldMessage(rangeError, 'endTime') ? 'error' : 'default'}
                stateRelatedMessage={fieldMessage(rangeError, 'endTime')}
                nativeInputProps={{
                  type: 'time',
                  value: range.endTime,
                  onChange: (event) => setRange({ ...range, endTime: event.target.value }),
                }}
              />
            </div>
          </div>
          <Checkbox
            legend={t('appt.channelLegend')}
            orientation="horizontal"
            state={fieldMessage(rangeError, 'channels') ? 'error' : 'default'}
            stateRelatedMessage={fieldMessage(rangeError, 'channels')}
            options={CHANNELS.map((channel) => ({
              label: t(channelLabelKey(channel)),
              nativeInputProps: {
                checked: channels.includes(channel),
                onChange: (event) =>
                  setChannels(event.target.checked ? [...channels, channel] : channels.filter((c) => c !== channel)),
              },
            }))}
          />
          <Checkbox
            legend={t('availability.reasons')}
            state={fieldMessage(rangeError, 'reasonIds') ? 'error' : 'default'}
            stateRelatedMessage={fieldMessage(rangeError, 'reasonIds')}
            options={reasons.map((reason) => ({
              label: reason.label,
              nativeInputProps: {
                checked: chosenReasons.includes(reason.id),
                onChange: (event) =>
                  setReasonIds(
                    event.target.checked
                      ? [...chosenReasons, reason.id]
                      : chosenReasons.filter((candidate) => candidate !== reason.id),
                  ),
              },
            }))}
          />
          {rangeError &&
          !['siteId', 'startTime', 'endTime', 'channels', 'reasonIds'].some((f) => fieldMessage(rangeError, f)) ? (
            <p className="fr-error-text" role="alert">
              {rangeError.body.messages[lang]}
            </p>
          ) : null}
          <Button type="submit">{t('availability.addRange')}</Button>
        </form>
      </section>

      <section aria-labelledby="absences" className="fr-mb-6w">
        <h2 id="absences">{t('availability.absencesTitle')}</h2>
        {absences.length === 0 ? <p>{t('availability.noAbsences')}</p> : null}
        <ul className="guichet-plain-list">
          {absences.map((existing) => (
            <li key={existing.id} className="fr-mb-2w">
              <span className="guichet-block">
                {t('availability.absenceRange', {
                  from: formatDate(existing.startsAt, true),
                  to: formatDate(existing.endsAt, true),
                })}
                {existing.label ? ` — ${existing.label}` : ''}
              </span>
              <Button
                priority="tertiary"
                size="small"
                iconId="fr-icon-delete-bin-line"
                onClick={() => void run(() => agendaApi.deleteAbsence(existing.id), t('availability.absenceRemoved'))}
              >
                {t('appt.remove')}
                <span className="fr-sr-only"> {formatDate(existing.startsAt, true)}</span>
              </Button>
            </li>
          ))}
        </ul>
        <form
          noValidate
          className="fr-mt-3w"
          onSubmit={(event) => {
            event.preventDefault();
            if (!absence.startsAt || !absence.endsAt) {
              setAbsenceError(
                new ApiError(400, {
                  code: 'absence_dates_missing',
                  message: t('availability.absenceDatesMissing'),
                  messages: { fr: t('availability.absenceDatesMissing'), en: t('availability.absenceDatesMissing') },
                  field: absence.startsAt ? 'endsAt' : 'startsAt',
                }),
              );
              return;
            }
            void run(
              () =>
                agendaApi.addAbsence(id, {
                  startsAt: parisInstant(absence.startsAt),
                  endsAt: parisInstant(absence.endsAt),
                  ...(absence.label.trim() ? { label: absence.label.trim() } : {}),
                }),
              t('availability.absenceAdded'),
              setAbsenceError,
            );
          }}
        >
          <h3 className="fr-h5">{t('availability.addAbsence')}</h3>
          <Input
            label={t('availability.absenceStart')}
            hintText={t('availability.parisTime')}
            state={fieldMessage(absenceError, 'startsAt') ? 'error' : 'default'}
            stateRelatedMessage={fieldMessage(absenceError, 'startsAt')}
            nativeInputProps={{
              type: 'datetime-local',
              value: absence.startsAt,
              onChange: (event) => setAbsence({ ...absence, startsAt: event.target.value }),
            }}
          />
          <Input
            label={t('availability.absenceEnd')}
            hintText={t('availability.parisTime')}
            state={fieldMessage(absenceError, 'endsAt') ? 'error' : 'default'}
            stateRelatedMessage={fieldMessage(absenceError, 'endsAt')}
            nativeInputProps={{
              type: 'datetime-local',
              value: absence.endsAt,
              onChange: (event) => setAbsence({ ...absence, endsAt: event.target.value }),
            }}
          />
          <Input
            label={t('availability.absenceLabel')}
            nativeInputProps={{
              maxLength: 200,
              value: absence.label,
              onChange: (event) => setAbsence({ ...absence, label: event.target.value }),
            }}
          />
          {absenceError && !fieldMessage(absenceError, 'startsAt') && !fieldMessage(absenceError, 'endsAt') ? (
            <p className="fr-error-text" role="alert">
              {absenceError.body.messages[lang]}
            </p>
          ) : null}
          <Button type="submit">{t('availability.addAbsence')}</Button>
        </form>
      </section>
    </Page>
  );
};
