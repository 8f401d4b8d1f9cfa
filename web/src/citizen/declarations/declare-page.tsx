// « Déclarer un changement »: what can be declared (one link per type) and the declarations
// already made, each linking to its follow-up.
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { Link } from 'react-router';
import { api, DECLARATION_TYPES } from '../../api.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { Page } from '../../components/page.tsx';
import { useApi } from '../../components/use-api.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

export const declarePath = (type: string) => `/mon-espace/declarer/${type}`;

export const DeclarePage = () => {
  const { t, formatDate } = useI18n();
  const { state, retry } = useApi((signal) => api.declarations(signal), []);
  return (
    <Page title={t('declare.title')} lead={t('declare.lead')}>
      <section aria-labelledby="types-titre" className="fr-my-4w">
        <h2 id="types-titre">{t('declare.typesTitle')}</h2>
        <ul className="fr-grid-row fr-grid-row--gutters guichet-plain-list">
          {DECLARATION_TYPES.map((type) => (
            <li key={type} className="fr-col-12 fr-col-md-6">
              <Tile
                title={t(`declare.type.${type}` as MessageKey)}
                titleAs="h3"
                desc={t(`declare.typeDesc.${type}` as MessageKey)}
                linkProps={{ to: declarePath(type) }}
                enlargeLinkOrButton
                orientation="horizontal"
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="historique-titre" className="fr-my-4w">
        <h2 id="historique-titre">{t('declare.historyTitle')}</h2>
        {state.status === 'loading' ? <Loading /> : null}
        {state.status === 'error' ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
        {state.status === 'ready' && !state.data.declarations.length ? <p>{t('declare.historyEmpty')}</p> : null}
        {state.status === 'ready' && state.data.declarations.length ? (
          <ul>
            {state.data.declarations.map((declaration) => (
              <li key={declaration.id}>
                <Link to={`/mon-espace/declarations/${declaration.id}`}>
                  {t('declare.historyItem', {
                    label: t(`declare.type.${declaration.type}` as MessageKey),
                    date: formatDate(declaration.createdAt, true),
                  })}
                </Link>{' '}
                ({declaration.isComplete ? t('declare.complete') : t('declare.pending')})
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
};
