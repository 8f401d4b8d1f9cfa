// The notification centre: every message Guichet sent the person, newest first, read or not; then
// how they want to be told (e-mail, this browser, SMS) and their quiet hours.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';
import {
  announceUnreadCount,
  notificationsApi,
  type AppNotification,
  type PreferencesView,
} from '../notifications-api.ts';
import {
  currentPushSubscription,
  isPushSupported,
  PushPermissionDeniedError,
  subscribeThisBrowser,
  unsubscribeThisBrowser,
} from '../push-subscription.ts';

type Notice = { kind: 'ok'; text: string } | { kind: 'error'; error: unknown } | undefined;

const NotificationItem = ({ item, onRead }: { item: AppNotification; onRead: (item: AppNotification) => void }) => {
  const { t, lang, formatDate } = useI18n();
  const title = item.title[lang];
  const isUnread = item.readAt === null;
  return (
    <li className="fr-mb-3w">
      <article
        className="fr-p-3w"
        style={{
          border: '1px solid var(--border-default-grey)',
          borderLeft: isUnread
            ? '4px solid var(--border-action-high-blue-france)'
            : '1px solid var(--border-default-grey)',
        }}
      >
        <h3 className="fr-h6 fr-mb-1w">
          {title}{' '}
          {isUnread ? (
            <Badge small severity="new" noIcon as="span">
              {t('notif.unread')}
            </Badge>
          ) : null}
        </h3>
        <p className="fr-text--sm fr-mb-1w fr-text-mention--grey">
          {t('notif.receivedOn', { date: formatDate(item.at, true) })}
        </p>
        <p className="fr-mb-2w">{item.body[lang]}</p>
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mb-0">
          {item.link ? (
            <li>
              <Link
                className="fr-btn fr-btn--secondary fr-btn--sm"
                to={item.link}
                title={t('notif.openLabel', { title })}
                onClick={() => (isUnread ? onRead(item) : undefined)}
              >
                {t('notif.open')}
              </Link>
            </li>
          ) : null}
          {isUnread ? (
            <li>
              <Button
                size="small"
                priority="tertiary"
                title={t('notif.markReadLabel', { title })}
                onClick={() => onRead(item)}
              >
                {t('notif.markRead')}
              </Button>
            </li>
          ) : null}
        </ul>
      </article>
    </li>
  );
};

const NotificationList = () => {
  const { t } = useI18n();
  const { state, retry } = useApi((signal) => notificationsApi.list(signal), []);
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [notice, setNotice] = useState<Notice>();
  useEffect(() => {
    if (state.status !== 'ready') return;
    setItems(state.data.items);
    setUnread(state.data.unreadCount);
    announceUnreadCount(state.data.unreadCount);
  }, [state]);

  const changed = (unreadCount: number, text: string) => {
    setUnread(unreadCount);
    announceUnreadCount(unreadCount);
    setNotice({ kind: 'ok', text });
  };

  const read = async (item: AppNotification) => {
    setNotice(undefined);
    try {
      const { unreadCount } = await notificationsApi.markRead(item.id);
      setItems((current) =>
        current.map((candidate) =>
          candidate.id === item.id ? { ...candidate, readAt: new Date().toISOString() } : candidate,
        ),
      );
      changed(unreadCount, t('notif.markedRead'));
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
  };

  const readAll = async () => {
    setNotice(undefined);
    try {
      const { unreadCount } = await notificationsApi.markAllRead();
      const now = new Date().toISOString();
      setItems((current) => current.map((item) => ({ ...item, readAt: item.readAt ?? now })));
      changed(unreadCount, t('notif.allMarkedRead'));
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
  };

  return (
    <section aria-labelledby="liste-notifications" className="fr-mb-6w">
      <h2 id="liste-notifications">{t('notif.listTitle')}</h2>
      <div aria-live="polite">
        {notice?.kind === 'ok' ? (
          <Alert severity="success" small description={notice.text} className="fr-mb-2w" />
        ) : null}
      </div>
      {notice?.kind === 'error' ? <ApiErrorAlert error={notice.error} /> : null}
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && items.length === 0 ? <p>{t('notif.none')}</p> : null}
      {state.status === 'ready' && items.length > 0 ? (
        <>
          <p>
            {t('notif.unreadSummary', { count: unread })}
            {unread > 0 ? (
              <Button className="fr-ml-2w" size="small" priority="secondary" onClick={() => void readAll()}>
                {t('notif.markAllRead')}
              </Button>
            ) : null}
          </p>
          <ul className="fr-raw-list">
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} onRead={(chosen) => void read(chosen)} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};

const ThisBrowser = ({ onChange }: { onChange: () => void }) => {
  const { t } = useI18n();
  const isSupported = isPushSupported();
  const [isOn, setIsOn] = useState<boolean | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    if (!isSupported) return;
    void currentPushSubscription().then((subscription) => setIsOn(subscription !== null));
  }, [isSupported]);

  const toggle = async () => {
    setNotice(undefined);
    setIsBusy(true);
    try {
      if (isOn) {
        await unsubscribeThisBrowser();
        setIsOn(false);
        setNotice({ kind: 'ok', text: t('notif.browserDisabled') });
      } else {
        await subscribeThisBrowser();
        setIsOn(true);
        setNotice({ kind: 'ok', text: t('notif.browserEnabled') });
      }
      onChange();
    } catch (error) {
      setNotice({ kind: 'error', error });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="fr-mb-4w">
      <h3 className="fr-h6">{t('notif.browserTitle')}</h3>
      {!isSupported ? (
        <p>{t('notif.browserUnsupported')}</p>
      ) : (
        <>
          <p>{isOn ? t('notif.browserOn') : t('notif.browserOff')}</p>
          <Button priority="secondary" disabled={isBusy || isOn === undefined} onClick={() => void toggle()}>
            {isOn ? t('notif.browserDisable') : t('notif.browserEnable')}
          </Button>
        </>
      )}
      <div aria-live="polite">
        {notice?.kind === 'ok' ? (
          <Alert severity="success" small description={notice.text} className="fr-mt-2w" />
        ) : null}
      </div>
      {notice?.kind === 'error' && notice.error instanceof PushPermissionDeniedError ? (
        <Alert severity="warning" small description={t('notif.browserDenied')} className="fr-mt-2w" />
      ) : null}
      {notice?.kind === 'error' && !(notice.error instanceof PushPermissionDeniedError) ? (
        <ApiErrorAlert error={notice.error} />
      ) : null}
    </div>
  );
};

const PreferencesForm = ({ view, onSaved }: { view: PreferencesView; onSaved: (view: PreferencesView) => void }) => {
  const { t, lang } = useI18n();
  const [emailEnabled, setEmailEnabled] = useState(view.emailEnabled);
  const [pushEnabled, setPushEnabled] = useState(view.pushEnabled);
  const [smsEnabled, setSmsEnabled] = useState(view.smsEnabled);
  const [hasQuietHours, setHasQuietHours] = useState(view.quietHours !== null);
  const [start, setStart] = useState(view.quietHours?.start ?? '22:00');
  const [end, setEnd] = useState(view.quietHours?.end ?? '07:00');
  const [notice, setNotice] = useState<Notice>();
  const fieldError = (field: string) =>
    notice?.kind === 'error' && notice.error instanceof ApiError ? notice.error.fieldMessage(field, lang) : undefined;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    try {
      const saved = await notificationsApi.savePreferences({
        emailEnabled,
        pushEnabled,
        smsEnabled: view.channels.sms.isAvailable && smsEnabled,
        quietHours: hasQuietHours ? { start, end } : null,
      });
      onSaved(saved);
      setNotice({ kind: 'ok', text: t('notif.saved') });
    } catch (error) {
      setNotice({ kind: 'error', error });
    }
  };

  const { email, push, sms } = view.channels;
  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Checkbox
        legend={t('notif.channelsLegend')}
        options={[
          {
            label: t('notif.channel.email'),
            hintText: [
              email.address
                ? t('notif.channel.emailHint', { address: email.address })
                : t('notif.channel.emailNoAddress'),
              email.isCaptured ? t('notif.channel.emailCaptured') : '',
            ]
              .filter(Boolean)
              .join(' '),
            nativeInputProps: {
              name: 'emailEnabled',
              checked: emailEnabled,
              onChange: (event) => setEmailEnabled(event.target.checked),
            },
          },
          {
            label: t('notif.channel.push'),
            hintText: t('notif.channel.pushHint', { count: push.subscriptions }),
            nativeInputProps: {
              name: 'pushEnabled',
              checked: pushEnabled,
              onChange: (event) => setPushEnabled(event.target.checked),
            },
          },
          {
            label: t('notif.channel.sms'),
            hintText: sms.isAvailable ? (sms.phone ?? '') : t('notif.channel.smsUnavailable'),
            nativeInputProps: {
              name: 'smsEnabled',
              checked: sms.isAvailable && smsEnabled,
              disabled: !sms.isAvailable,
              onChange: (event) => setSmsEnabled(event.target.checked),
            },
          },
        ]}
      />
      <fieldset className="fr-fieldset" aria-describedby="heures-calmes-aide">
        <legend className="fr-fieldset__legend">{t('notif.quietLegend')}</legend>
        <p id="heures-calmes-aide" className="fr-hint-text fr-fieldset__element">
          {t('notif.quietHint')}
        </p>
        <div className="fr-fieldset__element">
          <Checkbox
            options={[
              {
                label: t('notif.quietEnabled'),
                nativeInputProps: {
                  name: 'quietHours',
                  checked: hasQuietHours,
                  onChange: (event) => setHasQuietHours(event.target.checked),
                },
              },
            ]}
          />
        </div>
        {hasQuietHours ? (
          <div className="fr-fieldset__element fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-6 fr-col-md-3">
              <Input
                label={t('notif.quietStart')}
                state={fieldError('quietHours.start') ? 'error' : 'default'}
                stateRelatedMessage={fieldError('quietHours.start')}
                nativeInputProps={{
                  type: 'time',
                  required: true,
                  value: start,
                  onChange: (e) => setStart(e.target.value),
                }}
              />
            </div>
            <div className="fr-col-6 fr-col-md-3">
              <Input
                label={t('notif.quietEnd')}
                state={fieldError('quietHours.end') || fieldError('quietHours') ? 'error' : 'default'}
                stateRelatedMessage={fieldError('quietHours.end') ?? fieldError('quietHours')}
                nativeInputProps={{ type: 'time', required: true, value: end, onChange: (e) => setEnd(e.target.value) }}
              />
            </div>
          </div>
        ) : null}
      </fieldset>
      <div aria-live="polite">
        {notice?.kind === 'ok' ? (
          <Alert severity="success" small description={notice.text} className="fr-mb-2w" />
        ) : null}
      </div>
      {notice?.kind === 'error' ? <ApiErrorAlert error={notice.error} /> : null}
      <Button type="submit">{t('notif.save')}</Button>
    </form>
  );
};

const Preferences = () => {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const { state, retry } = useApi((signal) => notificationsApi.preferences(signal), [version]);
  const [view, setView] = useState<PreferencesView | undefined>();
  useEffect(() => {
    if (state.status === 'ready') setView(state.data);
  }, [state]);
  return (
    <section aria-labelledby="preferences" className="fr-mb-6w">
      <h2 id="preferences" tabIndex={-1}>
        {t('notif.prefsTitle')}
      </h2>
      <p>{t('notif.prefsLead')}</p>
      <ThisBrowser onChange={() => setVersion((n) => n + 1)} />
      {state.status === 'loading' && !view ? <Loading /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {view ? <PreferencesForm view={view} onSaved={setView} /> : null}
    </section>
  );
};

export const NotificationsPage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('notif.title')} lead={t('notif.lead')}>
      <NotificationList />
      <Preferences />
    </Page>
  );
};
