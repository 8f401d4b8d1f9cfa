// Sending the documents a reason expects ahead of the appointment: one field per document, the
// type and size checked here for a quick answer and again by the server (by content, not by name),
// each refusal said next to its field.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState, type ChangeEvent } from 'react';
import { ApiError } from '../api.ts';
import { appointmentsApi, formatBytes, type AppointmentDocument, type MyAppointment } from '../appointments-api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];
const OTHER = '';

type FieldState = { status: 'idle' } | { status: 'sending' } | { status: 'error'; message: string };

export const DocumentUpload = ({
  appointmentId,
  expected,
  documents,
  onChange,
}: {
  appointmentId: string;
  expected: MyAppointment['documentsExpected'];
  documents: AppointmentDocument[];
  onChange: (documents: AppointmentDocument[]) => void;
}) => {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [fields, setFields] = useState<Record<string, FieldState>>({});
  const [announce, setAnnounce] = useState('');
  const kinds = [
    ...expected.map((document) => ({ code: document.code, label: document.label[lang] })),
    { code: OTHER, label: t('appt.otherDocument') },
  ];

  const send = async (kind: string, event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    const setField = (state: FieldState) => setFields((current) => ({ ...current, [kind]: state }));
    if (file.size > MAX_BYTES) {
      input.value = '';
      return setField({ status: 'error', message: t('appt.fileTooLarge', { size: formatBytes(file.size, lang) }) });
    }
    if (file.type && !ACCEPTED.includes(file.type)) {
      input.value = '';
      return setField({ status: 'error', message: t('appt.fileWrongType') });
    }
    setField({ status: 'sending' });
    try {
      const document = await appointmentsApi.upload(appointmentId, {
        file,
        kind: kind || undefined,
        csrfToken: session?.csrfToken,
      });
      onChange([...documents, document]);
      setField({ status: 'idle' });
      setAnnounce(t('appt.fileSent', { name: document.fileName }));
    } catch (error) {
      setField({
        status: 'error',
        message: error instanceof ApiError ? error.body.messages[lang] : t('error.network'),
      });
    } finally {
      input.value = '';
    }
  };

  const remove = async (document: AppointmentDocument) => {
    await appointmentsApi.deleteDocument(appointmentId, document.id);
    onChange(documents.filter((candidate) => candidate.id !== document.id));
    setAnnounce(t('appt.fileRemoved', { name: document.fileName }));
  };

  return (
    <div>
      <p role="status" className="fr-sr-only">
        {announce}
      </p>
      {kinds.map(({ code, label }) => {
        const field = fields[code] ?? { status: 'idle' };
        const sent = documents.filter((document) => (document.kind ?? OTHER) === code);
        return (
          <div key={code || 'autre'} className="fr-mb-4w">
            <Upload
              label={label}
              hint={t('appt.fileHint')}
              state={field.status === 'error' ? 'error' : sent.length > 0 ? 'success' : 'default'}
              stateRelatedMessage={
                field.status === 'error' ? field.message : sent.length > 0 ? t('appt.fileReceived') : undefined
              }
              nativeInputProps={{
                id: `document-${code || 'autre'}`,
                accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
                disabled: field.status === 'sending',
                onChange: (event) => void send(code, event),
              }}
            />
            {field.status === 'sending' ? (
              <p role="status" className="fr-text--sm fr-mt-1w">
                {t('appt.fileSending')}
              </p>
            ) : null}
            {sent.length > 0 ? (
              <ul className="fr-mt-1w">
                {sent.map((document) => (
                  <li key={document.id}>
                    <a
                      className="fr-link fr-link--sm"
                      href={appointmentsApi.documentUrl(appointmentId, document.id)}
                      download={document.fileName}
                    >
                      {document.fileName} ({formatBytes(document.sizeBytes, lang)})
                    </a>{' '}
                    <Button
                      priority="tertiary no outline"
                      size="small"
                      iconId="fr-icon-delete-bin-line"
                      onClick={() => void remove(document)}
                    >
                      {t('appt.remove')}
                      <span className="fr-sr-only"> {document.fileName}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
    </div>
  );
};
