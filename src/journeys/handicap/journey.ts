// The disability journey: one file at the MDPH opens every right; no declaration starts it, so its
// dates run from the day Guichet first found the disability in the person's file (facts.ts).
import { addMonths } from '../../platform/index.ts';
import { REMINDERS, type JourneyTemplate } from '../journey.ts';

export type DisabilityFacts = {
  /** The day Guichet first found the disability in the person's file. */
  startedOn: string;
  isAlsaceMoselle: boolean;
  /** The person's own disability rate (0 when none), for the adult's rights. */
  ownRate: number;
  /** The person is of working age (16 to 61): recognition as a disabled worker. */
  isOfWorkingAge: boolean;
  /** Children of the famille under 20 with a disability rate of 50 % or more. */
  childrenWithDisability: number;
};

const soon = REMINDERS.aWeekBefore;
const adult = ({ facts }: { facts: DisabilityFacts }) => facts.ownRate >= 50;

// The CDAPH's answer: its silence for 4 months after the file is complete is a refusal
// (Code de l’action sociale et des familles, art. R241-33).
const DECISION = { from: 'file', months: 4 } as const;
// No legal deadline for the file itself, but the AAH runs from the month after it is filed
// (Code de la sécurité sociale, art. R821-7): Guichet asks for it within the first month.
const FILE_WITHIN_MONTHS = 1;

export const disabilityJourney: JourneyTemplate<DisabilityFacts> = {
  id: 'handicap',
  title: { fr: 'Handicap : faire valoir mes droits', en: 'Disability: claiming my rights' },
  startedBy: 'handicap',
  anchors: (facts) => ({ start: facts.startedOn, file: addMonths(facts.startedOn, FILE_WITHIN_MONTHS) }),
  endsAt: { from: 'start', months: 12 },
  steps: [
    {
      id: 'dossier-mdph',
      title: { fr: 'Déposer le dossier unique à la MDPH', en: 'File the single application with the MDPH' },
      explanation: {
        fr: 'Un seul formulaire, avec un certificat médical de moins d’un an, suffit pour demander à la maison départementale des personnes handicapées toutes les aides : AAH, AEEH, RQTH, carte mobilité inclusion. Vous pouvez le déposer en ligne dans la plupart des départements.',
        en: 'One form, with a medical certificate less than a year old, is enough to ask the departmental disability centre for every right: AAH, AEEH, RQTH, mobility inclusion card. It can be filed online in most départements.',
      },
      body: 'mdph',
      due: { from: 'file' },
      documents: [
        { fr: 'Le formulaire de demande (cerfa n° 15692)', en: 'The application form (cerfa no. 15692)' },
        { fr: 'Le certificat médical de moins d’un an', en: 'The medical certificate less than a year old' },
        { fr: 'Un justificatif d’identité et de domicile', en: 'Proof of identity and address' },
      ],
      link: 'https://www.monparcourshandicap.gouv.fr',
      legalBasis: ['Code de l’action sociale et des familles, art. L146-3 et L241-6'],
      reminders: soon,
    },
    {
      id: 'aah',
      title: { fr: 'Allocation aux adultes handicapés (AAH)', en: 'Disabled adult allowance (AAH)' },
      explanation: {
        fr: 'Avec un taux d’incapacité d’au moins 80 %, ou de 50 à 79 % avec une restriction substantielle et durable d’accès à l’emploi reconnue par la CDAPH, la CAF verse l’AAH selon vos ressources. La date est celle à laquelle la CDAPH doit avoir répondu.',
        en: 'With a disability rate of at least 80%, or 50 to 79% with a substantial and lasting restriction of access to work recognised by the CDAPH, the family allowance fund pays the AAH depending on income. The date is when the CDAPH must have answered.',
      },
      body: 'caf',
      when: adult,
      opens: { from: 'start' },
      due: DECISION,
      amount: { variable: 'aah' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F12242',
      legalBasis: ['Code de la sécurité sociale, art. L821-1 et L821-2'],
      reminders: soon,
    },
    {
      id: 'rqth',
      title: {
        fr: 'Reconnaissance de la qualité de travailleur handicapé (RQTH)',
        en: 'Recognition as a disabled worker (RQTH)',
      },
      explanation: {
        fr: 'Elle ouvre l’accès à l’emploi accompagné, aux aménagements de poste et à l’obligation d’emploi des entreprises. Elle se demande dans le même dossier MDPH.',
        en: 'It opens supported employment, workplace adjustments and companies’ duty to employ disabled workers. Ask for it in the same MDPH file.',
      },
      body: 'mdph',
      when: ({ facts }) => facts.ownRate > 0 && facts.isOfWorkingAge,
      opens: { from: 'start' },
      due: DECISION,
      link: 'https://www.service-public.fr/particuliers/vosdroits/F1650',
      legalBasis: ['Code du travail, art. L5213-1 et L5213-2'],
      reminders: soon,
    },
    {
      id: 'aeeh',
      title: {
        fr: 'Allocation d’éducation de l’enfant handicapé (AEEH)',
        en: 'Disabled child education allowance (AEEH)',
      },
      explanation: {
        fr: 'Pour un enfant de moins de 20 ans avec un taux d’incapacité d’au moins 80 %, ou de 50 à 79 % s’il va dans un établissement spécialisé ou a besoin de soins, la CAF verse l’AEEH, sans condition de ressources, et un complément selon les frais et l’arrêt d’activité d’un parent.',
        en: 'For a child under 20 with a disability rate of at least 80%, or 50 to 79% if attending a specialised establishment or needing care, the family allowance fund pays the AEEH, not means-tested, and a supplement for costs and a parent’s reduced work.',
      },
      body: 'caf',
      when: ({ facts }) => facts.childrenWithDisability > 0,
      opens: { from: 'start' },
      due: DECISION,
      link: 'https://www.service-public.fr/particuliers/vosdroits/F14809',
      legalBasis: ['Code de la sécurité sociale, art. L541-1'],
      reminders: soon,
    },
    {
      id: 'carte-mobilite-inclusion',
      title: { fr: 'Carte mobilité inclusion (CMI)', en: 'Mobility inclusion card (CMI)' },
      explanation: {
        fr: 'Mentions « invalidité », « priorité » ou « stationnement » : elle donne priorité dans les files et les transports, et le stationnement gratuit sur les places ouvertes au public. Elle se demande dans le même dossier.',
        en: '“Invalidité”, “priorité” or “stationnement”: it gives priority in queues and transport, and free parking on public spaces. Ask for it in the same file.',
      },
      body: 'mdph',
      when: ({ facts }) => facts.ownRate >= 50 || facts.childrenWithDisability > 0,
      opens: { from: 'start' },
      due: DECISION,
      link: 'https://www.service-public.fr/particuliers/vosdroits/F34049',
      legalBasis: ['Code de l’action sociale et des familles, art. L241-3'],
      reminders: soon,
    },
  ],
};
