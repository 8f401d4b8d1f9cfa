// An appointment as the advisor sees it: the person, the reason and its rules, the documents sent
// (the assigned advisor only), what became of it (status), the notes, and the video room.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatPhone } from '../api.ts';
import {
  AGENT_STATUSES,
  agendaApi,
  formatBytes,
  isVideoRoomOpen,
  parisDate,
  type AgentAppointment,
  type AgentStatus,
} from '../appointments-api.ts';
import { StatusBadge, useNow } from '../citizen/appointment-actions.tsx';
import { channelLabelKey } from '../citizen/book-appointment-page.tsx';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

export const AgentAppointmentPage = () => {
  const { t, lang, formatDate } = useI18n();
  const { id = '' } = useParams();
  const now = useNow();
  const { state, retry } = useApi((signal) => agendaApi.appointment(id, signal), [id]);
  const [changes, setChanges] = useState<Partial<AgentAppointment>>({});
  const [status, setStatus] = useState<AgentStatus | ''>('');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<unknown>();

  if (state.status !== 'ready') {
    return (
      <Page title={t('app.loading')}>
        {state.status === 'loading' ? <Loading /> : <ApiErrorAlert error={state.error} onRetry={retry} />}
      </Page>
    );
  }
  const appointment = { ...state.data, ...changes };
  const person = appointment.person;
  const chosenStatus = status || (appointment.status === 'held' ? 'booked' : appointment.status);

  const saveStatus = async () => {
    setFailure(undefined);
    try {
      const updated = await agendaApi.setStatus(appointment.id, chosenStatus);
      setChanges((current) => ({ ...current, ...updated }));
      setSaved(t('agentAppt.statusSaved', { status: t(`appt.status.${updated.status}` as MessageKey) }));
    } catch (error) {
      setFailure(error);
    }
  };
  const addNote = async () => {
    if (!note.trim()) {
      setNoteError(t('agentAppt.noteEmpty'));
      document.getElementById('note-texte')?.focus();
      return;
    }
    setNoteError(undefined);
    try {
      const added = await agendaApi.addNote(appointment.id, note.trim());
      setChanges((current) => ({ ...current, notes: [...(current.notes ?? state.data.notes), added] }));
      setNote('');
      setSaved(t('agentAppt.noteSaved'));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Page title={`${appointment.label[lang]} — ${appointment.reason.label}`}>
      <p>
        <Link
          to={`/agent/agenda?conseiller=${appointment.advisor.id}&date=${parisDate(appointment.startsAt)}`}
          className="fr-link fr-icon-arrow-left-line fr-link--icon-left"
        >
          {t('agentAppt.back')}
        </Link>
      </p>
      <p role="status" className="fr-sr-only">
        {saved}
      </p>
      {isVideoRoomOpen(appointment, now) && appointment.isAssignedToMe ? (
        <p>
          <Button iconId="fr-icon-video-chat-line" linkProps={{ to: `/agent/rendez-vous/${appointment.id}/visio` }}>
            {t('appt.join')}
          </Button>
        </p>
      ) : null}
      <section aria-labelledby="rdv" className="fr-mb-4w">
        <h2 id="rdv">{t('agentAppt.appointment')}</h2>
        <p>
          <StatusBadge status={appointment.status} />
        </p>
        <dl className="guichet-details">
          <dt>{t('appt.channel')}</dt>
          <dd>{t(channelLabelKey(appointment.channel))}</dd>
          <dt>{t('appt.advisor')}</dt>
          <dd>{appointment.advisor.displayName}</dd>
          {appointment.site ? (
            <>
              <dt>{t('appt.site')}</dt>
              <dd>{appointment.site.name}</dd>
            </>
          ) : null}
          <dt>{t('agentAppt.bookedBy')}</dt>
          <dd>
            {t(appointment.bookedBy === 'agent' ? 'agentAppt.bookedByAgent' : 'agentAppt.bookedByPerson')}
            {appointment.bookedAt ? ` — ${formatDate(appointment.bookedAt, true)}` : ''}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="personne" className="fr-mb-4w">
        <h2 id="personne">{t('agentAppt.person')}</h2>
        {person ? (
          <dl className="guichet-details">
            <dt>{t('person.name')}</dt>
            <dd>
              <Link to={`/agent/personnes/${person.id}`}>
                {person.givenNames} {person.familyName.toUpperCase()}
              </Link>
            </dd>
            <dt>{t('person.email')}</dt>
            <dd>{person.email ?? t('person.unknown')}</dd>
            <dt>{t('person.phone')}</dt>
            <dd>{person.phone ? formatPhone(person.phone) : t('person.unknown')}</dd>
          </dl>
        ) : (
          <p>{t('agentAppt.personUnknown')}</p>
        )}
      </section>
      <section aria-labelledby="motif" className="fr-mb-4w">
        <h2 id="motif">{t('appt.reason')}</h2>
        <p className="fr-mb-1w">
          <strong>{appointment.reasonDetail.label}</strong> ({appointment.reasonDetail.service.name})
        </p>
        <p className="fr-mb-1w">{appointment.reasonDetail.description}</p>
        {appointment.reasonDetail.instructionsBefore ? (
          <p className="fr-text--sm">{appointment.reasonDetail.instructionsBefore}</p>
        ) : null}
      </section>
      <section aria-labelledby="documents" className="fr-mb-4w">
        <h2 id="documents">{t('agentAppt.documents')}</h2>
        {!appointment.isAssignedToMe ? (
          <p>{t('agentAppt.documentsAssignedOnly')}</p>
        ) : appointment.documents.length === 0 ? (
          <p>{t('appt.noDocuments')}</p>
        ) : (
          <ul>
            {appointment.documents.map((document) => {
              const expected = appointment.reasonDetail.documentsExpected.find((d) => d.code === document.kind);
              return (
                <li key={document.id}>
                  <a
                    className="fr-link fr-icon-download-line fr-link--icon-left"
                    href={agendaApi.documentUrl(appointment.id, document.id)}
                    download={document.fileName}
                  >
                    {expected ? `${expected.label[lang]} — ` : ''}
                    {document.fileName} ({formatBytes(document.sizeBytes, lang)})
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="statut" className="fr-mb-4w">
        <h2 id="statut">{t('agentAppt.statusTitle')}</h2>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void saveStatus();
          }}
          className="guichet-narrow"
        >
          <Select
            label={t('agentAppt.statusLabel')}
            nativeSelectProps={{
              name: 'statut',
              value: chosenStatus,
              onChange: (event) => setStatus(event.target.value as AgentStatus),
            }}
          >
            {AGENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`appt.status.${value}` as MessageKey)}
              </option>
            ))}
          </Select>
          <Button type="submit" priority="secondary">
            {t('agentAppt.statusSave')}
          </Button>
        </form>
      </section>
      {failure ? <ApiErrorAlert error={failure} /> : null}
      <section aria-labelledby="notes" className="fr-mb-4w">
        <h2 id="notes">{t('agentAppt.notes')}</h2>
        {appointment.notes.length === 0 ? <p>{t('agentAppt.noNotes')}</p> : null}
        <ul className="guichet-plain-list">
          {appointment.notes.map((existing) => (
            <li key={existing.id} className="fr-mb-2w">
              <p className="fr-text--sm guichet-muted fr-mb-0">
                {existing.author} — {formatDate(existing.createdAt, true)}
              </p>
              <p className="fr-mb-0 guichet-pre">{existing.text}</p>
            </li>
          ))}
        </ul>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void addNote();
          }}
        >
          <Input
            label={t('agentAppt.noteLabel')}
            textArea
            state={noteError ? 'error' : 'default'}
            stateRelatedMessage={noteError}
            nativeTextAreaProps={{
              id: 'note-texte',
              name: 'note',
              maxLength: 4000,
              value: note,
              onChange: (event) => setNote(event.target.value),
            }}
          />
          <Button type="submit" priority="secondary">
            {t('agentAppt.noteAdd')}
          </Button>
        </form>
      </section>
    </Page>
  );
};
