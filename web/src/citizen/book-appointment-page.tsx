// « Prendre rendez-vous » in three steps: the request (body, reason, channel, site), the slot
// (held a few minutes once chosen), then what to prepare, the documents and the confirmation.
// `?motif=<code>` arrives from a journey step or a right with the reason already chosen.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import {
  appointmentsApi,
  formatTime,
  type Appointment,
  type AppointmentDocument,
  type Channel,
  type Reason,
  type Slot,
  type SlotConflict,
} from '../appointments-api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { DocumentUpload } from './document-upload.tsx';
import { SlotPicker } from './slot-picker.tsx';

type Step = 1 | 2 | 3;

export const bodyLabelKey = (body: string) => `appt.body.${body}` as MessageKey;
export const channelLabelKey = (channel: Channel) => `appt.channel.${channel}` as MessageKey;

export const BookAppointmentPage = () => {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preselected = params.get('motif') ?? params.get('reason');
  const reasons = useApi((signal) => appointmentsApi.reasons(signal), []);
  const [step, setStep] = useState<Step>(1);
  const [body, setBody] = useState('');
  const [reasonId, setReasonId] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [siteId, setSiteId] = useState('');
  const [slot, setSlot] = useState<Slot | undefined>();
  const [hold, setHold] = useState<Appointment | undefined>();
  const [documents, setDocuments] = useState<AppointmentDocument[]>([]);
  const [errors, setErrors] = useState<Partial<Record<'body' | 'reason' | 'channel' | 'site' | 'slot', string>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [conflict, setConflict] = useState<SlotConflict | undefined>();
  const [busy, setBusy] = useState(false);
  const stepTitle = useRef<HTMLDivElement>(null);

  const all =
    reasons.state.status === 'ready' ? reasons.state.data.items.filter((r) => r.bookableBy === 'citizen') : [];
  const bodies = [...new Set(all.map((reason) => reason.service.body))];
  const reason: Reason | undefined = all.find((candidate) => candidate.id === reasonId);
  const sites = useApi(
    (signal) =>
      reason && channel === 'in_person' ? appointmentsApi.sites(reason.id, signal) : Promise.resolve({ items: [] }),
    [reason?.id, channel],
  );

  // A reason given in the address (by its code or id) chooses the body and the reason.
  useEffect(() => {
    if (!preselected || reasonId) return;
    const match = all.find((candidate) => candidate.code === preselected || candidate.id === preselected);
    if (match) {
      setBody(match.service.body);
      setReasonId(match.id);
      if (match.channels.length === 1) setChannel(match.channels[0]!);
    }
  }, [preselected, all.length]);

  const goTo = (next: Step) => {
    setStep(next);
    setFailure(undefined);
    requestAnimationFrame(() => stepTitle.current?.focus());
  };

  const toSlots = () => {
    const found: typeof errors = {};
    if (!body) found.body = t('appt.errorBody');
    else if (!reason) found.reason = t('appt.errorReason');
    else if (!channel) found.channel = t('appt.errorChannel');
    else if (channel === 'in_person' && !siteId) found.site = t('appt.errorSite');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.getElementById(`champ-${first}`)?.querySelector<HTMLElement>('input, select')?.focus();
      return;
    }
    setSlot(undefined);
    goTo(2);
  };

  const holdSlot = async (chosen = slot) => {
    if (!reason || !channel) return;
    if (!chosen) {
      setErrors({ slot: t('appt.errorSlot') });
      return;
    }
    setBusy(true);
    setConflict(undefined);
    try {
      if (hold) await appointmentsApi.release(hold.id).catch(() => undefined);
      const held = await appointmentsApi.hold({
        reasonId: reason.id,
        channel,
        startsAt: chosen.startsAt,
        siteId: channel === 'in_person' ? siteId : undefined,
      });
      setHold(held);
      setSlot(chosen);
      setDocuments([]);
      goTo(3);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(error.body as SlotConflict);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!hold) return;
    setBusy(true);
    try {
      const booked = await appointmentsApi.confirm(hold.id);
      navigate(`/mes-rendez-vous/${booked.id}?confirme=1`);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const changeSlot = async () => {
    if (hold) await appointmentsApi.release(hold.id).catch(() => undefined);
    setHold(undefined);
    goTo(2);
  };

  const stepTitles = [t('appt.step1'), t('appt.step2'), t('appt.step3')];

  return (
    <Page title={t('appt.bookTitle')} lead={t('appt.bookLead')}>
      {reasons.state.status === 'loading' ? <Loading /> : null}
      {reasons.state.status === 'error' ? <ApiErrorAlert error={reasons.state.error} onRetry={reasons.retry} /> : null}
      {reasons.state.status === 'ready' ? (
        <>
          <div ref={stepTitle} tabIndex={-1} className="guichet-step-focus">
            <Stepper
              currentStep={step}
              stepCount={3}
              title={stepTitles[step - 1]!}
              nextTitle={step < 3 ? stepTitles[step] : undefined}
            />
          </div>
          {failure ? <ApiErrorAlert error={failure} /> : null}

          {step === 1 ? (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                toSlots();
              }}
            >
              <div id="champ-body">
                <Select
                  label={t('appt.bodyLabel')}
                  state={errors.body ? 'error' : 'default'}
                  stateRelatedMessage={errors.body}
                  nativeSelectProps={{
                    name: 'organisme',
                    value: body,
                    onChange: (event) => {
                      setBody(event.target.value);
                      setReasonId('');
                      setChannel('');
                    },
                  }}
                >
                  <option value="" disabled>
                    {t('appt.choose')}
                  </option>
                  {bodies.map((code) => (
                    <option key={code} value={code}>
                      {t(bodyLabelKey(code))}
                    </option>
                  ))}
                </Select>
              </div>
              {body ? (
                <div id="champ-reason">
                  <RadioButtons
                    legend={t('appt.reasonLegend')}
                    name="motif"
                    state={errors.reason ? 'error' : 'default'}
                    stateRelatedMessage={errors.reason}
                    options={all
                      .filter((candidate) => candidate.service.body === body)
                      .map((candidate) => ({
                        label: candidate.label,
                        hintText: `${candidate.description} ${t('appt.duration', { minutes: candidate.durationMinutes })}`,
                        nativeInputProps: {
                          value: candidate.id,
                          checked: reasonId === candidate.id,
                          onChange: () => {
                            setReasonId(candidate.id);
                            setChannel(candidate.channels.length === 1 ? candidate.channels[0]! : '');
                          },
                        },
                      }))}
                  />
                </div>
              ) : null}
              {reason ? (
                <div id="champ-channel">
                  <RadioButtons
                    legend={t('appt.channelLegend')}
                    name="canal"
                    state={errors.channel ? 'error' : 'default'}
                    stateRelatedMessage={errors.channel}
                    options={reason.channels.map((candidate) => ({
                      label: t(channelLabelKey(candidate)),
                      hintText: t(`appt.channelHint.${candidate}` as MessageKey),
                      nativeInputProps: {
                        value: candidate,
                        checked: channel === candidate,
                        onChange: () => setChannel(candidate),
                      },
                    }))}
                  />
                </div>
              ) : null}
              {reason && channel === 'in_person' ? (
                <div id="champ-site">
                  {sites.state.status === 'ready' ? (
                    <Select
                      label={t('appt.siteLabel')}
                      state={errors.site ? 'error' : 'default'}
                      stateRelatedMessage={errors.site}
                      nativeSelectProps={{
                        name: 'lieu',
                        value: siteId,
                        onChange: (event) => setSiteId(event.target.value),
                      }}
                    >
                      <option value="" disabled>
                        {t('appt.choose')}
                      </option>
                      {sites.state.data.items.map((site) => (
                        <option key={site.id} value={site.id}>
                          {`${site.name} — ${site.address.label}, ${site.address.postcode} ${site.address.communeName}`}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Loading />
                  )}
                </div>
              ) : null}
              <Button type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right">
                {t('appt.toSlots')}
              </Button>
            </form>
          ) : null}

          {step === 2 && reason && channel ? (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void holdSlot();
              }}
            >
              <p>
                <strong>{reason.label}</strong> — {t(channelLabelKey(channel))}
              </p>
              {conflict ? (
                <div role="alert" className="fr-mb-3w">
                  <Alert
                    severity="warning"
                    title={conflict.messages[lang]}
                    as="h3"
                    description={
                      conflict.nextSlots?.length ? (
                        <>
                          <span className="guichet-block">{t('appt.nextSlotsIntro')}</span>
                          <span className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-1w">
                            {conflict.nextSlots.slice(0, 3).map((next) => (
                              <Button key={next.startsAt} priority="secondary" onClick={() => void holdSlot(next)}>
                                {next.label[lang]}
                              </Button>
                            ))}
                          </span>
                        </>
                      ) : (
                        t('appt.chooseAnother')
                      )
                    }
                  />
                </div>
              ) : null}
              <div id="champ-slot">
                <SlotPicker
                  key={`${reason.id}-${channel}-${siteId}-${conflict?.code ?? ''}`}
                  reason={reason}
                  channel={channel}
                  siteId={channel === 'in_person' ? siteId : undefined}
                  selected={slot}
                  onSelect={(chosen) => {
                    setSlot(chosen);
                    setErrors({});
                  }}
                />
                {errors.slot ? (
                  <p className="fr-error-text" role="alert">
                    {errors.slot}
                  </p>
                ) : null}
              </div>
              <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
                <li>
                  <Button priority="secondary" onClick={() => goTo(1)} iconId="fr-icon-arrow-left-line">
                    {t('appt.back')}
                  </Button>
                </li>
                <li>
                  <Button type="submit" disabled={busy} iconId="fr-icon-arrow-right-line" iconPosition="right">
                    {t('appt.holdSlot')}
                  </Button>
                </li>
              </ul>
            </form>
          ) : null}

          {step === 3 && reason && hold ? (
            <div>
              <section aria-labelledby="recapitulatif" className="fr-mb-4w">
                <h2 id="recapitulatif" className="fr-h4">
                  {t('appt.summaryTitle')}
                </h2>
                <dl className="guichet-details">
                  <dt>{t('appt.reason')}</dt>
                  <dd>{reason.label}</dd>
                  <dt>{t('appt.when')}</dt>
                  <dd>{hold.label[lang]}</dd>
                  <dt>{t('appt.channel')}</dt>
                  <dd>{t(channelLabelKey(hold.channel))}</dd>
                  <dt>{t('appt.advisor')}</dt>
                  <dd>{hold.advisor.displayName}</dd>
                </dl>
                {hold.holdExpiresAt ? (
                  <p className="fr-text--sm fr-mt-2w">
                    {t('appt.heldUntil', { time: formatTime(hold.holdExpiresAt, lang) })}
                  </p>
                ) : null}
              </section>
              {reason.instructionsBefore ? (
                <section aria-labelledby="preparer" className="fr-mb-4w">
                  <h2 id="preparer" className="fr-h4">
                    {t('appt.prepareTitle')}
                  </h2>
                  <p>{reason.instructionsBefore}</p>
                </section>
              ) : null}
              <section aria-labelledby="documents" className="fr-mb-4w">
                <h2 id="documents" className="fr-h4">
                  {t('appt.documentsTitle')}
                </h2>
                <p>{t('appt.documentsLead')}</p>
                <DocumentUpload
                  appointmentId={hold.id}
                  expected={reason.documentsExpected}
                  documents={documents}
                  onChange={setDocuments}
                />
              </section>
              <ul className="fr-btns-group fr-btns-group--inline-md">
                <li>
                  <Button priority="secondary" onClick={() => void changeSlot()} iconId="fr-icon-arrow-left-line">
                    {t('appt.changeSlot')}
                  </Button>
                </li>
                <li>
                  <Button onClick={() => void confirm()} disabled={busy} iconId="fr-icon-check-line">
                    {t('appt.confirm')}
                  </Button>
                </li>
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
    </Page>
  );
};
