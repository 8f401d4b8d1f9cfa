// The result: the total, then each right with its amount, the body that pays it, why (each
// condition met or not), its legal basis and where to claim it; each amount opens into « comment
// c'est calculé » (the trace: variables and dated parameters with their legal reference). The
// estimate can be downloaded as a PDF. (Sending it by e-mail waits for the notifications module.)
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type RefObject } from 'react';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { downloadRightsPdf, type CalculationStep, type Right, type RightsEstimate } from './rights-api.ts';

const euros = (value: number, lang: 'fr' | 'en') =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(value);

const StepTree = ({ step }: { step: CalculationStep }) => {
  const { t, lang } = useI18n();
  const values = Object.entries(step.value)
    .map(
      ([id, value]) =>
        `${id} : ${typeof value === 'number' ? value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') : String(value)}`,
    )
    .join(' ; ');
  return (
    <li>
      <span>
        {step.label} ({step.period}) — {values}
        {step.source === 'input' || step.source === 'projected input' ? ` (${t('estimate.result.given')})` : null}
        {step.source === 'default' ? ` (${t('estimate.result.byDefault')})` : null}
      </span>
      {step.parameters.length ? (
        <ul>
          {step.parameters.map((parameter) => (
            <li key={parameter.name} className="fr-text--sm">
              {parameter.description} : {String(parameter.value)} (
              {t('estimate.result.since', { date: parameter.start })}) — {parameter.reference}
            </li>
          ))}
        </ul>
      ) : null}
      {step.steps.length ? (
        <ul>
          {step.steps.map((child) => (
            <StepTree key={`${child.variable}@${child.period}`} step={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
};

const RightCard = ({ right }: { right: Right }) => {
  const { t, lang } = useI18n();
  const titleId = `right-${right.id}-${right.entityId ?? ''}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const badge =
    right.status === 'eligible' ? (
      <Badge severity="success">{t('estimate.result.eligible')}</Badge>
    ) : right.status === 'not_eligible' ? (
      <Badge severity="info">{t('estimate.result.notEligible')}</Badge>
    ) : right.status === 'not_supported' ? (
      <Badge severity="warning">{t('estimate.result.notSupported')}</Badge>
    ) : (
      <Badge severity="new">{t('estimate.result.notComputed')}</Badge>
    );
  return (
    <article className="fr-card fr-card--no-arrow fr-mb-3w" aria-labelledby={titleId}>
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h3 id={titleId} className="fr-card__title">
            {right.label[lang]}
          </h3>
          <div className="fr-card__start">{badge}</div>
          {right.status === 'eligible' && right.amount !== null ? (
            <p className="fr-text--lead fr-mb-1w">
              {euros(right.amount, lang)}{' '}
              <span className="fr-text--md">
                ({right.amountPeriod} — {right.periodicity[lang]})
              </span>
            </p>
          ) : null}
          {right.notSupported ? <p>{right.notSupported[lang]}</p> : null}
          <p className="fr-mb-1w">
            <strong>{t('estimate.result.body')}</strong> {right.body.name[lang]}
          </p>
          {right.reasons.length ? (
            <>
              <p className="fr-mb-1w">
                <strong>{t('estimate.result.why')}</strong>
              </p>
              <ul className="fr-mb-2w">
                {right.reasons.map((reason, index) => (
                  <li key={index}>
                    {reason.met === true
                      ? `${t('estimate.result.met')} `
                      : reason.met === false
                        ? `${t('estimate.result.notMet')} `
                        : ''}
                    {reason.text[lang]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="fr-mb-1w">
            <strong>{t('estimate.result.legal')}</strong> {right.legalArticles.join(' ; ')}
          </p>
          <p className="fr-mb-1w">
            <strong>{t('estimate.result.nextStep')}</strong> {right.claim.text[lang]}{' '}
            <a
              href={right.claim.url}
              target="_blank"
              rel="noopener noreferrer"
              title={`${right.label[lang]} — service-public.fr (${t('estimate.result.newWindow')})`}
            >
              service-public.fr
            </a>
          </p>
          {right.calculation && right.status !== 'not_computed' ? (
            <Accordion label={t('estimate.result.how')}>
              {right.amountConvention ? <p className="fr-text--sm">{right.amountConvention[lang]}</p> : null}
              <ul className="fr-text--sm">
                <StepTree step={right.calculation} />
              </ul>
            </Accordion>
          ) : null}
          {right.limits ? <p className="fr-text--xs fr-mt-2w">{right.limits[lang]}</p> : null}
        </div>
      </div>
    </article>
  );
};

export const RightsResult = ({
  headingRef,
  estimate,
  csrfToken,
  hasMoreQuestions,
  onContinue,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  estimate: RightsEstimate;
  csrfToken: string | undefined;
  hasMoreQuestions: boolean;
  onContinue: () => void;
}) => {
  const { t, lang } = useI18n();
  const [error, setError] = useState<unknown>();
  const eligible = estimate.rights.filter((right) => right.status === 'eligible');
  const others = estimate.rights.filter((right) => right.status !== 'eligible');
  return (
    <section aria-labelledby="estimate-result-title">
      <h2 id="estimate-result-title" ref={headingRef} tabIndex={-1}>
        {t('estimate.result.title')}
      </h2>
      <p className="fr-text--lead">
        {eligible.length
          ? t('estimate.result.total', {
              monthly: euros(estimate.total.monthly, lang),
              annual: euros(estimate.total.annual, lang),
              count: eligible.length,
            })
          : t('estimate.result.none')}
      </p>
      <p className="fr-text--sm">{estimate.amountConvention[lang]}</p>
      {hasMoreQuestions ? (
        <p>
          {t('estimate.result.moreQuestions')}{' '}
          <Button priority="secondary" size="small" onClick={onContinue}>
            {t('estimate.result.continue')}
          </Button>
        </p>
      ) : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-3w">
        <li>
          <Button
            iconId="fr-icon-download-line"
            onClick={() => {
              setError(undefined);
              downloadRightsPdf(estimate.situation, csrfToken).catch(setError);
            }}
          >
            {t('estimate.result.pdf')}
          </Button>
        </li>
      </ul>
      <h2 className="fr-h3">{t('estimate.result.yourRights')}</h2>
      {eligible.length ? (
        eligible.map((right) => <RightCard key={`${right.id}-${right.entityId}`} right={right} />)
      ) : (
        <p>{t('estimate.result.none')}</p>
      )}
      <h2 className="fr-h3 fr-mt-4w">{t('estimate.result.otherRights')}</h2>
      {others.map((right) => (
        <RightCard key={`${right.id}-${right.entityId}`} right={right} />
      ))}
      <p className="fr-text--sm">{t('estimate.result.disclaimer')}</p>
    </section>
  );
};
