// The words of the people module, as OpenFisca-France names them where it has a name.

export const EMPLOYMENT_STATUSES = [
  'salarie',
  'independant',
  'chomeur',
  'retraite',
  'etudiant',
  'scolarise',
  'inactif',
] as const;
/** What the person does; maps to OpenFisca `activite` (salarie/independant → actif, scolarise → etudiant). */
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const STATUTS_MARITAUX = ['celibataire', 'marie', 'pacse', 'divorce', 'veuf'] as const;
export type StatutMarital = (typeof STATUTS_MARITAUX)[number];

export const FAMILLE_ROLES = ['parents', 'enfants'] as const;
export type FamilleRole = (typeof FAMILLE_ROLES)[number];
export const FOYER_FISCAL_ROLES = ['declarants', 'personnes_a_charge'] as const;
export type FoyerFiscalRole = (typeof FOYER_FISCAL_ROLES)[number];
export const MENAGE_ROLES = ['personne_de_reference', 'conjoint', 'enfants', 'autres'] as const;
export type MenageRole = (typeof MENAGE_ROLES)[number];

export const STATUTS_OCCUPATION_LOGEMENT = [
  'non_renseigne',
  'primo_accedant',
  'proprietaire',
  'locataire_hlm',
  'locataire_vide',
  'locataire_meuble',
  'loge_gratuitement',
  'locataire_foyer',
  'sans_domicile',
] as const;
export type StatutOccupationLogement = (typeof STATUTS_OCCUPATION_LOGEMENT)[number];

const RENTING: readonly string[] = ['locataire_hlm', 'locataire_vide', 'locataire_meuble', 'locataire_foyer'];
/** A tenant (a lease to end or move, a landlord to tell), whatever the kind of rental. */
export const isTenant = (statut: string | null | undefined) => RENTING.includes(statut ?? '');

export const ZONES_APL = ['zone_1', 'zone_2', 'zone_3'] as const;
export type ZoneApl = (typeof ZONES_APL)[number];

/** The bodies an agent can work for. */
export const BODIES = ['caf', 'cpam', 'msa', 'urssaf', 'france-travail', 'cnav', 'dgfip', 'etat-civil'] as const;
export type Body = (typeof BODIES)[number];
