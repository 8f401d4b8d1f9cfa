// The bodies a declaration goes to: for each, what it will do with it, the legal basis and the
// published decision that authorises the exchange.
import type { RecipientPreview } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';

export const RecipientList = ({ recipients }: { recipients: RecipientPreview[] }) => {
  const { t, lang, formatDate } = useI18n();
  if (!recipients.length) return <p>{t('declare.noRecipients')}</p>;
  return (
    <ul className="guichet-plain-list">
      {recipients.map((recipient) => (
        <li key={recipient.party} className="fr-mb-3w">
          <h3 className="fr-h5 fr-mb-1w">{recipient.name[lang]}</h3>
          <p className="fr-mb-1w">{recipient.why[lang]}</p>
          <p className="fr-text--sm fr-mb-0">
            <strong>{t('declare.legalBasis')}</strong> {recipient.legalBasis}
          </p>
          <p className="fr-text--sm fr-mb-0">
            {t('declare.decision', {
              reference: recipient.decision.reference,
              date: formatDate(recipient.decision.date),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
};
