// The questionnaire's state, kept in localStorage so it can be resumed: the household described
// (or the person's own, when logged in), and the answers to the questions the API asked. The
// situation sent is rebuilt from them each time: the household, then every answer at its periods.
import type { MissingInput, Situation } from './rights-api.ts';

export type Household = {
  name: string;
  birthDate: string;
  isCouple: boolean;
  partnerName: string;
  partnerBirthDate: string;
  children: Array<{ name: string; birthDate: string }>;
  isExpecting: boolean;
  dueDate: string;
};

export type Answer = {
  input: Pick<MissingInput, 'entity' | 'entityId' | 'variable' | 'periods' | 'valueType' | 'unit'>;
  value: string;
};

export type QuestionnaireState = {
  /** The household described in the first step; null for a logged-in person (their own is used). */
  household: Household | null;
  answers: Record<string, Answer>;
  /** `entityId:topic` → whether the person has it (salary, pension…). */
  topics: Record<string, boolean>;
  isDone: boolean;
};

const STORAGE_KEY = 'guichet.estimer-mes-droits';

export const emptyHousehold = (): Household => ({
  name: '',
  birthDate: '',
  isCouple: false,
  partnerName: '',
  partnerBirthDate: '',
  children: [],
  isExpecting: false,
  dueDate: '',
});

export const loadState = (): QuestionnaireState | null => {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as QuestionnaireState) : null;
  } catch {
    return null;
  }
};

export const saveState = (state: QuestionnaireState | null) => {
  try {
    if (state) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private browsing without storage: the questionnaire works, it just cannot be resumed.
  }
};

export const UNBORN = 'Enfant à naître';

/** The household in OpenFisca's entities, persons named by their first names. */
export const householdSituation = (household: Household): Situation => {
  const adults = [household.name, ...(household.isCouple ? [household.partnerName] : [])];
  const children = household.children.map((child) => child.name);
  if (household.isExpecting) children.push(UNBORN);
  const individus: Situation['individus'] = { [household.name]: { date_naissance: household.birthDate } };
  if (household.isCouple) individus[household.partnerName] = { date_naissance: household.partnerBirthDate };
  for (const child of household.children) individus[child.name] = { date_naissance: child.birthDate };
  if (household.isExpecting) individus[UNBORN] = { date_naissance: household.dueDate };
  return {
    individus,
    familles: { famille: { parents: adults, enfants: children } },
    foyers_fiscaux: { foyer_fiscal: { declarants: adults, personnes_a_charge: children } },
    menages: {
      logement: {
        personne_de_reference: household.name,
        ...(household.isCouple ? { conjoint: household.partnerName } : {}),
        enfants: children,
      },
    },
  };
};

const PLURAL = {
  individu: 'individus',
  famille: 'familles',
  foyer_fiscal: 'foyers_fiscaux',
  menage: 'menages',
} as const;

/** The value an answer gives, in the API's types (a rate asked in % is sent as a fraction). */
export const answerValue = ({ input, value }: Answer): unknown => {
  if (input.valueType === 'bool') return value === 'true';
  if (input.valueType === 'enum' || input.valueType === 'date') return value;
  const number = Number(value.replace(',', '.').replace(/\s/g, ''));
  return input.unit === '/1' ? number / 100 : number;
};

/** The base situation with every answer written at its periods. */
export const situationWithAnswers = (base: Situation, answers: Record<string, Answer>): Situation => {
  const situation = structuredClone(base);
  for (const answer of Object.values(answers)) {
    const { entity, entityId, variable, periods } = answer.input;
    const rows = (situation[PLURAL[entity]] ??= {});
    const row = (rows[entityId] ??= {});
    const byPeriod = (row[variable] ?? {}) as Record<string, unknown>;
    for (const period of periods) byPeriod[period] = answerValue(answer);
    row[variable] = byPeriod;
  }
  return situation;
};
