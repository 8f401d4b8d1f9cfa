import { useI18n, type MessageKey } from '../i18n/index.tsx';

/** A polite, announced loading line (no spinner-only state for screen readers). */
export const Loading = ({ label = 'app.loading' }: { label?: MessageKey }) => {
  const { t } = useI18n();
  return (
    <p role="status" aria-live="polite" className="fr-py-2w">
      {t(label)}
    </p>
  );
};
