import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

/** An API or network failure, in the reader's language, with a retry when one makes sense. */
export const ApiErrorAlert = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t, lang } = useI18n();
  const message = error instanceof ApiError ? error.body.messages[lang] : t('error.network');
  return (
    <div role="alert" className="fr-my-2w">
      <Alert
        as="h2"
        severity="error"
        title={t('error.title')}
        description={
          <>
            <span>{message}</span>
            {onRetry ? (
              <span className="fr-mt-2w" style={{ display: 'block' }}>
                <Button priority="secondary" size="small" onClick={onRetry}>
                  {t('error.retry')}
                </Button>
              </span>
            ) : null}
          </>
        }
      />
    </div>
  );
};
