// The children of a birth declaration: one group of fields per child, with a button to add a twin
// (or remove one), each group a fieldset with its own legend.
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Dispatch, SetStateAction } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { CHILD_FIELDS, withValue, type FormValues } from './declaration-forms.ts';
import { FormField } from './form-field.tsx';

type Props = {
  values: FormValues;
  errors: Record<string, string>;
  onChange: (path: string, value: unknown) => void;
  setValues: Dispatch<SetStateAction<FormValues>>;
};

export const ChildrenFields = ({ values, errors, onChange, setValues }: Props) => {
  const { t } = useI18n();
  const children = (values.children as FormValues[] | undefined) ?? [];
  const addChild = () =>
    setValues((current) => {
      const list = (current.children as FormValues[] | undefined) ?? [];
      const first = list[0] ?? {};
      return withValue(current, 'children', [
        ...list,
        {
          givenNames: '',
          familyName: first.familyName ?? '',
          sex: '',
          birthDate: first.birthDate ?? '',
          birthPlace: first.birthPlace ?? '',
        },
      ]);
    });
  const removeChild = (index: number) =>
    setValues((current) =>
      withValue(
        current,
        'children',
        ((current.children as FormValues[] | undefined) ?? []).filter((_, position) => position !== index),
      ),
    );
  return (
    <>
      {children.map((_, index) => (
        <fieldset key={index} className="fr-fieldset" aria-labelledby={`enfant-${index}-legende`}>
          <legend id={`enfant-${index}-legende`} className="fr-fieldset__legend">
            <h2 className="fr-h4 fr-mb-0">{t('declare.childLegend', { n: index + 1 })}</h2>
          </legend>
          <div className="fr-fieldset__content" style={{ width: '100%' }}>
            {CHILD_FIELDS.map((spec) =>
              spec.kind === 'children' ? null : (
                <FormField
                  key={spec.name}
                  spec={spec}
                  path={`children.${index}.${spec.name}`}
                  values={values}
                  errors={errors}
                  relatives={[]}
                  onChange={onChange}
                />
              ),
            )}
            {index > 0 ? (
              <Button type="button" priority="tertiary" size="small" onClick={() => removeChild(index)}>
                {t('declare.removeChild', { n: index + 1 })}
              </Button>
            ) : null}
          </div>
        </fieldset>
      ))}
      {errors.children ? (
        <p className="fr-error-text" id="champ-children">
          {errors.children}
        </p>
      ) : null}
      <p>
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={addChild}>
          {t('declare.addChild')}
        </Button>
      </p>
    </>
  );
};
