// OpenFisca-France's entities: the person (individu) and the three groups a person belongs
// to, each with its roles. A role's `max` is how many members it holds at most.

export type EntityKey = 'individu' | 'famille' | 'foyer_fiscal' | 'menage';
export type GroupKey = Exclude<EntityKey, 'individu'>;

export type Role = { key: string; plural?: string; max?: number };

export type Entity = { key: EntityKey; plural: string; label: string; roles: Role[] };

export const ENTITIES: Record<EntityKey, Entity> = {
  individu: { key: 'individu', plural: 'individus', label: 'Individu', roles: [] },
  famille: {
    key: 'famille',
    plural: 'familles',
    label: 'Famille (foyer au sens des prestations sociales)',
    roles: [
      { key: 'parent', plural: 'parents', max: 2 },
      { key: 'enfant', plural: 'enfants' },
    ],
  },
  foyer_fiscal: {
    key: 'foyer_fiscal',
    plural: 'foyers_fiscaux',
    label: 'Foyer fiscal',
    roles: [
      { key: 'declarant', plural: 'declarants', max: 2 },
      { key: 'personne_a_charge', plural: 'personnes_a_charge' },
    ],
  },
  menage: {
    key: 'menage',
    plural: 'menages',
    label: 'Ménage (logement)',
    roles: [
      { key: 'personne_de_reference', max: 1 },
      { key: 'conjoint', max: 1 },
      { key: 'enfant', plural: 'enfants' },
      { key: 'autre', plural: 'autres' },
    ],
  },
};

export const GROUP_KEYS: GroupKey[] = ['famille', 'foyer_fiscal', 'menage'];

/** The key a role is written under in a situation (`parents`, `personne_de_reference`…). */
export const roleField = (role: Role): string => role.plural ?? role.key;

/** The keys of an entity's roles in a situation, by entity. */
const roleFieldsOf = (key: EntityKey): ReadonlySet<string> => new Set(ENTITIES[key].roles.map(roleField));
export const ROLE_FIELDS: Record<EntityKey, ReadonlySet<string>> = {
  individu: roleFieldsOf('individu'),
  famille: roleFieldsOf('famille'),
  foyer_fiscal: roleFieldsOf('foyer_fiscal'),
  menage: roleFieldsOf('menage'),
};

/** Role index of `enfants` in a famille: the one the family benefits count. */
export const FAMILLE_PARENT = 0;
export const FAMILLE_ENFANT = 1;
