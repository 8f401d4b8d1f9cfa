// The job-loss journey: from the end of the employment contract to a year after it.
import { addMonths } from '../../platform/index.ts';
import { REMINDERS, type JourneyTemplate } from '../journey.ts';

export type JobLossFacts = {
  /** The last day of the employment contract. */
  contractEndedOn: string;
  isAlsaceMoselle: boolean;
  /** The person was an employee (an employer's group health cover can carry on). */
  wasEmployee: boolean;
};

const soon = REMINDERS.aWeekBefore;

export const jobLossJourney: JourneyTemplate<JobLossFacts> = {
  id: 'perte-emploi',
  title: { fr: 'J’ai perdu mon emploi', en: 'I have lost my job' },
  startedBy: 'activite',
  anchors: (facts) => ({
    contract_end: facts.contractEndedOn,
    month_after_end: addMonths(`${facts.contractEndedOn.slice(0, 8)}01`, 1),
  }),
  endsAt: { from: 'contract_end', months: 12 },
  steps: [
    {
      id: 'signaler-fin-contrat',
      title: { fr: 'Signaler la fin de votre emploi une seule fois', en: 'Report the end of your job once' },
      explanation: {
        fr: 'Déclarez la fin de votre contrat et vos nouveaux revenus dans Guichet : la CAF, l’Assurance maladie et France Travail en sont informées en même temps.',
        en: 'Declare the end of your contract and your new income in Guichet: the family allowance fund, health insurance and France Travail are told at once.',
      },
      body: 'france_travail',
      due: { from: 'contract_end', days: 7 },
      completedBy: { declaration: 'activite', declaredBy: 'person' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F14860',
      legalBasis: [],
      reminders: soon,
    },
    {
      id: 'inscription-france-travail',
      title: {
        fr: 'S’inscrire à France Travail et demander l’allocation chômage (ARE)',
        en: 'Register with France Travail and claim unemployment benefit (ARE)',
      },
      explanation: {
        fr: 'Inscrivez-vous dès le lendemain de la fin de votre contrat : l’allocation d’aide au retour à l’emploi (ARE) n’est versée qu’à partir de l’inscription, après un délai d’attente de 7 jours. La demande doit être faite dans les 12 mois qui suivent la fin du contrat ; au-delà, les droits issus de ce contrat sont perdus.',
        en: 'Register from the day after your contract ends: the unemployment benefit (ARE) is paid only from registration, after a 7-day waiting period. The claim must be made within 12 months of the end of the contract; after that, the rights earned by that contract are lost.',
      },
      body: 'france_travail',
      opens: { from: 'contract_end', days: 1 },
      due: { from: 'contract_end', months: 12 },
      documents: [
        {
          fr: 'L’attestation employeur (remise à la fin du contrat)',
          en: 'The employer’s certificate (given at the end of the contract)',
        },
        { fr: 'Un RIB', en: 'Your bank details' },
        { fr: 'Une pièce d’identité', en: 'An identity document' },
      ],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F14860',
      legalBasis: [
        'Code du travail, art. L5411-1 et L5422-1',
        'Règlement d’assurance chômage annexé au décret n° 2019-797 du 26 juillet 2019',
      ],
      // The deadline is a year away: remind from the first week, and again before it runs out.
      reminders: [
        { daysBefore: 358, channels: ['app', 'email', 'push'] },
        { daysBefore: 30, channels: ['app', 'email', 'push'] },
      ],
    },
    {
      id: 'rsa-prime-activite',
      title: {
        fr: 'Faire réexaminer le RSA et la prime d’activité',
        en: 'Have your RSA and activity bonus reassessed',
      },
      explanation: {
        fr: 'Vos revenus baissent : la CAF recalcule le RSA et la prime d’activité sur vos ressources des 3 derniers mois. Déclarez-les à la prochaine déclaration trimestrielle, ou faites une demande si vous n’en receviez pas.',
        en: 'Your income falls: the family allowance fund recalculates RSA and the activity bonus on your income of the last 3 months. Report it in your next quarterly return, or apply if you did not receive them.',
      },
      body: 'caf',
      opens: { from: 'contract_end' },
      due: { from: 'month_after_end' },
      amount: { variable: 'rsa' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F19778',
      legalBasis: ['Code de l’action sociale et des familles, art. L262-2', 'Code de la sécurité sociale, art. L841-1'],
      reminders: soon,
    },
    {
      id: 'complementaire-sante-solidaire',
      title: { fr: 'Demander la complémentaire santé solidaire', en: 'Apply for the solidarity health cover (CSS)' },
      explanation: {
        fr: 'Avec des revenus plus bas, la complémentaire santé solidaire peut prendre en charge vos soins sans reste à payer, gratuitement ou pour moins de 1 € par jour et par personne selon vos ressources.',
        en: 'With a lower income, the solidarity health cover can pay for your care with nothing left to pay, free or for under €1 a day per person depending on income.',
      },
      body: 'cpam',
      opens: { from: 'contract_end' },
      due: { from: 'month_after_end', months: 1 },
      documents: [{ fr: 'Vos ressources des 12 derniers mois', en: 'Your income of the last 12 months' }],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F10027',
      legalBasis: ['Code de la sécurité sociale, art. L861-1'],
      reminders: soon,
    },
    {
      id: 'portabilite-mutuelle',
      title: { fr: 'Votre mutuelle d’entreprise continue (portabilité)', en: 'Your workplace health cover carries on' },
      explanation: {
        fr: 'Si vous êtes indemnisé par l’assurance chômage, la complémentaire santé et la prévoyance de votre ancien employeur restent gratuites pendant la durée de votre dernier contrat, 12 mois au plus. Envoyez à l’organisme le justificatif de votre indemnisation, et prévoyez une autre couverture avant la fin.',
        en: 'If you receive unemployment benefit, your former employer’s health and protection cover stays free for the length of your last contract, 12 months at most. Send the insurer proof of your benefit, and arrange other cover before it ends.',
      },
      body: 'employeur',
      when: ({ facts }) => facts.wasEmployee,
      opens: { from: 'contract_end', days: 1 },
      due: { from: 'contract_end', months: 12 },
      documents: [
        { fr: 'L’attestation d’indemnisation de France Travail', en: 'France Travail’s benefit certificate' },
      ],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F10027',
      legalBasis: ['Code de la sécurité sociale, art. L911-8'],
      reminders: [{ daysBefore: 30, channels: ['app', 'email'] }],
    },
  ],
};
