// Choosing a day then a time, two weeks at a time within the reason's booking window. Times are
// Paris times (the server's `localTime`), whatever the phone's own time zone.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMemo, useState } from 'react';
import {
  addDays,
  appointmentsApi,
  formatDay,
  parisDate,
  type Channel,
  type Reason,
  type Slot,
} from '../appointments-api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';

const PAGE_DAYS = 14;

export const SlotPicker = ({
  reason,
  channel,
  siteId,
  selected,
  onSelect,
}: {
  reason: Reason;
  channel: Channel;
  siteId: string | undefined;
  selected: Slot | undefined;
  onSelect: (slot: Slot | undefined) => void;
}) => {
  const { t, lang } = useI18n();
  const today = parisDate(Date.now());
  const lastDay = addDays(today, reason.bookingWindowDays);
  const [page, setPage] = useState(0);
  const from = addDays(today, page * PAGE_DAYS);
  const to = [addDays(from, PAGE_DAYS - 1), lastDay].sort()[0]!;
  const { state, retry } = useApi(
    (signal) => appointmentsApi.slots({ reasonId: reason.id, channel, from, to, siteId }, signal),
    [reason.id, channel, siteId, from, to],
  );
  const days = useMemo(() => {
    const byDay = new Map<string, Slot[]>();
    if (state.status === 'ready') {
      for (const slot of state.data.slots) byDay.set(slot.localDate, [...(byDay.get(slot.localDate) ?? []), slot]);
    }
    return byDay;
  }, [state]);
  const [day, setDay] = useState<string | undefined>();
  const shownDay = day && days.has(day) ? day : days.keys().next().value;
  const slots = shownDay ? (days.get(shownDay) ?? []) : [];

  const turnPage = (delta: number) => {
    setPage(page + delta);
    setDay(undefined);
    onSelect(undefined);
  };

  return (
    <div>
      <p className="fr-text--sm guichet-muted">
        {t('appt.slotsPeriod', { from: formatDay(from, lang), to: formatDay(to, lang) })}
      </p>
      {state.status === 'loading' ? <Loading label="appt.slotsLoading" /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && days.size === 0 ? <p role="status">{t('appt.noSlots')}</p> : null}
      {state.status === 'ready' && days.size > 0 ? (
        <>
          <Select
            label={t('appt.dayLabel')}
            nativeSelectProps={{
              id: 'jour-rendez-vous',
              value: shownDay,
              onChange: (event) => {
                setDay(event.target.value);
                onSelect(undefined);
              },
            }}
          >
            {[...days.entries()].map(([date, daySlots]) => (
              <option key={date} value={date}>
                {t(daySlots.length === 1 ? 'appt.dayOptionOne' : 'appt.dayOptionMany', {
                  day: formatDay(date, lang),
                  count: daySlots.length,
                })}
              </option>
            ))}
          </Select>
          <RadioButtons
            legend={t('appt.timeLegend', { day: shownDay ? formatDay(shownDay, lang) : '' })}
            hintText={t('appt.timeHint')}
            orientation="horizontal"
            name="creneau"
            options={slots.map((slot) => ({
              label: lang === 'fr' ? slot.localTime.replace(':', ' h ') : slot.localTime,
              nativeInputProps: {
                value: slot.startsAt,
                checked: selected?.startsAt === slot.startsAt,
                onChange: () => onSelect(slot),
              },
            }))}
          />
        </>
      ) : null}
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        {page > 0 ? (
          <li>
            <Button priority="tertiary" iconId="fr-icon-arrow-left-line" onClick={() => turnPage(-1)}>
              {t('appt.previousDays')}
            </Button>
          </li>
        ) : null}
        {to < lastDay ? (
          <li>
            <Button
              priority="tertiary"
              iconId="fr-icon-arrow-right-line"
              iconPosition="right"
              onClick={() => turnPage(1)}
            >
              {t('appt.nextDays')}
            </Button>
          </li>
        ) : null}
      </ul>
    </div>
  );
};
