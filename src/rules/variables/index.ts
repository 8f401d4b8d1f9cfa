// Variables shared by several benefits (persons, incomes, family-benefit basics).
import type { Variable } from '../engine/variable.ts';
import { ACTIVITE_VARIABLES } from './activite.ts';
import { age, autonomie_financiere, date_naissance } from './individu.ts';
import { salaire_de_base, salaire_imposable, salaire_net } from './revenus.ts';
import {
  af_nbenf,
  prestations_familiales_base_ressources,
  prestations_familiales_base_ressources_individu,
  prestations_familiales_enfant_a_charge,
} from './prestations-familiales.ts';
import { biactivite, en_couple } from './famille.ts';
import { adoption, date_adoption, pensions_alimentaires_percues } from './enfants.ts';
import { statut_occupation_logement } from './logement.ts';
import {
  departement_experimentation_rsa,
  enceinte,
  nb_parents,
  rsa_enfant_a_charge,
  rsa_isolement_recent,
  rsa_majore_eligibilite,
  rsa_nb_enfants,
} from './minima-sociaux.ts';

export const COMMON_VARIABLES: Variable[] = [
  date_naissance,
  age,
  autonomie_financiere,
  salaire_net,
  salaire_imposable,
  salaire_de_base,
  prestations_familiales_enfant_a_charge,
  prestations_familiales_base_ressources_individu,
  prestations_familiales_base_ressources,
  af_nbenf,
  en_couple,
  biactivite,
  adoption,
  date_adoption,
  pensions_alimentaires_percues,
  statut_occupation_logement,
  nb_parents,
  enceinte,
  rsa_isolement_recent,
  departement_experimentation_rsa,
  rsa_enfant_a_charge,
  rsa_nb_enfants,
  rsa_majore_eligibilite,
  ...ACTIVITE_VARIABLES,
];
