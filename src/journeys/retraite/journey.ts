// The retirement journey: from 6 months before the chosen date to a year after it.
import { REMINDERS, type JourneyTemplate, type Reminder } from '../journey.ts';

export type RetirementFacts = {
  /** The day the pension starts (always the 1st of a month). */
  retiresOn: string;
  isAlsaceMoselle: boolean;
  /** Age in whole years on the day the pension starts. */
  ageAtRetirement: number;
  /** The person is an employee today (notice to the employer). */
  isEmployee: boolean;
};

const soon = REMINDERS.aWeekBefore;
const monthBefore: Reminder[] = [
  { daysBefore: 30, channels: ['app', 'email'] },
  { daysBefore: 7, channels: ['app', 'email', 'push'] },
];

export const retirementJourney: JourneyTemplate<RetirementFacts> = {
  id: 'retraite',
  title: { fr: 'Je pars à la retraite', en: 'I am retiring' },
  startedBy: 'activite',
  anchors: (facts) => ({ retirement: facts.retiresOn }),
  endsAt: { from: 'retirement', months: 12 },
  steps: [
    {
      id: 'demande-retraite',
      title: { fr: 'Demander votre retraite de base', en: 'Claim your basic pension' },
      explanation: {
        fr: 'Une seule demande en ligne sur info-retraite.fr vaut pour tous vos régimes. Faites-la 4 à 6 mois avant la date choisie : la pension ne peut pas commencer avant le 1er jour du mois qui suit la demande.',
        en: 'One online claim on info-retraite.fr covers all your schemes. Make it 4 to 6 months before the chosen date: the pension cannot start before the 1st of the month after the claim.',
      },
      body: 'cnav',
      opens: { from: 'retirement', months: -6 },
      due: { from: 'retirement', months: -4 },
      documents: [
        { fr: 'Votre relevé de carrière vérifié', en: 'Your checked career statement' },
        { fr: 'Un RIB', en: 'Your bank details' },
      ],
      link: 'https://www.info-retraite.fr',
      legalBasis: ['Code de la sécurité sociale, art. L351-1 et R351-37'],
      reminders: monthBefore,
    },
    {
      id: 'retraite-complementaire',
      title: { fr: 'Retraite complémentaire Agirc-Arrco', en: 'Agirc-Arrco supplementary pension' },
      explanation: {
        fr: 'Si vous avez été salarié du privé, la demande en ligne sur info-retraite.fr vaut aussi pour l’Agirc-Arrco. Vérifiez que la date de départ est la même dans les deux régimes.',
        en: 'If you worked in the private sector, the online claim on info-retraite.fr also covers Agirc-Arrco. Check the start date is the same in both schemes.',
      },
      body: 'agirc_arrco',
      opens: { from: 'retirement', months: -6 },
      due: { from: 'retirement', months: -4 },
      link: 'https://www.agirc-arrco.fr',
      legalBasis: ['Accord national interprofessionnel du 17 novembre 2017 (régime Agirc-Arrco)'],
      reminders: monthBefore,
    },
    {
      id: 'prevenir-employeur',
      title: { fr: 'Prévenir votre employeur', en: 'Tell your employer' },
      explanation: {
        fr: 'Un départ volontaire à la retraite se fait avec le même préavis qu’un licenciement : 1 mois après 6 mois d’ancienneté, 2 mois après 2 ans (sauf convention plus favorable). Écrivez-lui au moins 2 mois avant.',
        en: 'Voluntary retirement takes the same notice as a dismissal: 1 month after 6 months’ service, 2 months after 2 years (unless the collective agreement says better). Write at least 2 months before.',
      },
      body: 'employeur',
      when: ({ facts }) => facts.isEmployee,
      due: { from: 'retirement', months: -2 },
      link: 'https://code.travail.gouv.fr',
      legalBasis: ['Code du travail, art. L1237-9 et L1237-10', 'Code du travail, art. L1234-1'],
      reminders: soon,
    },
    {
      id: 'aspa',
      title: { fr: 'Allocation de solidarité aux personnes âgées (Aspa)', en: 'Old-age solidarity allowance (ASPA)' },
      explanation: {
        fr: 'À partir de 65 ans, si vos ressources sont faibles, l’Aspa complète votre retraite jusqu’à un minimum. Elle se demande à votre caisse de retraite.',
        en: 'From 65, if your income is low, the ASPA tops your pension up to a minimum. Claim it from your pension fund.',
      },
      body: 'cnav',
      when: ({ facts }) => facts.ageAtRetirement >= 65,
      opens: { from: 'retirement', months: -4 },
      due: { from: 'retirement' },
      amount: { variable: 'aspa' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F16871',
      legalBasis: ['Code de la sécurité sociale, art. L815-1'],
      reminders: soon,
    },
    {
      id: 'complementaire-sante-solidaire',
      title: { fr: 'Complémentaire santé solidaire', en: 'Solidarity health cover (CSS)' },
      explanation: {
        fr: 'La mutuelle d’entreprise s’arrête avec votre contrat. Si vos ressources sont modestes, la complémentaire santé solidaire prend en charge vos soins, gratuitement ou pour moins de 1 € par jour selon vos ressources.',
        en: 'Your workplace health cover ends with your contract. If your income is modest, the solidarity health cover pays for your care, free or for under €1 a day depending on income.',
      },
      body: 'cpam',
      opens: { from: 'retirement', months: -2 },
      due: { from: 'retirement' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F10027',
      legalBasis: ['Code de la sécurité sociale, art. L861-1'],
      reminders: soon,
    },
  ],
};
