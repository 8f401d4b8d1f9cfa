// A person's identity and contact details, and their household, as the citizen and agents see them.
import { addressLines, maskedNir, personName, type Household, type Person } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

const ROLE_KEYS: Record<string, MessageKey> = {
  parent: 'role.parent',
  demandeur: 'role.demandeur',
  conjoint: 'role.conjoint',
  enfant: 'role.enfant',
  enfant_a_charge: 'role.enfant_a_charge',
  autre: 'role.autre',
};

/** The household role in plain words; an unknown code is shown as it comes, never hidden. */
export const useRoleLabel = () => {
  const { t } = useI18n();
  return (role: string) => {
    const key = ROLE_KEYS[role.toLowerCase().replace(/[\s-]+/g, '_')];
    return key ? t(key) : role;
  };
};

export const PersonDetails = ({ person }: { person: Person }) => {
  const { t, formatDate } = useI18n();
  const unknown = <span className="guichet-muted">{t('person.unknown')}</span>;
  const nir = maskedNir(person);
  const address = addressLines(person.address);
  return (
    <dl className="guichet-details">
      <dt>{t('person.name')}</dt>
      <dd>{personName(person) || unknown}</dd>
      <dt>{t('person.birthDate')}</dt>
      <dd>{person.birthDate ? formatDate(person.birthDate) : unknown}</dd>
      <dt>{t('person.nir')}</dt>
      <dd>
        {nir ? (
          <>
            <span className="guichet-nir">{nir}</span>
            <span className="fr-hint-text">{t('person.nirHint')}</span>
          </>
        ) : (
          unknown
        )}
      </dd>
      <dt>{t('person.address')}</dt>
      <dd>
        {address.length
          ? address.map((line) => (
              <span key={line} className="guichet-block">
                {line}
              </span>
            ))
          : unknown}
      </dd>
      <dt>{t('person.email')}</dt>
      <dd>{person.email || unknown}</dd>
      <dt>{t('person.phone')}</dt>
      <dd>{person.phone || unknown}</dd>
    </dl>
  );
};

/** The household as a list (easier than a table on a small phone), the reader marked "vous". */
export const HouseholdList = ({ household, selfId }: { household: Household; selfId?: string }) => {
  const { t, formatDate } = useI18n();
  const roleLabel = useRoleLabel();
  return (
    <ul className="guichet-household">
      {household.members.map((member) => {
        const id = member.personId ?? member.id;
        return (
          <li key={id} className="fr-card fr-card--no-arrow guichet-card-pad fr-mb-2w">
            <p className="fr-text--lg fr-mb-1v">
              <strong>{personName(member)}</strong>
              {id === selfId ? ` (${t('person.you')})` : ''}
            </p>
            <p className="fr-mb-1v">{roleLabel(member.role)}</p>
            {member.birthDate ? (
              <p className="fr-text--sm fr-mb-0">{t('person.bornOn', { date: formatDate(member.birthDate) })}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
};
