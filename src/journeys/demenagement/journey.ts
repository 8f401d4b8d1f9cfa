// The moving-house journey: from the day of the move to a year after it.
import { addMonths } from '../../platform/index.ts';
import { REMINDERS, type JourneyTemplate } from '../journey.ts';
import { registrationDeadline, type Ballot } from './electoral-roll.ts';

export type MovingFacts = {
  movedOn: string;
  /** The new commune is in Alsace-Moselle (two more public holidays). */
  isAlsaceMoselle: boolean;
  /** The household rents its home (housing aid). */
  isTenant: boolean;
  /** Children of the famille aged 3 to 15 on the day of the move: school is compulsory for them. */
  schoolChildren: number;
  /** The next ballot after the move, if one is scheduled. */
  nextBallot: Ballot | null;
};

const soon = REMINDERS.aWeekBefore;

export const movingJourney: JourneyTemplate<MovingFacts> = {
  id: 'demenagement',
  title: { fr: 'Je déménage', en: 'I am moving house' },
  startedBy: 'adresse',
  anchors: (facts) => ({
    moved: facts.movedOn,
    month_after_move: addMonths(`${facts.movedOn.slice(0, 8)}01`, 1),
    ...(facts.nextBallot ? { electoral_registration_by: registrationDeadline(facts.nextBallot.firstRoundOn) } : {}),
  }),
  endsAt: { from: 'moved', months: 12 },
  steps: [
    {
      id: 'signaler-adresse',
      title: { fr: 'Signaler votre nouvelle adresse une seule fois', en: 'Give your new address once' },
      explanation: {
        fr: 'Déclarez votre déménagement dans Guichet : la CAF, l’Assurance maladie, l’Assurance retraite, France Travail et les impôts reçoivent votre nouvelle adresse en même temps.',
        en: 'Declare your move in Guichet: the family allowance fund, health insurance, the pension fund, France Travail and the tax office get your new address at once.',
      },
      body: 'caf',
      opens: { from: 'moved', months: -1 },
      due: { from: 'moved' },
      completedBy: { declaration: 'adresse' },
      documents: [{ fr: 'Votre nouvelle adresse complète', en: 'Your full new address' }],
      link: 'https://www.service-public.fr/particuliers/vosdroits/R11193',
      legalBasis: [],
      reminders: soon,
    },
    {
      id: 'aide-logement',
      title: { fr: 'Demander l’aide au logement', en: 'Apply for housing aid' },
      explanation: {
        fr: 'Si vous louez votre nouveau logement, l’aide au logement (APL, ALF ou ALS) est calculée sur votre loyer et vos ressources. Elle est due à partir du mois qui suit votre entrée dans le logement : faites la demande dès votre arrivée.',
        en: 'If you rent your new home, housing aid (APL, ALF or ALS) depends on your rent and income. It is due from the month after you move in: apply as soon as you arrive.',
      },
      body: 'caf',
      when: ({ facts }) => facts.isTenant,
      opens: { from: 'moved' },
      due: { from: 'month_after_move' },
      amount: { variable: 'aide_logement' },
      documents: [
        { fr: 'Le bail et le montant du loyer', en: 'The lease and the rent' },
        {
          fr: 'Le RIB du bailleur si l’aide lui est versée',
          en: 'The landlord’s bank details if the aid is paid to them',
        },
      ],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F12006',
      legalBasis: ['Code de la construction et de l’habitation, livre VIII (aides personnelles au logement)'],
      reminders: soon,
    },
    {
      id: 'inscription-scolaire',
      title: { fr: 'Inscrire les enfants à l’école', en: 'Enrol the children at school' },
      explanation: {
        fr: 'L’instruction est obligatoire de 3 à 16 ans. Après un changement de résidence, inscrivez vos enfants dans les 8 jours : à la mairie pour l’école maternelle ou élémentaire, auprès du collège ou du lycée pour les plus grands.',
        en: 'Schooling is compulsory from 3 to 16. After a change of residence, enrol your children within 8 days: at the town hall for nursery or primary school, with the secondary school for older children.',
      },
      body: 'mairie',
      when: ({ facts }) => facts.schoolChildren > 0,
      opens: { from: 'moved', months: -2 },
      due: { from: 'moved', days: 8 },
      documents: [
        { fr: 'Le livret de famille ou un acte de naissance', en: 'The family record book or a birth certificate' },
        { fr: 'Un justificatif de domicile', en: 'Proof of address' },
        {
          fr: 'Le certificat de radiation de l’ancienne école',
          en: 'The leaving certificate from the previous school',
        },
      ],
      link: 'https://www.education.gouv.fr',
      legalBasis: ['Code de l’éducation, art. L131-1 et L131-5'],
      reminders: soon,
    },
    {
      id: 'contrats-energie',
      title: { fr: 'Électricité, gaz et chèque énergie', en: 'Electricity, gas and energy cheque' },
      explanation: {
        fr: 'Ouvrez vos contrats d’électricité et de gaz pour le jour de votre arrivée et résiliez ceux de l’ancien logement. Si vous recevez le chèque énergie, donnez votre nouvelle adresse sur chequeenergie.gouv.fr pour qu’il vous parvienne.',
        en: 'Open your electricity and gas contracts for the day you arrive and end those of your former home. If you receive the energy cheque, give your new address on chequeenergie.gouv.fr so that it reaches you.',
      },
      body: 'fournisseur_energie',
      opens: { from: 'moved', months: -1 },
      due: { from: 'moved' },
      documents: [
        {
          fr: 'Les relevés des compteurs le jour du départ et le jour de l’arrivée',
          en: 'Meter readings on the day you leave and the day you arrive',
        },
      ],
      link: 'https://www.energie-info.fr',
      legalBasis: ['Code de l’énergie, art. L124-1 (chèque énergie)'],
      reminders: soon,
    },
    {
      id: 'listes-electorales',
      title: { fr: 'S’inscrire sur les listes électorales', en: 'Register to vote in your new commune' },
      explanation: {
        fr: 'Inscrivez-vous dans votre nouvelle commune, en ligne ou à la mairie, à tout moment de l’année. Pour voter à un scrutin, la demande doit être faite au plus tard le 6e vendredi qui le précède. La date indiquée vaut pour le prochain scrutin prévu ; quand son jour n’est pas encore fixé, elle est calculée sur le premier jour possible.',
        en: 'Register in your new commune, online or at the town hall, at any time of the year. To vote at a ballot, apply by the 6th Friday before it at the latest. The date shown is for the next scheduled ballot; when its day is not fixed yet, it is worked out from the earliest possible day.',
      },
      body: 'mairie',
      when: ({ facts }) => facts.nextBallot !== null,
      opens: { from: 'moved' },
      due: { from: 'electoral_registration_by' },
      documents: [
        { fr: 'Une pièce d’identité', en: 'An identity document' },
        { fr: 'Un justificatif de domicile de moins de 3 mois', en: 'Proof of address less than 3 months old' },
      ],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F1367',
      legalBasis: ['Code électoral, art. L17'],
      reminders: [
        { daysBefore: 30, channels: ['app', 'email'] },
        { daysBefore: 7, channels: ['app', 'email', 'push'] },
      ],
    },
    {
      id: 'carte-grise',
      title: { fr: 'Changer l’adresse de votre carte grise', en: 'Change the address on your vehicle registration' },
      explanation: {
        fr: 'Si vous avez un véhicule, l’adresse de son certificat d’immatriculation doit être changée dans le mois qui suit le déménagement, en ligne sur le site de l’ANTS. C’est gratuit ; sans cela, l’amende est celle d’une contravention de 4e classe.',
        en: 'If you own a vehicle, the address on its registration certificate must be changed within a month of moving, online on the ANTS website. It is free; otherwise the fine is that of a 4th-class offence.',
      },
      body: 'ants',
      opens: { from: 'moved' },
      due: { from: 'moved', months: 1 },
      documents: [
        { fr: 'Le certificat d’immatriculation', en: 'The registration certificate' },
        { fr: 'Un justificatif de domicile de moins de 6 mois', en: 'Proof of address less than 6 months old' },
      ],
      link: 'https://immatriculation.ants.gouv.fr',
      legalBasis: ['Code de la route, art. R322-7'],
      reminders: soon,
    },
  ],
};
