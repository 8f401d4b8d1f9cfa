// How the questionnaire asks for an input the evaluation was missing: plain words for the
// variables people are asked about, and the words for enumeration values. A variable not listed
// here is asked with its label. Which questions are asked is never decided here: only the inputs
// an evaluation missed and that change a result are asked (see missing-inputs.ts).
import type { Texts } from './catalogue.ts';

/** `{person}` is the person's (or group's) name in the situation, `{period}` the period asked. */
export const QUESTIONS: Record<string, Texts> = {
  date_naissance: { fr: 'Date de naissance de {person}', en: 'Date of birth of {person}' },
  salaire_net: {
    fr: 'Salaire net mensuel de {person} (avant impôt sur le revenu), {period}',
    en: 'Monthly net salary of {person} (before income tax), {period}',
  },
  salaire_imposable: {
    fr: 'Salaire imposable de {person} (celui déclaré aux impôts), {period}',
    en: 'Taxable salary of {person} (as declared for income tax), {period}',
  },
  pensions_alimentaires_percues: {
    fr: 'Pension alimentaire reçue chaque mois par {person}, {period}',
    en: 'Maintenance (child support) received each month by {person}, {period}',
  },
  retraite_brute: {
    fr: 'Retraite brute mensuelle de {person} (base et complémentaire), {period}',
    en: 'Gross monthly pension of {person} (basic and supplementary), {period}',
  },
  enceinte: { fr: '{person} est-elle enceinte ?', en: 'Is {person} pregnant?' },
  autonomie_financiere: {
    fr: '{person} gagne-t-il ou elle plus de 55 % du Smic (environ 1 000 € nets par mois) ?',
    en: 'Does {person} earn more than 55% of the minimum wage (about €1,000 net a month)?',
  },
  adoption: {
    fr: '{person} a-t-il ou elle été adopté(e) ou confié(e) en vue d’adoption ?',
    en: 'Was {person} adopted or placed for adoption?',
  },
  date_adoption: { fr: 'Date d’arrivée au foyer de {person}', en: 'Date {person} arrived in the home' },
  statut_occupation_logement: { fr: 'Votre logement', en: 'Your home' },
  aide_logement: {
    fr: 'Aide au logement reçue chaque mois (APL, ALF ou ALS), {period}',
    en: 'Housing benefit received each month (APL, ALF or ALS), {period}',
  },
  chomage_net: {
    fr: 'Allocations chômage nettes reçues chaque mois par {person}, {period}',
    en: 'Net unemployment benefit received each month by {person}, {period}',
  },
  taux_incapacite: {
    fr: 'Taux d’incapacité de {person} reconnu par la CDAPH (en %)',
    en: 'Disability rate of {person} recognised by the CDAPH (in %)',
  },
  aah_restriction_substantielle_durable_acces_emploi: {
    fr: 'La CDAPH a-t-elle reconnu à {person} une restriction substantielle et durable d’accès à l’emploi ?',
    en: 'Has the CDAPH recognised that {person} has a substantial and lasting restriction in access to employment?',
  },
  etudiant: { fr: '{person} est élève ou étudiant(e) ?', en: 'Is {person} a pupil or student?' },
  stagiaire: { fr: '{person} est en stage ?', en: 'Is {person} an intern?' },
  apprenti: { fr: '{person} est apprenti(e) ?', en: 'Is {person} an apprentice?' },
  rpns_imposables: {
    fr: 'Revenus d’activité indépendante déclarés par {person}, {period} (montant annuel)',
    en: 'Self-employed income declared by {person}, {period} (yearly amount)',
  },
  rpns_micro_entreprise_chiffre_affaires: {
    fr: 'Chiffre d’affaires de micro-entreprise de {person}, {period} (montant annuel)',
    en: 'Micro-business turnover of {person}, {period} (yearly amount)',
  },
  rpns_benefice_exploitant_agricole: {
    fr: 'Bénéfice agricole de {person}, {period} (montant annuel)',
    en: 'Farming profit of {person}, {period} (yearly amount)',
  },
  rpns_autres_revenus: {
    fr: 'Autres bénéfices non salariés de {person} (BIC, BNC), {period} (montant annuel)',
    en: 'Other self-employed profits of {person}, {period} (yearly amount)',
  },
  loyer: { fr: 'Loyer mensuel, hors charges, {period}', en: 'Monthly rent, excluding charges, {period}' },
  coloc: { fr: 'Vivez-vous en colocation ?', en: 'Do you live in a flat-share?' },
  logement_chambre: { fr: 'Votre logement est-il une chambre ?', en: 'Is your home a single room?' },
  residence_mayotte: { fr: 'Habitez-vous à Mayotte ?', en: 'Do you live in Mayotte?' },
  rsa_isolement_recent: {
    fr: 'Vous élevez seul(e) vos enfants depuis moins de 18 mois (séparation, veuvage) ?',
    en: 'Have you been raising your children alone for less than 18 months (separation, bereavement)?',
  },
  departement_experimentation_rsa: {
    fr: 'Votre département calcule-t-il le RSA sur les ressources des mois M-4 à M-2 (département de l’expérimentation) ?',
    en: 'Does your département compute the RSA on the resources of months M-4 to M-2 (pilot département)?',
  },
};

/**
 * Topics gather a person's inputs under one yes/no the questionnaire asks first (« a un salaire »,
 * « est travailleur indépendant »): when the answer is no, every input of the topic is 0 or false.
 */
export const TOPICS: Record<string, Texts> = {
  salaire: { fr: 'Salaire', en: 'Salary' },
  chomage: { fr: 'Allocations chômage', en: 'Unemployment benefit' },
  retraite: { fr: 'Retraite', en: 'Pension' },
  independant: { fr: 'Activité indépendante (auto-entrepreneur, commerçant, agriculteur…)', en: 'Self-employment' },
  pension_alimentaire: { fr: 'Pension alimentaire reçue', en: 'Maintenance received' },
  handicap: { fr: 'Handicap reconnu par la CDAPH (MDPH)', en: 'Disability recognised by the CDAPH (MDPH)' },
  etudes: { fr: 'Études, stage ou apprentissage', en: 'Studies, internship or apprenticeship' },
  logement_particulier: {
    fr: 'Colocation, chambre, ou logement à Mayotte',
    en: 'Flat-share, room, or home in Mayotte',
  },
};

/** The topic of each input variable that has one. */
export const TOPIC_OF: Record<string, string> = {
  salaire_net: 'salaire',
  salaire_imposable: 'salaire',
  chomage_net: 'chomage',
  retraite_brute: 'retraite',
  rpns_imposables: 'independant',
  rpns_micro_entreprise_chiffre_affaires: 'independant',
  rpns_benefice_exploitant_agricole: 'independant',
  rpns_autres_revenus: 'independant',
  pensions_alimentaires_percues: 'pension_alimentaire',
  taux_incapacite: 'handicap',
  aah_restriction_substantielle_durable_acces_emploi: 'handicap',
  etudiant: 'etudes',
  stagiaire: 'etudes',
  apprenti: 'etudes',
  coloc: 'logement_particulier',
  logement_chambre: 'logement_particulier',
  residence_mayotte: 'logement_particulier',
};

/** Words for enumeration values, by variable then value. */
export const VALUE_LABELS: Record<string, Record<string, Texts>> = {
  statut_occupation_logement: {
    non_renseigne: { fr: 'Je préfère ne pas répondre', en: 'I prefer not to say' },
    primo_accedant: {
      fr: 'Propriétaire, je rembourse un prêt',
      en: 'Owner, repaying a loan',
    },
    proprietaire: { fr: 'Propriétaire, sans prêt en cours', en: 'Owner, no loan' },
    locataire_hlm: { fr: 'Locataire d’un logement social (HLM)', en: 'Tenant of social housing' },
    locataire_vide: { fr: 'Locataire d’un logement vide', en: 'Tenant, unfurnished' },
    locataire_meuble: { fr: 'Locataire d’un logement meublé', en: 'Tenant, furnished' },
    loge_gratuitement: { fr: 'Logé(e) gratuitement', en: 'Housed free of charge' },
    locataire_foyer: { fr: 'En foyer ou résidence sociale', en: 'In a hostel or social residence' },
    sans_domicile: { fr: 'Sans domicile stable', en: 'No fixed home' },
  },
};
