// Agents find a person by NIR or name. The query lives in the address (`?q=`), so the back
// button and a shared link give the same results.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, maskedNir, personName, type PersonSearch } from '../api.ts';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { Page } from '../components/page.tsx';
import { useApi } from '../components/use-api.ts';
import { useI18n } from '../i18n/index.tsx';

const EMPTY: PersonSearch = { items: [], page: 1, pageSize: 20, total: 0, matchedBy: 'name' };

export const AgentSearchPage = () => {
  const { t, lang, formatDate } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [localError, setLocalError] = useState<string | undefined>();
  const { state, retry } = useApi((signal) => (q ? api.searchPersons(q, signal) : Promise.resolve(EMPTY)), [q]);

  const fieldError =
    localError ??
    (state.status === 'error' && state.error instanceof ApiError ? state.error.fieldMessage('q', lang) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (!value) {
      setLocalError(t('agent.queryEmpty'));
      document.getElementById('recherche-personne')?.focus();
      return;
    }
    setLocalError(undefined);
    setParams({ q: value });
  };

  const persons = state.status === 'ready' ? state.data.items : [];
  const count = state.status === 'ready' ? state.data.total : 0;

  return (
    <Page title={t('agent.title')} lead={t('agent.lead')}>
      <form role="search" onSubmit={submit} noValidate className="guichet-search fr-mb-4w">
        <Input
          label={t('agent.queryLabel')}
          hintText={t('agent.queryHint')}
          state={fieldError ? 'error' : 'default'}
          stateRelatedMessage={fieldError}
          nativeInputProps={{
            id: 'recherche-personne',
            name: 'q',
            type: 'search',
            autoComplete: 'off',
            value: draft,
            onChange: (event) => setDraft(event.target.value),
          }}
        />
        <Button type="submit" iconId="fr-icon-search-line">
          {t('agent.search')}
        </Button>
      </form>

      {q && state.status === 'loading' ? <Loading label="agent.searching" /> : null}
      {state.status === 'error' && !fieldError ? <ApiErrorAlert error={state.error} onRetry={retry} /> : null}
      {q && state.status === 'ready' ? (
        <section aria-labelledby="resultats">
          <div role="status">
            <h2 id="resultats" className="fr-h4">
              {count === 0
                ? t('agent.resultsNone', { q })
                : count === 1
                  ? t('agent.resultsOne')
                  : t('agent.resultsMany', { count })}
            </h2>
          </div>
          <ul className="guichet-plain-list">
            {persons.map((person) => (
              <li key={person.id} className="fr-card fr-card--no-arrow fr-enlarge-link guichet-card-pad fr-mb-2w">
                <p className="fr-text--lg fr-mb-1v">
                  <Link to={`/agent/personnes/${encodeURIComponent(person.id)}`}>{personName(person)}</Link>
                </p>
                <p className="fr-text--sm fr-mb-0">
                  {[
                    t(person.sex === 'F' ? 'person.bornOnF' : 'person.bornOnM', { date: formatDate(person.birthDate) }),
                    maskedNir(person.nir),
                    person.communeName,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
};
