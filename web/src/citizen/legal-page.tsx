import { Page } from '../components/page.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

const SECTIONS: [MessageKey, MessageKey][] = [
  ['legal.editorTitle', 'legal.editor'],
  ['legal.dataTitle', 'legal.data'],
  ['legal.cookiesTitle', 'legal.cookies'],
];

export const LegalPage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('legal.title')}>
      {SECTIONS.map(([title, text]) => (
        <section key={title} className="fr-mt-4w">
          <h2>{t(title)}</h2>
          <p>{t(text)}</p>
        </section>
      ))}
    </Page>
  );
};
