// Every page: its title in the tab, one h1, and focus moved to that h1 after a navigation inside
// the app, so a screen-reader user hears where they landed (RGAA 12.x, WCAG 2.4.3).
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/index.tsx';

// The history entry the app started on: no focus move there, so the first Tab reaches the skip links.
const START_KEY: unknown = (window.history.state as { key?: unknown } | null)?.key ?? 'default';

export const Page = ({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) => {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t('app.titleSuffix')}`;
  }, [title, t]);
  useEffect(() => {
    if (location.key !== START_KEY) heading.current?.focus();
    // Only on arriving at a page, not when its query string changes.
  }, [location.pathname]);
  return (
    <div className="fr-container fr-py-4w fr-py-md-6w">
      <h1 ref={heading} tabIndex={-1} className="guichet-page-title">
        {title}
      </h1>
      {lead ? <p className="fr-text--lead">{lead}</p> : null}
      {children}
    </div>
  );
};
