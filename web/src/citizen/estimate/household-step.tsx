// First step: who lives in the household (first names and birth dates, a child on the way). The
// only questions not derived from the engine: without people there is nothing to evaluate.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState, type RefObject } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { emptyHousehold, UNBORN, type Household } from './questionnaire-state.ts';

type Errors = Record<string, string>;

const today = () => new Date().toISOString().slice(0, 10);

export const HouseholdStep = ({
  headingRef,
  initial,
  isBusy,
  onSubmit,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  initial: Household | null;
  isBusy: boolean;
  onSubmit: (household: Household) => void;
}) => {
  const { t } = useI18n();
  const [household, setHousehold] = useState<Household>(initial ?? emptyHousehold());
  const [errors, setErrors] = useState<Errors>({});
  const set = (change: Partial<Household>) => setHousehold((current) => ({ ...current, ...change }));

  const check = (): Errors => {
    const found: Errors = {};
    const names = new Set<string>();
    const person = (key: string, name: string, birthDate: string) => {
      if (!name.trim()) found[`${key}-name`] = t('estimate.error.name');
      else if (names.has(name.trim()) || name.trim() === UNBORN) found[`${key}-name`] = t('estimate.error.sameName');
      names.add(name.trim());
      if (!birthDate) found[`${key}-birth`] = t('estimate.error.birthDate');
      else if (birthDate > today()) found[`${key}-birth`] = t('estimate.error.future');
    };
    person('me', household.name, household.birthDate);
    if (household.isCouple) person('partner', household.partnerName, household.partnerBirthDate);
    household.children.forEach((child, index) => {
      person(`child-${index}`, child.name, child.birthDate);
      const eldest = [household.birthDate, household.isCouple ? household.partnerBirthDate : ''].filter(Boolean);
      if (child.birthDate && eldest.some((birth) => child.birthDate < birth))
        found[`child-${index}-birth`] = t('estimate.error.olderThanParent');
    });
    if (household.isExpecting && (!household.dueDate || household.dueDate < today()))
      found['due'] = t('estimate.error.dueDate');
    return found;
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`estimate-${first}`)?.focus();
      return;
    }
    onSubmit({
      ...household,
      name: household.name.trim(),
      partnerName: household.partnerName.trim(),
      children: household.children.map((child) => ({ ...child, name: child.name.trim() })),
    });
  };

  const field = (key: string, label: string, value: string, onChange: (value: string) => void, type = 'text') => (
    <Input
      label={label}
      state={errors[key] ? 'error' : 'default'}
      stateRelatedMessage={errors[key]}
      nativeInputProps={{
        id: `estimate-${key}`,
        type,
        value,
        autoComplete: type === 'text' ? 'given-name' : 'off',
        onChange: (event) => onChange(event.target.value),
      }}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="estimate-household-title">
      <p className="fr-text--sm fr-mb-1w">{t('estimate.step', { number: 1 })}</p>
      <h2 id="estimate-household-title" ref={headingRef} tabIndex={-1}>
        {t('estimate.household.title')}
      </h2>
      <p>{t('estimate.household.why')}</p>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t('estimate.household.you')}</legend>
        <div className="fr-fieldset__element">
          {field('me-name', t('estimate.household.firstName'), household.name, (name) => set({ name }))}
        </div>
        <div className="fr-fieldset__element">
          {field(
            'me-birth',
            t('estimate.household.birthDate'),
            household.birthDate,
            (birthDate) => set({ birthDate }),
            'date',
          )}
        </div>
      </fieldset>
      <RadioButtons
        legend={t('estimate.household.couple')}
        orientation="horizontal"
        options={[
          {
            label: t('estimate.yes'),
            nativeInputProps: { checked: household.isCouple, onChange: () => set({ isCouple: true }) },
          },
          {
            label: t('estimate.no'),
            nativeInputProps: { checked: !household.isCouple, onChange: () => set({ isCouple: false }) },
          },
        ]}
      />
      {household.isCouple ? (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">{t('estimate.household.partner')}</legend>
          <div className="fr-fieldset__element">
            {field('partner-name', t('estimate.household.firstName'), household.partnerName, (partnerName) =>
              set({ partnerName }),
            )}
          </div>
          <div className="fr-fieldset__element">
            {field(
              'partner-birth',
              t('estimate.household.birthDate'),
              household.partnerBirthDate,
              (partnerBirthDate) => set({ partnerBirthDate }),
              'date',
            )}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t('estimate.household.children')}</legend>
        {household.children.map((child, index) => (
          <fieldset key={index} className="fr-fieldset fr-mb-2w">
            <legend className="fr-fieldset__legend fr-text--regular">
              {t('estimate.household.child', { number: index + 1 })}
            </legend>
            <div className="fr-fieldset__element">
              {field(`child-${index}-name`, t('estimate.household.firstName'), child.name, (name) =>
                set({ children: household.children.map((c, i) => (i === index ? { ...c, name } : c)) }),
              )}
            </div>
            <div className="fr-fieldset__element">
              {field(
                `child-${index}-birth`,
                t('estimate.household.birthDate'),
                child.birthDate,
                (birthDate) =>
                  set({ children: household.children.map((c, i) => (i === index ? { ...c, birthDate } : c)) }),
                'date',
              )}
            </div>
            <div className="fr-fieldset__element">
              <Button
                type="button"
                priority="tertiary"
                size="small"
                onClick={() => set({ children: household.children.filter((_, i) => i !== index) })}
              >
                {t('estimate.household.removeChild', { number: index + 1 })}
              </Button>
            </div>
          </fieldset>
        ))}
        <div className="fr-fieldset__element">
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-add-line"
            onClick={() => {
              set({ children: [...household.children, { name: '', birthDate: '' }] });
              window.setTimeout(() =>
                document.getElementById(`estimate-child-${household.children.length}-name`)?.focus(),
              );
            }}
          >
            {t('estimate.household.addChild')}
          </Button>
        </div>
      </fieldset>
      <RadioButtons
        legend={t('estimate.household.expecting')}
        orientation="horizontal"
        options={[
          {
            label: t('estimate.yes'),
            nativeInputProps: { checked: household.isExpecting, onChange: () => set({ isExpecting: true }) },
          },
          {
            label: t('estimate.no'),
            nativeInputProps: { checked: !household.isExpecting, onChange: () => set({ isExpecting: false }) },
          },
        ]}
      />
      {household.isExpecting
        ? field('due', t('estimate.household.dueDate'), household.dueDate, (dueDate) => set({ dueDate }), 'date')
        : null}
      <Button type="submit" disabled={isBusy} iconId="fr-icon-arrow-right-line" iconPosition="right">
        {t('estimate.next')}
      </Button>
    </form>
  );
};
