// « Estimer mes droits »: who lives in the household (or, logged in, the person's own household),
// then only the questions the result still depends on, as the rights API reports them (inputs it
// had to take by default that would change an amount), one person or group per step, then every
// right with its amount, body, reasons, legal basis, next step and how it was computed. Answers
// are kept in this browser so the questionnaire can be resumed.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { HouseholdStep } from './estimate/household-step.tsx';
import { QuestionsStep, pendingGroups } from './estimate/questions-step.tsx';
import {
  householdSituation,
  loadState,
  saveState,
  situationWithAnswers,
  type Answer,
  type QuestionnaireState,
} from './estimate/questionnaire-state.ts';
import { RightsResult } from './estimate/rights-result.tsx';
import { estimateRights, type RightsEstimate, type Situation } from './estimate/rights-api.ts';

const FRESH: QuestionnaireState = { household: null, answers: {}, topics: {}, isDone: false };

/** Answers 0 or « no » for every input of a topic the person said they do not have. */
const declinedAnswers = (estimate: RightsEstimate, topics: Record<string, boolean>): Record<string, Answer> =>
  Object.fromEntries(
    estimate.missing
      .filter((input) => input.topic && topics[`${input.entityId}:${input.topic.id}`] === false)
      .map((input) => [input.key, { input, value: input.valueType === 'bool' ? 'false' : '0' }]),
  );

export const EstimatePage = () => {
  const { t } = useI18n();
  const { session } = useSession();
  const isLoggedIn = session?.authenticated === true && session.user?.role === 'citizen';
  const [state, setState] = useState<QuestionnaireState>(() => loadState() ?? FRESH);
  const [estimate, setEstimate] = useState<RightsEstimate>();
  const [error, setError] = useState<unknown>();
  const [isBusy, setBusy] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  const update = useCallback((next: QuestionnaireState) => {
    setState(next);
    saveState(next);
  }, []);

  // A logged-in person's own household, as the API built it: answers are written onto it. Kept in
  // memory only (not in this browser's storage, which outlives the session).
  const ownSituation = useRef<Situation>(undefined);

  /** Asks the API again with the state's answers (and the automatic « no » of declined topics). */
  const evaluate = useCallback(
    async (next: QuestionnaireState) => {
      setBusy(true);
      setError(undefined);
      try {
        let current = next;
        let result: RightsEstimate | undefined;
        for (let round = 0; round < 4; round++) {
          const base = current.household ? householdSituation(current.household) : ownSituation.current;
          result = await estimateRights(base ? situationWithAnswers(base, current.answers) : undefined);
          if (!base) {
            ownSituation.current = result.situation;
            if (Object.keys(current.answers).length) continue;
          }
          const declined = declinedAnswers(result, current.topics);
          if (!Object.keys(declined).length) break;
          current = { ...current, answers: { ...current.answers, ...declined } };
        }
        update(current);
        setEstimate(result);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [update],
  );

  // Resume: a saved household (or a logged-in person's own) is estimated again on arrival.
  useEffect(() => {
    if (session === undefined) return;
    if (state.household || isLoggedIn) void evaluate(state);
    // Once, when the session is known.
  }, [session === undefined]);

  useEffect(() => {
    stepHeading.current?.focus();
  }, [estimate, state.isDone, state.household === null]);

  const restart = () => {
    saveState(null);
    setState(FRESH);
    setEstimate(undefined);
    if (isLoggedIn) void evaluate(FRESH);
  };

  const groups = estimate ? pendingGroups(estimate, state) : [];
  const step =
    !state.household && !isLoggedIn
      ? 'household'
      : !estimate
        ? 'loading'
        : state.isDone || !groups.length
          ? 'result'
          : 'questions';

  return (
    <Page title={t('estimate.title')} lead={step === 'result' ? undefined : t('estimate.lead')}>
      {error ? <ApiErrorAlert error={error} /> : null}
      {step === 'household' ? (
        <HouseholdStep
          headingRef={stepHeading}
          isBusy={isBusy}
          initial={state.household}
          onSubmit={(household) => void evaluate({ ...state, household })}
        />
      ) : null}
      {step === 'loading' ? isBusy || !error ? <Loading /> : null : null}
      {step === 'questions' && estimate ? (
        <>
          {isLoggedIn && !Object.keys(state.answers).length ? (
            <Alert severity="info" small description={t('estimate.prefilled')} className="fr-mb-3w" />
          ) : null}
          <QuestionsStep
            key={groups[0]!.entityId}
            headingRef={stepHeading}
            stepNumber={Object.keys(state.answers).length ? 3 : 2}
            group={groups[0]!}
            isBusy={isBusy}
            onSubmit={(answers, topics) =>
              void evaluate({
                ...state,
                answers: { ...state.answers, ...answers },
                topics: { ...state.topics, ...topics },
              })
            }
            onSkip={() => update({ ...state, isDone: true })}
          />
        </>
      ) : null}
      {step === 'result' && estimate ? (
        <RightsResult
          headingRef={stepHeading}
          estimate={estimate}
          csrfToken={session?.csrfToken}
          hasMoreQuestions={groups.length > 0}
          onContinue={() => update({ ...state, isDone: false })}
        />
      ) : null}
      {step !== 'household' && step !== 'loading' ? (
        <p className="fr-mt-4w">
          <Button priority="tertiary" size="small" onClick={restart}>
            {t('estimate.restart')}
          </Button>
        </p>
      ) : null}
    </Page>
  );
};
