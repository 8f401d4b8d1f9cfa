// The satisfaction survey after an appointment: three questions, one answer per appointment.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { appointmentsApi, type ProblemSolved } from '../appointments-api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

const SCORES = [1, 2, 3, 4, 5];
const SOLVED: ProblemSolved[] = ['yes', 'partly', 'no'];

export const SurveyForm = ({ appointmentId }: { appointmentId: string }) => {
  const { t } = useI18n();
  const { state } = useApi((signal) => appointmentsApi.survey(appointmentId, signal), [appointmentId]);
  const [satisfaction, setSatisfaction] = useState<number | undefined>();
  const [problemSolved, setProblemSolved] = useState<ProblemSolved | undefined>();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ satisfaction?: string; problemSolved?: string }>({});
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  if (state.status !== 'ready' || state.data.state === 'not_yet' || state.data.state === 'closed') return null;

  const submit = async () => {
    const found: typeof errors = {};
    if (!satisfaction) found.satisfaction = t('survey.errorScore');
    if (!problemSolved) found.problemSolved = t('survey.errorSolved');
    setErrors(found);
    if (!satisfaction || !problemSolved) {
      document
        .querySelector<HTMLInputElement>(`input[name="${found.satisfaction ? 'satisfaction' : 'reglee'}"]`)
        ?.focus();
      return;
    }
    try {
      await appointmentsApi.answerSurvey(appointmentId, {
        satisfaction,
        problemSolved,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setSent(true);
    } catch (error) {
      if (error instanceof ApiError && error.body.code === 'survey_already_answered') setSent(true);
      else setFailure(error);
    }
  };

  return (
    <section aria-labelledby="avis" className="fr-my-4w">
      <h2 id="avis">{t('survey.title')}</h2>
      {state.data.state === 'answered' || sent ? (
        <p role="status">{t('survey.thanks')}</p>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <p>{t('survey.lead')}</p>
          <RadioButtons
            legend={t('survey.scoreLegend')}
            name="satisfaction"
            orientation="horizontal"
            state={errors.satisfaction ? 'error' : 'default'}
            stateRelatedMessage={errors.satisfaction}
            options={SCORES.map((score) => ({
              label: t(`survey.score.${score}` as MessageKey),
              nativeInputProps: {
                value: String(score),
                checked: satisfaction === score,
                onChange: () => setSatisfaction(score),
              },
            }))}
          />
          <RadioButtons
            legend={t('survey.solvedLegend')}
            name="reglee"
            state={errors.problemSolved ? 'error' : 'default'}
            stateRelatedMessage={errors.problemSolved}
            options={SOLVED.map((value) => ({
              label: t(`survey.solved.${value}` as MessageKey),
              nativeInputProps: { value, checked: problemSolved === value, onChange: () => setProblemSolved(value) },
            }))}
          />
          <Input
            label={t('survey.commentLabel')}
            hintText={t('survey.commentHint')}
            textArea
            nativeTextAreaProps={{
              name: 'commentaire',
              maxLength: 2000,
              value: comment,
              onChange: (e) => setComment(e.target.value),
            }}
          />
          {failure ? <ApiErrorAlert error={failure} /> : null}
          <Button type="submit">{t('survey.send')}</Button>
        </form>
      )}
    </section>
  );
};
