// A person's identity and contact details, and their household, as the citizen and agents see them.
import {
  addressLines,
  formatPhone,
  householdMembers,
  maskedNir,
  personName,
  type HouseholdRole,
  type Person,
  type PersonFile,
} from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

export const PersonDetails = ({ person }: { person: Person }) => {
  const { t, formatDate } = useI18n();
  const unknown = <span className="guichet-muted">{t('person.unknown')}</span>;
  const nir = maskedNir(person.nir);
  const address = addressLines(person.address);
  return (
    <dl className="guichet-details">
      <dt>{t('person.name')}</dt>
      <dd>{personName(person)}</dd>
      <dt>{t('person.birthDate')}</dt>
      <dd>{formatDate(person.birthDate)}</dd>
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
      <dd>{person.phone ? formatPhone(person.phone) : unknown}</dd>
    </dl>
  );
};

/** The household as a list (easier than a table on a small phone), the reader marked "vous". */
export const HouseholdList = ({ file, selfId }: { file: PersonFile; selfId?: string }) => {
  const { t, formatDate } = useI18n();
  const members = householdMembers(file);
  if (members.length <= 1) return <p>{t('me.noHousehold')}</p>;
  return (
    <ul className="guichet-household">
      {members.map((member) => (
        <li key={member.id} className="fr-card fr-card--no-arrow guichet-card-pad fr-mb-2w">
          <p className="fr-text--lg fr-mb-1v">
            <strong>{personName(member)}</strong>
            {member.id === selfId ? ` (${t('person.you')})` : ''}
          </p>
          <p className="fr-mb-1v">{t(`role.${member.role satisfies HouseholdRole}`)}</p>
          <p className="fr-text--sm fr-mb-0">
            {t(member.sex === 'F' ? 'person.bornOnF' : 'person.bornOnM', { date: formatDate(member.birthDate) })}
          </p>
        </li>
      ))}
    </ul>
  );
};
