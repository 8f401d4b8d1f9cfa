import { Page } from '../components/page.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

const SECTIONS: [MessageKey, MessageKey][] = [
  ['a11y.stateTitle', 'a11y.state'],
  ['a11y.testsTitle', 'a11y.tests'],
  ['a11y.contactTitle', 'a11y.contact'],
  ['a11y.remedyTitle', 'a11y.remedy'],
];

export const AccessibilityPage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('a11y.title')} lead={t('a11y.intro')}>
      {SECTIONS.map(([title, text]) => (
        <section key={title} className="fr-mt-4w">
          <h2>{t(title)}</h2>
          <p>{t(text)}</p>
        </section>
      ))}
    </Page>
  );
};
