// One declaration: the form pre-filled from what Guichet knows (step 1), then the bodies that will
// be told, why and on which legal basis (step 2), then sending — once, even on a double click or a
// retry (the idempotency key is made once per checked form) — and on to the follow-up page.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  api,
  ApiError,
  DECLARATION_TYPES,
  type DeclarationDraft,
  type DeclarationForm,
  type DeclarationPreview,
  type DeclarationType,
} from '../../api.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { Page } from '../../components/page.tsx';
import { useApi } from '../../components/use-api.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { ChildrenFields } from './children-fields.tsx';
import {
  centsToEuros,
  DECLARATION_FORMS,
  eurosToCents,
  fieldId,
  valueAt,
  withValue,
  type FormValues,
} from './declaration-forms.ts';
import { FormField } from './form-field.tsx';
import { RecipientList } from './recipient-list.tsx';

const isDeclarationType = (type: string | undefined): type is DeclarationType =>
  DECLARATION_TYPES.includes(type as DeclarationType);

/** The form's values from the server's defaults (amounts in euros as people type them). */
const initialValues = (type: DeclarationType, form: DeclarationForm): FormValues => {
  let values: FormValues = { ...form.prefill.values };
  for (const spec of DECLARATION_FORMS[type])
    if (spec.kind === 'euros') values = withValue(values, spec.name, centsToEuros(valueAt(values, spec.name)));
  return values;
};

/** What the API takes, and the errors found before asking it (an amount that is not a number). */
const toDraft = (type: DeclarationType, values: FormValues, amountError: string) => {
  let draft: FormValues = { ...values, type };
  const errors: Record<string, string> = {};
  for (const spec of DECLARATION_FORMS[type]) {
    const value = valueAt(values, spec.name);
    if (spec.kind === 'euros') {
      const cents = eurosToCents(String(value ?? ''));
      if (cents === null) errors[spec.name] = amountError;
      else draft = withValue(draft, spec.name, cents);
    }
    if (spec.kind === 'text' && spec.optional && !String(value ?? '').trim()) {
      const { [spec.name]: _omitted, ...rest } = draft;
      draft = rest;
    }
  }
  return { draft: draft as DeclarationDraft, errors };
};

export const DeclarationFormPage = () => {
  const { type } = useParams();
  if (!isDeclarationType(type)) return <NotFoundPage />;
  return <DeclarationFormLoader key={type} type={type} />;
};

const DeclarationFormLoader = ({ type }: { type: DeclarationType }) => {
  const { t } = useI18n();
  const { state, retry } = useApi((signal) => api.declarationForm(type, signal), [type]);
  if (state.status === 'ready') return <DeclarationFormSteps type={type} form={state.data} />;
  return (
    <Page title={t(`declare.type.${type}` as MessageKey)}>
      {state.status === 'loading' ? <Loading label="declare.loading" /> : null}
      {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
    </Page>
  );
};

const newKey = () => crypto.randomUUID();

const DeclarationFormSteps = ({ type, form }: { type: DeclarationType; form: DeclarationForm }) => {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [values, setValues] = useState<FormValues>(() => initialValues(type, form));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ draft: DeclarationDraft; routing: DeclarationPreview } | null>(null);
  const [isBusy, setBusy] = useState(false);
  // One key per checked form: sending it twice (double click, retry) makes one declaration.
  const idempotencyKey = useRef(newKey());
  const summary = useRef<HTMLDivElement>(null);
  const stepTitle = useRef<HTMLHeadingElement>(null);
  const title = t(`declare.type.${type}` as MessageKey);
  const errorCount = Object.keys(errors).length;

  useEffect(() => {
    if (errorCount) summary.current?.focus();
  }, [errors]);
  useEffect(() => {
    if (preview) stepTitle.current?.focus();
  }, [preview]);

  const onChange = (path: string, value: unknown) => setValues((current) => withValue(current, path, value));

  const showApiError = (error: unknown) => {
    if (error instanceof ApiError && (error.body.issues?.length || error.body.field)) {
      const fromServer: Record<string, string> = {};
      for (const issue of error.body.issues ?? [{ field: error.body.field!, messages: error.body.messages }])
        fromServer[issue.field.replace(/^body\./, '')] ??= issue.messages[lang];
      setErrors(fromServer);
      setFailure(null);
      setPreview(null);
      return;
    }
    setFailure(error);
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const { draft, errors: local } = toDraft(type, values, t('declare.amountInvalid'));
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const routing = await api.previewDeclaration(draft);
      setErrors({});
      setFailure(null);
      idempotencyKey.current = newKey();
      setPreview({ draft, routing });
    } catch (error) {
      showApiError(error);
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    if (!preview || isBusy) return;
    setBusy(true);
    try {
      const declaration = await api.submitDeclaration(preview.draft, idempotencyKey.current);
      navigate(`/mon-espace/declarations/${declaration.id}`);
    } catch (error) {
      setBusy(false);
      showApiError(error);
    }
  };

  return (
    <Page title={title} lead={t(`declare.typeDesc.${type}` as MessageKey)}>
      <Stepper
        currentStep={preview ? 2 : 1}
        stepCount={3}
        title={preview ? t('declare.stepCheck') : t('declare.stepFill')}
        nextTitle={preview ? t('declare.stepFollow') : t('declare.stepCheck')}
      />
      {failure ? <ApiErrorAlert error={failure} /> : null}
      {preview ? (
        <section aria-labelledby="destinataires">
          <h2 id="destinataires" ref={stepTitle} tabIndex={-1}>
            {t('declare.recipientsTitle')}
          </h2>
          <p>{t('declare.recipientsLead')}</p>
          {preview.routing.regime === 'agricole' ? <p>{t('declare.regimeAgricole')}</p> : null}
          <RecipientList recipients={preview.routing.recipients} />
          <ButtonsGroup
            inlineLayoutWhen="sm and up"
            buttons={[
              {
                children: isBusy ? t('declare.sending') : t('declare.send'),
                onClick: send,
                disabled: isBusy || !preview.routing.recipients.length,
                iconId: 'fr-icon-send-plane-line',
              },
              { children: t('declare.back'), priority: 'secondary', onClick: () => setPreview(null) },
            ]}
          />
        </section>
      ) : (
        <form noValidate onSubmit={check}>
          {errorCount ? (
            <div ref={summary} tabIndex={-1} className="fr-mb-4w">
              <Alert
                severity="error"
                as="h2"
                title={t('declare.errorsTitle', { count: errorCount })}
                description={
                  <>
                    <span>{t('declare.errorsText')}</span>
                    <ul>
                      {Object.entries(errors).map(([path, message]) => (
                        <li key={path}>
                          <a href={`#${anchorOf(type, path)}`}>{message}</a>
                        </li>
                      ))}
                    </ul>
                  </>
                }
              />
            </div>
          ) : null}
          <p className="fr-hint-text">{t('declare.prefilled')}</p>
          <p className="fr-hint-text">{t('declare.required')}</p>
          {DECLARATION_FORMS[type].map((spec) =>
            spec.kind === 'children' ? (
              <ChildrenFields
                key={spec.name}
                values={values}
                errors={errors}
                onChange={onChange}
                setValues={setValues}
              />
            ) : (
              <FormField
                key={spec.name}
                spec={spec}
                path={spec.name}
                values={values}
                errors={errors}
                relatives={form.prefill.relatives}
                onChange={onChange}
              />
            ),
          )}
          <Button type="submit" disabled={isBusy} iconId="fr-icon-arrow-right-line" iconPosition="right">
            {t('declare.continue')}
          </Button>
        </form>
      )}
    </Page>
  );
};

/** Where an error's link leads: the input itself, or a choice's first radio button. */
const anchorOf = (type: DeclarationType, path: string) => {
  const name = path.split('.').at(-1)!;
  const isChoice =
    DECLARATION_FORMS[type].some((spec) => spec.kind === 'choice' && spec.name === path) ||
    (path.startsWith('children.') && name === 'sex');
  return isChoice ? `${fieldId(path)}-0` : fieldId(path);
};
