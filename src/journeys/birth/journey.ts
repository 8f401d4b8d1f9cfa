// The birth journey: from the pregnancy declaration to the child's third birthday.
import { addDays, addMonths } from '../../platform/index.ts';
import { REMINDERS, type BodyId, type JourneyTemplate, type StepTemplate, type Text } from '../journey.ts';
import { maternityLeave, paternityLeave, type MaternityLeaveInput } from './leaves.ts';

export type BirthFacts = MaternityLeaveInput & {
  /** The mother's commune is in Alsace-Moselle (two more public holidays). */
  isAlsaceMoselle: boolean;
  /** A second parent lives in the household (paternity and second-parent leave). */
  hasSecondParent: boolean;
  /** The family is covered by the agricultural scheme: MSA instead of CAF and CPAM. */
  isAgricultural: boolean;
};

const family = (facts: BirthFacts): BodyId => (facts.isAgricultural ? 'msa' : 'caf');
const health = (facts: BirthFacts): BodyId => (facts.isAgricultural ? 'msa' : 'cpam');
const soon = REMINDERS.aWeekBefore;
const dayBefore = REMINDERS.theDayBefore;
// Once the child is born, what had to be done during the pregnancy is over.
const isBorn = ({ facts }: { facts: BirthFacts }) => Boolean(facts.birthDate);

// 39 weeks of pregnancy before the expected date: the "début de grossesse" the CPAM counts from.
const PREGNANCY_DAYS = 273;

const ORDINALS: Text[] = [
  { fr: '1er', en: '1st' },
  { fr: '2e', en: '2nd' },
  { fr: '3e', en: '3rd' },
  { fr: '4e', en: '4th' },
  { fr: '5e', en: '5th' },
  { fr: '6e', en: '6th' },
  { fr: '7e', en: '7th' },
];

// The 7 compulsory prenatal examinations: the 1st before the end of the 3rd month, then one each
// month from the 4th to the 9th (Code de la santé publique, art. R2122-1).
const prenatalExams: StepTemplate<BirthFacts>[] = ORDINALS.map((ordinal, index) => {
  const month = index === 0 ? 3 : index + 3;
  return {
    id: `examen-prenatal-${index + 1}`,
    title: { fr: `${ordinal.fr} examen prénatal`, en: `${ordinal.en} prenatal examination` },
    explanation: {
      fr:
        index === 0
          ? 'Le premier examen confirme la grossesse et fixe la date prévue. Il est pris en charge à 100 %.'
          : `Un examen par mois à partir du 4e mois : celui-ci a lieu pendant le ${month}e mois de grossesse. Il est pris en charge à 100 %.`,
      en:
        index === 0
          ? 'The first examination confirms the pregnancy and sets the expected date. It is fully covered.'
          : `One examination a month from the 4th month: this one takes place in month ${month} of the pregnancy. It is fully covered.`,
    },
    body: health,
    opens: { from: 'pregnancy_start', months: index === 0 ? 0 : month - 1 },
    due: { from: 'pregnancy_start', months: month, days: -1 },
    isOver: isBorn,
    link: 'https://www.ameli.fr/assure/sante/themes/grossesse/suivi-medical-grossesse',
    legalBasis: ['Code de la santé publique, art. L2122-1 et R2122-1'],
    reminders: soon,
  };
});

export const birthJourney: JourneyTemplate<BirthFacts> = {
  id: 'naissance',
  title: { fr: 'J’attends un enfant', en: 'I am expecting a child' },
  startedBy: 'grossesse',
  anchors: (facts) => {
    const birth = facts.birthDate ?? facts.expectedBirthDate;
    const maternity = maternityLeave(facts);
    const paternity = paternityLeave({ birthDate: birth, expectedChildren: facts.expectedChildren }, facts);
    return {
      pregnancy_start: addDays(facts.expectedBirthDate, -PREGNANCY_DAYS),
      expected_birth: facts.expectedBirthDate,
      birth,
      maternity_leave_start: maternity.start,
      maternity_leave_end: maternity.end,
      paternity_compulsory_start: paternity.compulsory.start,
      paternity_remaining_by: paternity.remainingBy,
      month_after_birth: addMonths(`${birth.slice(0, 8)}01`, 1),
    };
  },
  endsAt: { from: 'birth', months: 36 },
  steps: [
    {
      id: 'declarer-grossesse',
      title: { fr: 'Déclarer la grossesse', en: 'Declare the pregnancy' },
      explanation: {
        fr: 'Avant la fin de la 14e semaine de grossesse. Votre médecin ou votre sage-femme la transmet en ligne ; Guichet prévient aussi votre caisse d’allocations familiales. C’est ce qui ouvre la prime à la naissance et la prise en charge à 100 %.',
        en: 'Before the end of the 14th week of pregnancy. Your doctor or midwife sends it online; Guichet also tells your family allowance fund. It opens the birth grant and full coverage of care.',
      },
      body: health,
      due: { from: 'pregnancy_start', weeks: 14, days: -1 },
      completedBy: { declaration: 'grossesse' },
      isOver: isBorn,
      documents: [{ fr: 'Le certificat du premier examen prénatal', en: 'The first prenatal examination certificate' }],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F963',
      legalBasis: ['Code de la santé publique, art. L2122-1 et R2122-1'],
      reminders: soon,
    },
    ...prenatalExams,
    {
      id: 'prime-naissance',
      title: { fr: 'Prime à la naissance', en: 'Birth grant' },
      explanation: {
        fr: 'Versée au cours du 7e mois de grossesse si vos ressources ne dépassent pas le plafond. Une prime par enfant attendu.',
        en: 'Paid during the 7th month of pregnancy if your income is under the ceiling. One grant per expected child.',
      },
      body: family,
      opens: { from: 'pregnancy_start', months: 6 },
      due: { from: 'pregnancy_start', months: 7, days: -1 },
      completedBy: { payment: 'paje_naissance' },
      amount: { variable: 'paje_naissance' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F2550',
      legalBasis: ['Code de la sécurité sociale, art. L531-2 et D531-2'],
      reminders: dayBefore,
    },
    {
      id: 'prevenir-employeur',
      title: {
        fr: 'Prévenir votre employeur de votre congé de maternité',
        en: 'Tell your employer about your maternity leave',
      },
      explanation: {
        fr: 'Par lettre recommandée ou remise en main propre, avec le certificat médical de grossesse et les dates du congé.',
        en: 'By registered letter or by hand, with the medical certificate and the dates of your leave.',
      },
      body: 'employeur',
      due: { from: 'maternity_leave_start', weeks: -2 },
      isOver: isBorn,
      documents: [{ fr: 'Le certificat médical de grossesse', en: 'The medical certificate of pregnancy' }],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F2265',
      legalBasis: ['Code du travail, art. L1225-24'],
      reminders: soon,
    },
    {
      id: 'conge-maternite',
      title: { fr: 'Début du congé de maternité', en: 'Maternity leave starts' },
      explanation: {
        fr: 'Ses dates dépendent de la date prévue, du nombre d’enfants déjà nés et du nombre d’enfants attendus. L’Assurance maladie verse des indemnités journalières pendant le congé.',
        en: 'Its dates depend on the expected date, the children already born and the number expected. Health insurance pays daily allowances during the leave.',
      },
      body: health,
      due: { from: 'maternity_leave_start' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F2265',
      legalBasis: ['Code du travail, art. L1225-17 à L1225-21', 'Code de la sécurité sociale, art. L331-3'],
      reminders: soon,
    },
    {
      id: 'declarer-naissance',
      title: { fr: 'Déclarer la naissance à la mairie', en: 'Register the birth at the town hall' },
      explanation: {
        fr: 'Dans les 5 jours qui suivent la naissance (le jour de la naissance ne compte pas ; un délai qui finit un samedi, un dimanche ou un jour férié va jusqu’au jour ouvré suivant). Souvent faite depuis la maternité. Guichet transmet ensuite la naissance à la CAF, à l’Assurance maladie et aux impôts.',
        en: 'Within 5 days of the birth (the day of birth does not count; a deadline ending on a Saturday, Sunday or public holiday moves to the next working day). Often done from the maternity ward. Guichet then tells the family allowance fund, health insurance and the tax office.',
      },
      body: 'etat_civil',
      opens: { from: 'birth' },
      due: { from: 'birth', days: 5, extendToBusinessDay: true },
      completedBy: { declaration: 'naissance' },
      documents: [
        {
          fr: 'La déclaration de reconnaissance, si elle a été faite',
          en: 'The acknowledgement of the child, if made',
        },
        { fr: 'Le livret de famille, si vous en avez un', en: 'The family record book, if you have one' },
        { fr: 'Le certificat d’accouchement', en: 'The delivery certificate' },
      ],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F961',
      legalBasis: ['Code civil, art. 55'],
      reminders: dayBefore,
    },
    {
      id: 'rattacher-enfant',
      title: { fr: 'Inscrire l’enfant sur votre carte Vitale', en: 'Add the child to your health insurance' },
      explanation: {
        fr: 'Pour que ses soins soient remboursés. Vous pouvez le rattacher aux deux parents.',
        en: 'So that the child’s care is reimbursed. The child can be added to both parents.',
      },
      body: health,
      opens: { from: 'birth' },
      due: { from: 'birth', months: 1 },
      link: 'https://www.ameli.fr/assure/droits-demarches/famille/naissance-adoption/naissance-enfant',
      legalBasis: ['Code de la sécurité sociale, art. L160-2'],
      reminders: soon,
    },
    {
      id: 'conge-paternite-obligatoire',
      title: { fr: 'Congé de paternité : les 4 jours obligatoires', en: 'Paternity leave: the 4 compulsory days' },
      explanation: {
        fr: 'Juste après les 3 jours de congé de naissance payés par l’employeur. Prévenez l’employeur de la date prévue au moins un mois avant.',
        en: 'Right after the 3 days of birth leave paid by the employer. Tell the employer the expected date at least a month before.',
      },
      body: health,
      when: ({ facts }) => facts.hasSecondParent,
      due: { from: 'paternity_compulsory_start' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F3156',
      legalBasis: ['Code du travail, art. L1225-35 et L3142-4', 'Code de la sécurité sociale, art. L331-8'],
      reminders: soon,
    },
    {
      id: 'conge-paternite-reste',
      title: { fr: 'Congé de paternité : les jours restants', en: 'Paternity leave: the remaining days' },
      explanation: {
        fr: '21 jours (28 pour une naissance multiple), en une ou deux fois d’au moins 5 jours, dans les 6 mois qui suivent la naissance.',
        en: '21 days (28 for a multiple birth), at once or in two parts of at least 5 days, within 6 months of the birth.',
      },
      body: health,
      when: ({ facts }) => facts.hasSecondParent,
      opens: { from: 'birth' },
      due: { from: 'paternity_remaining_by' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F3156',
      legalBasis: ['Code du travail, art. L1225-35 et D1225-8'],
      reminders: [{ daysBefore: 30, channels: ['app', 'email'] }],
    },
    {
      id: 'allocation-base',
      title: { fr: 'Allocation de base de la Paje', en: 'PAJE basic allowance' },
      explanation: {
        fr: 'Versée chaque mois à partir du mois qui suit la naissance, jusqu’aux 3 ans de l’enfant, si vos ressources le permettent. Rien à demander : la déclaration de naissance suffit.',
        en: 'Paid each month from the month after the birth until the child is 3, depending on income. Nothing to ask: the birth declaration is enough.',
      },
      body: family,
      due: { from: 'month_after_birth' },
      completedBy: { payment: 'paje_base' },
      amount: { variable: 'paje_base' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F2552',
      legalBasis: ['Code de la sécurité sociale, art. L531-3 et D531-3'],
      reminders: dayBefore,
    },
    {
      id: 'allocations-familiales',
      title: { fr: 'Allocations familiales', en: 'Family allowances' },
      explanation: {
        fr: 'Dès le 2e enfant à charge, versées chaque mois à partir du mois qui suit la naissance.',
        en: 'From the 2nd dependent child, paid each month from the month after the birth.',
      },
      body: family,
      when: ({ facts }) => facts.previousChildren + facts.expectedChildren >= 2,
      due: { from: 'month_after_birth' },
      completedBy: { payment: 'af' },
      amount: { variable: 'af' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F13213',
      legalBasis: ['Code de la sécurité sociale, art. L521-1'],
      reminders: dayBefore,
    },
    {
      id: 'mode-de-garde',
      title: { fr: 'Choisir un mode de garde', en: 'Choose childcare' },
      explanation: {
        fr: 'Crèche, assistante maternelle ou garde à domicile : inscrivez-vous tôt. Le complément de libre choix du mode de garde (CMG) aide à payer une assistante maternelle ou une garde à domicile.',
        en: 'Nursery, childminder or home care: register early. The CMG helps pay a childminder or home care.',
      },
      body: family,
      opens: { from: 'pregnancy_start', months: 5 },
      due: { from: 'maternity_leave_end', months: -1 },
      link: 'https://monenfant.fr',
      legalBasis: ['Code de la sécurité sociale, art. L531-5'],
      reminders: soon,
    },
    {
      id: 'prelevement-a-la-source',
      title: { fr: 'Signaler la naissance aux impôts', en: 'Tell the tax office about the birth' },
      explanation: {
        fr: 'Dans les 60 jours, pour que votre taux de prélèvement à la source tienne compte de l’enfant. Guichet transmet la naissance ; vérifiez votre taux dans votre espace impots.gouv.fr.',
        en: 'Within 60 days, so that your withholding rate counts the child. Guichet passes the birth on; check your rate on impots.gouv.fr.',
      },
      body: 'dgfip',
      opens: { from: 'birth' },
      due: { from: 'birth', days: 60 },
      link: 'https://www.impots.gouv.fr/particulier/je-signale-un-changement-de-situation-de-famille',
      legalBasis: ['Code général des impôts, art. 204 I'],
      reminders: soon,
    },
    {
      id: 'mutuelle',
      title: { fr: 'Ajouter l’enfant à votre mutuelle', en: 'Add the child to your top-up health insurance' },
      explanation: {
        fr: 'Prévenez votre complémentaire santé : la plupart demandent l’acte de naissance dans le mois.',
        en: 'Tell your top-up insurer: most ask for the birth certificate within a month.',
      },
      body: health,
      opens: { from: 'birth' },
      due: { from: 'birth', months: 1 },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F20742',
      legalBasis: [],
      reminders: soon,
    },
  ],
};
