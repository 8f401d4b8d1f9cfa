// One step of questions: those the rights API reports as missing for one person or group (the
// inputs it took by default that would change an amount). Inputs of one topic (salary,
// pension…) are asked only once the person ticks that topic; an unticked topic answers 0 or no.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState, type RefObject } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { Answer, QuestionnaireState } from './questionnaire-state.ts';
import type { MissingInput, RightsEstimate } from './rights-api.ts';

export type QuestionGroup = { entity: MissingInput['entity']; entityId: string; inputs: MissingInput[] };

const ENTITY_ORDER = ['individu', 'famille', 'foyer_fiscal', 'menage'] as const;

/** The questions still to ask, one group per person or group, persons first. */
export const pendingGroups = (estimate: RightsEstimate, state: QuestionnaireState): QuestionGroup[] => {
  const groups = new Map<string, QuestionGroup>();
  for (const input of estimate.missing) {
    if (state.answers[input.key]) continue;
    if (input.topic && state.topics[`${input.entityId}:${input.topic.id}`] === false) continue;
    const key = `${input.entity}:${input.entityId}`;
    const group = groups.get(key) ?? { entity: input.entity, entityId: input.entityId, inputs: [] };
    group.inputs.push(input);
    groups.set(key, group);
  }
  const personOrder = Object.keys(estimate.situation.individus ?? {});
  return [...groups.values()].sort(
    (a, b) =>
      ENTITY_ORDER.indexOf(a.entity) - ENTITY_ORDER.indexOf(b.entity) ||
      personOrder.indexOf(a.entityId) - personOrder.indexOf(b.entityId),
  );
};

const inputId = (input: MissingInput) => `question-${input.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

export const QuestionsStep = ({
  headingRef,
  stepNumber,
  group,
  isBusy,
  onSubmit,
  onSkip,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  stepNumber: number;
  group: QuestionGroup;
  isBusy: boolean;
  onSubmit: (answers: Record<string, Answer>, topics: Record<string, boolean>) => void;
  onSkip: () => void;
}) => {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const topics = [
    ...new Map(group.inputs.filter((input) => input.topic).map((input) => [input.topic!.id, input.topic!])).values(),
  ];
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const shown = group.inputs.filter((input) => !input.topic || ticked[input.topic.id]);
  const title =
    group.entity === 'individu'
      ? t('estimate.questions.person', { name: group.entityId })
      : group.entity === 'menage'
        ? t('estimate.questions.home')
        : group.entity === 'famille'
          ? t('estimate.questions.family')
          : t('estimate.questions.taxes');

  const check = () => {
    const found: Record<string, string> = {};
    for (const input of shown) {
      const value = (values[input.key] ?? '').trim();
      if (!value) {
        found[input.key] = t('estimate.error.required');
        continue;
      }
      if (input.valueType === 'float' || input.valueType === 'int') {
        const number = Number(value.replace(',', '.').replace(/\s/g, ''));
        if (!Number.isFinite(number) || number < 0) found[input.key] = t('estimate.error.amount');
        else if (input.unit === '/1' && number > 100) found[input.key] = t('estimate.error.rate');
      }
    }
    return found;
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    const first = shown.find((input) => found[input.key]);
    if (first) {
      // A text field has the id; a choice is focused on its first option (its inputs share the name).
      (
        document.getElementById(inputId(first)) ??
        document.querySelector<HTMLInputElement>(`input[name="${inputId(first)}"]`)
      )?.focus();
      return;
    }
    const answers: Record<string, Answer> = {};
    for (const input of group.inputs) {
      const isDeclined = input.topic && !ticked[input.topic.id];
      answers[input.key] = {
        input,
        value: isDeclined ? (input.valueType === 'bool' ? 'false' : '0') : values[input.key]!.trim(),
      };
    }
    onSubmit(
      answers,
      Object.fromEntries(topics.map((topic) => [`${group.entityId}:${topic.id}`, ticked[topic.id] === true])),
    );
  };

  const set = (key: string, value: string) => setValues((current) => ({ ...current, [key]: value }));

  const question = (input: MissingInput) => {
    const state = errors[input.key] ? ('error' as const) : ('default' as const);
    const message = errors[input.key];
    if (input.valueType === 'bool' || input.valueType === 'enum') {
      const options =
        input.valueType === 'bool'
          ? [
              { value: 'true', label: t('estimate.yes') },
              { value: 'false', label: t('estimate.no') },
            ]
          : (input.possibleValues ?? []).map((option) => ({ value: option.value, label: option.label[lang] }));
      return (
        <RadioButtons
          key={input.key}
          name={inputId(input)}
          legend={input.question[lang]}
          orientation={input.valueType === 'bool' ? 'horizontal' : 'vertical'}
          state={state}
          stateRelatedMessage={message}
          options={options.map((option) => ({
            label: option.label,
            nativeInputProps: {
              value: option.value,
              checked: values[input.key] === option.value,
              onChange: () => set(input.key, option.value),
            },
          }))}
        />
      );
    }
    const hint =
      input.unit === '/1'
        ? t('estimate.hint.rate')
        : input.amountPer === 'month'
          ? t('estimate.hint.perMonth')
          : input.amountPer === 'year'
            ? t('estimate.hint.perYear')
            : undefined;
    return (
      <Input
        key={input.key}
        label={input.question[lang]}
        hintText={hint}
        state={state}
        stateRelatedMessage={message}
        nativeInputProps={{
          id: inputId(input),
          type: input.valueType === 'date' ? 'date' : 'text',
          inputMode: input.valueType === 'date' ? undefined : 'decimal',
          value: values[input.key] ?? '',
          onChange: (event) => set(input.key, event.target.value),
        }}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="estimate-questions-title">
      <p className="fr-text--sm fr-mb-1w">{t('estimate.step', { number: stepNumber })}</p>
      <h2 id="estimate-questions-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p className="fr-text--sm">{t('estimate.questions.why')}</p>
      {topics.length ? (
        <Checkbox
          legend={t('estimate.questions.topics', { name: group.entityId })}
          hintText={t('estimate.questions.topicsHint')}
          options={topics.map((topic) => ({
            label: topic.label[lang],
            nativeInputProps: {
              checked: ticked[topic.id] === true,
              onChange: (event) => setTicked((current) => ({ ...current, [topic.id]: event.target.checked })),
            },
          }))}
        />
      ) : null}
      {shown.map(question)}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={isBusy} iconId="fr-icon-arrow-right-line" iconPosition="right">
            {t('estimate.next')}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onSkip}>
            {t('estimate.seeResult')}
          </Button>
        </li>
      </ul>
    </form>
  );
};
