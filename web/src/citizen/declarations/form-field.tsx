// One field of a declaration form, DSFR-styled, its label and hint from the i18n files, and the
// server's (or the browser's) error shown under it and tied to it (aria-describedby by react-dsfr).
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Relative } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { fieldId, valueAt, type FieldSpec, type FormValues } from './declaration-forms.ts';

type Props = {
  spec: Exclude<FieldSpec, { kind: 'children' }>;
  /** Full dotted path (`children.1.sex`); the label key uses the spec's own name. */
  path: string;
  values: FormValues;
  errors: Record<string, string>;
  relatives: Relative[];
  onChange: (path: string, value: unknown) => void;
};

export const FormField = ({ spec, path, values, errors, relatives, onChange }: Props) => {
  const { t, formatDate } = useI18n();
  const id = fieldId(path);
  const error = errors[path];
  const state = error ? ('error' as const) : ('default' as const);
  const label = t(`declare.field.${spec.name}` as MessageKey);
  const value = valueAt(values, path);
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  if (spec.kind === 'choice')
    return (
      <RadioButtons
        id={id}
        legend={label}
        name={id}
        state={state}
        stateRelatedMessage={error}
        options={spec.options.map((option) => ({
          label: t(`declare.option.${spec.name}.${option}` as MessageKey),
          nativeInputProps: { value: option, checked: value === option, onChange: () => onChange(path, option) },
        }))}
      />
    );
  if (spec.kind === 'relative')
    return relatives.length ? (
      <Select
        label={label}
        state={state}
        stateRelatedMessage={error}
        nativeSelectProps={{ id, value: text, onChange: (event) => onChange(path, event.target.value) }}
      >
        <option value="" disabled>
          {t('declare.chooseRelative')}
        </option>
        {relatives.map((relative) => (
          <option key={relative.id} value={relative.id}>
            {`${relative.givenNames} ${relative.familyName.toUpperCase()} (${formatDate(relative.birthDate)})`}
          </option>
        ))}
      </Select>
    ) : (
      <p id={id}>{t('declare.noRelatives')}</p>
    );
  const hint =
    spec.kind === 'date'
      ? undefined
      : spec.kind === 'euros'
        ? t('declare.hint.monthlyNetIncomeCents')
        : spec.hint
          ? t(spec.hint as MessageKey)
          : undefined;
  return (
    <Input
      label={label}
      hintText={hint}
      state={state}
      stateRelatedMessage={error}
      nativeInputProps={{
        id,
        name: id,
        type: spec.kind === 'date' ? 'date' : 'text',
        inputMode: spec.kind === 'euros' ? 'decimal' : undefined,
        autoComplete: spec.kind === 'text' ? (spec.autoComplete ?? 'off') : 'off',
        spellCheck: false,
        value: text,
        onChange: (event) =>
          onChange(
            path,
            spec.kind === 'text' && spec.upperCase ? event.target.value.toUpperCase() : event.target.value,
          ),
      }}
    />
  );
};
