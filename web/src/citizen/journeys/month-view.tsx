// One month of a journey as a table (a week per row), the steps on their due days; previous and
// next month buttons. A real <table> with a caption and headers, so screen readers can navigate it.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import type { JourneyCalendar } from '../../journeys-api.ts';

const shiftMonth = (month: string, by: number) => {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, index - 1 + by, 1));
  return date.toISOString().slice(0, 7);
};

/** The weeks of a month, Monday first, as ISO dates or null for the days outside it. */
const weeksOf = (month: string) => {
  const first = new Date(`${month}-01T00:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, day) => `${month}-${String(day + 1).padStart(2, '0')}`),
  ];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
};

export const MonthView = ({ calendar }: { calendar: JourneyCalendar }) => {
  const { t, lang } = useI18n();
  const firstOpen = calendar.steps.find((step) => step.status !== 'done') ?? calendar.steps[0];
  const [month, setMonth] = useState(firstOpen ? firstOpen.dueOn.slice(0, 7) : calendar.startsOn.slice(0, 7));
  const monthName = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
  const stepsOn = (date: string) => calendar.steps.filter((step) => step.dueOn === date);
  return (
    <div className="fr-mt-4w">
      <h3 className="fr-h4">{t('journey.monthTitle')}</h3>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li>
          <Button
            size="small"
            priority="secondary"
            iconId="fr-icon-arrow-left-s-line"
            onClick={() => setMonth(shiftMonth(month, -1))}
          >
            {t('journey.previousMonth')}
          </Button>
        </li>
        <li>
          <Button
            size="small"
            priority="secondary"
            iconId="fr-icon-arrow-right-s-line"
            iconPosition="right"
            onClick={() => setMonth(shiftMonth(month, 1))}
          >
            {t('journey.nextMonth')}
          </Button>
        </li>
      </ul>
      <div className="fr-table fr-table--bordered guichet-month" aria-live="polite">
        {/* The table scrolls sideways on a phone: focusable so the keyboard can scroll it too. */}
        <table tabIndex={0}>
          <caption>{t('journey.monthCaption', { month: monthName })}</caption>
          <thead>
            <tr>
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <th key={day} scope="col">
                  <abbr title={t(`journey.weekday.${day}` as MessageKey)}>
                    {t(`journey.weekday.${day}` as MessageKey).slice(0, 3)}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week) => (
              <tr key={week.find(Boolean) ?? 'vide'}>
                {week.map((date, index) => (
                  <td key={date ?? `vide-${index}`}>
                    {date ? (
                      <>
                        <span className="guichet-month-day">{Number(date.slice(8))}</span>
                        {stepsOn(date).map((step) => (
                          <span key={step.id} className="guichet-month-step">
                            {step.title[lang]}
                          </span>
                        ))}
                      </>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};
