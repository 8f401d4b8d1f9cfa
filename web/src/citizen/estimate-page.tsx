// The simulator comes with the rights engine; until then this page says so plainly and lists the
// benefits it will cover. No amount is shown: a wrong figure would hurt more than none.
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Page } from '../components/page.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

const AIDS: { aid: MessageKey; body: MessageKey }[] = [
  { aid: 'estimate.aid.rsa', body: 'estimate.body.cafMsa' },
  { aid: 'estimate.aid.primeActivite', body: 'estimate.body.cafMsa' },
  { aid: 'estimate.aid.logement', body: 'estimate.body.cafMsa' },
  { aid: 'estimate.aid.af', body: 'estimate.body.cafMsa' },
  { aid: 'estimate.aid.paje', body: 'estimate.body.cafMsa' },
  { aid: 'estimate.aid.asf', body: 'estimate.body.cafMsa' },
  { aid: 'estimate.aid.aah', body: 'estimate.body.caf' },
  { aid: 'estimate.aid.c2s', body: 'estimate.body.cpam' },
  { aid: 'estimate.aid.aspa', body: 'estimate.body.cnav' },
  { aid: 'estimate.aid.are', body: 'estimate.body.franceTravail' },
];

export const EstimatePage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('estimate.title')}>
      <div className="fr-my-4w">
        <Notice title={t('estimate.lead')} />
      </div>
      <p>{t('estimate.how')}</p>
      <p>{t('estimate.noAmount')}</p>
      <h2 className="fr-mt-4w">{t('estimate.listTitle')}</h2>
      <ul className="guichet-aid-list">
        {AIDS.map(({ aid, body }) => (
          <li key={aid}>
            <strong>{t(aid)}</strong>
            <span className="fr-text--sm guichet-block">{t('estimate.listBody', { body: t(body) })}</span>
          </li>
        ))}
      </ul>
    </Page>
  );
};
