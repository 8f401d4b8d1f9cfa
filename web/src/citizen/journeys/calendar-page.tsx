// "Mon calendrier": what to do now, every step in order, and a month view; each step with its
// explanation, the amount expected, the documents to prepare and the official page.
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { Page } from '../../components/page.tsx';
import { useApi } from '../../components/use-api.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { journeysApi, type CalendarStep, type JourneyCalendar, type StepStatus } from '../../journeys-api.ts';
import { MonthView } from './month-view.tsx';

const STATUS_SEVERITY = { done: 'success', late: 'error', to_do: 'warning', upcoming: 'info' } as const;

export const StatusBadge = ({ status }: { status: StepStatus }) => {
  const { t } = useI18n();
  return (
    <Badge severity={STATUS_SEVERITY[status]} small noIcon>
      {t(`journey.status.${status}` as MessageKey)}
    </Badge>
  );
};

const euros = (lang: string, amount: number) =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount);

const StepCard = ({ journey, step, onChanged }: { journey: string; step: CalendarStep; onChanged: () => void }) => {
  const { t, lang, formatDate } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const title = step.title[lang];
  const toggle = async () => {
    setError(null);
    try {
      await (step.status === 'done' ? journeysApi.markToDo : journeysApi.markDone)(journey, step.id);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  const isEvent = !step.completedBy?.declaration && step.amount !== null;
  return (
    <li className="guichet-step">
      <h3 className="fr-h6 fr-mb-1v">{title}</h3>
      <p className="fr-mb-1w">
        <StatusBadge status={step.status} />{' '}
        <strong>{t(isEvent ? 'journey.happensOn' : 'journey.dueOn', { date: formatDate(step.dueOn) })}</strong>
        {step.status === 'upcoming' && step.opensOn < step.dueOn ? (
          <span className="fr-text--sm"> — {t('journey.opensOn', { date: formatDate(step.opensOn) })}</span>
        ) : null}
      </p>
      <p className="fr-text--sm fr-mb-1w">
        {t('journey.body', { body: t(`journey.bodyName.${step.body}` as MessageKey) })}
      </p>
      <p className="fr-mb-1w">{step.explanation[lang]}</p>
      {step.amount ? (
        <p className="fr-mb-1w">
          {step.amount.euros === null
            ? t('journey.amountUnknown')
            : t('journey.amount', { amount: euros(lang, step.amount.euros) })}
        </p>
      ) : null}
      {step.documents.length ? (
        <>
          <p className="fr-mb-0 fr-text--bold">{t('journey.documents')}</p>
          <ul className="fr-mb-1w">
            {step.documents.map((document) => (
              <li key={document.fr}>{document[lang]}</li>
            ))}
          </ul>
        </>
      ) : null}
      {step.legalBasis.length ? (
        <p className="fr-text--xs fr-mb-1w">{t('journey.legalBasis', { refs: step.legalBasis.join(' ; ') })}</p>
      ) : null}
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mb-0">
        <li>
          <a
            className="fr-btn fr-btn--tertiary fr-btn--sm"
            href={step.link}
            target="_blank"
            rel="noopener noreferrer"
            title={t('journey.officialPageTitle', { title })}
          >
            {t('journey.officialPage')}
          </a>
        </li>
        {step.completedBy?.payment || (step.status === 'done' && !step.isTicked) ? null : (
          <li>
            <Button
              size="small"
              priority={step.status === 'done' ? 'tertiary' : 'secondary'}
              onClick={toggle}
              nativeButtonProps={{
                'aria-label': t(step.status === 'done' ? 'journey.markToDoLabel' : 'journey.markDoneLabel', { title }),
              }}
            >
              {t(step.status === 'done' ? 'journey.markToDo' : 'journey.markDone')}
            </Button>
          </li>
        )}
      </ul>
      {step.completedBy?.declaration && step.status !== 'done' ? (
        <p className="fr-text--xs fr-mb-0">{t('journey.autoDone')}</p>
      ) : null}
      {error ? <ApiErrorAlert error={error} /> : null}
    </li>
  );
};

const CalendarFeed = () => {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const renew = async () => {
    setError(null);
    try {
      setUrl((await journeysApi.renewFeed()).url);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="agenda" className="fr-my-6w">
      <h2 id="agenda">{t('journey.feedTitle')}</h2>
      <p>{t('journey.feedText')}</p>
      {url ? (
        <Input label={t('journey.feedLabel')} nativeInputProps={{ value: url, readOnly: true, type: 'url' }} />
      ) : null}
      <Button priority={url ? 'secondary' : 'primary'} onClick={renew} iconId="fr-icon-calendar-line">
        {t(url ? 'journey.feedRenew' : 'journey.feedButton')}
      </Button>
      {error ? <ApiErrorAlert error={error} /> : null}
    </section>
  );
};

const JourneySection = ({ calendar, onChanged }: { calendar: JourneyCalendar; onChanged: () => void }) => {
  const { t, lang, formatDate } = useI18n();
  const now = calendar.steps.filter((step) => step.status === 'late' || step.status === 'to_do');
  const headingId = `parcours-${calendar.journey}`;
  return (
    <section aria-labelledby={headingId} className="fr-my-4w">
      <h2 id={headingId}>{calendar.title[lang]}</h2>
      <h3 className="fr-h4">{t('journey.nowTitle')}</h3>
      {now.length ? (
        <ul className="guichet-steps">
          {now.map((step) => (
            <StepCard key={step.id} journey={calendar.journey} step={step} onChanged={onChanged} />
          ))}
        </ul>
      ) : (
        <p>{t('journey.nowNone')}</p>
      )}
      <MonthView calendar={calendar} />
      <h3 className="fr-h4 fr-mt-4w">{t('journey.timelineTitle')}</h3>
      <ol className="guichet-steps guichet-timeline">
        {calendar.steps
          .filter((step) => step.status !== 'late' && step.status !== 'to_do')
          .map((step) => (
            <StepCard key={step.id} journey={calendar.journey} step={step} onChanged={onChanged} />
          ))}
      </ol>
      <p className="fr-text--sm">{t('journey.endsOn', { date: formatDate(calendar.endsOn) })}</p>
    </section>
  );
};

export const CalendarPage = () => {
  const { t } = useI18n();
  const { state, retry } = useApi((signal) => journeysApi.mine(signal), []);
  return (
    <Page title={t('journey.title')} lead={t('journey.lead')}>
      {state.status === 'loading' ? <Loading label="journey.loading" /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.data.calendars.length === 0 ? (
        <>
          <p>{t('journey.none')}</p>
          <Button linkProps={{ to: '/mon-espace/declarer' }}>{t('journey.declareLink')}</Button>
        </>
      ) : null}
      {state.status === 'ready'
        ? state.data.calendars.map((calendar) => (
            <JourneySection key={calendar.journey} calendar={calendar} onChanged={retry} />
          ))
        : null}
      {state.status === 'ready' && state.data.calendars.length ? <CalendarFeed /> : null}
    </Page>
  );
};
