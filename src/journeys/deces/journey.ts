// The journey after the death of a relative: from the day of death to a year after it.
import { REMINDERS, type JourneyTemplate } from '../journey.ts';

export type BereavementFacts = {
  diedOn: string;
  /** The commune of death is in Alsace-Moselle (two more public holidays). */
  isAlsaceMoselle: boolean;
  /** Who the deceased was to the person. */
  relation: 'conjoint' | 'enfant' | 'parent' | 'autre';
};

const soon = REMINDERS.aWeekBefore;
const dayOf = REMINDERS.onTheDay;

export const bereavementJourney: JourneyTemplate<BereavementFacts> = {
  id: 'deces',
  title: { fr: 'Un proche est décédé', en: 'A relative has died' },
  startedBy: 'deces',
  anchors: (facts) => ({ death: facts.diedOn }),
  endsAt: { from: 'death', months: 12 },
  steps: [
    {
      id: 'declarer-deces-mairie',
      title: { fr: 'Déclarer le décès à la mairie', en: 'Register the death at the town hall' },
      explanation: {
        fr: 'À la mairie de la commune du décès, dans les 24 heures (les samedis, dimanches et jours fériés ne comptent pas). À l’hôpital ou en maison de retraite, l’établissement s’en charge souvent ; les pompes funèbres peuvent aussi le faire. La mairie établit l’acte de décès.',
        en: 'At the town hall of the commune of death, within 24 hours (Saturdays, Sundays and public holidays do not count). In a hospital or care home the establishment often does it; the funeral director can too. The town hall draws up the death certificate.',
      },
      body: 'etat_civil',
      due: { from: 'death', businessDays: 1 },
      documents: [
        { fr: 'Le certificat de décès établi par le médecin', en: 'The death certificate signed by the doctor' },
        {
          fr: 'Le livret de famille ou une pièce d’identité du défunt',
          en: 'The family record book or an identity document of the deceased',
        },
        { fr: 'Votre pièce d’identité', en: 'Your identity document' },
      ],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F1444',
      legalBasis: ['Code civil, art. 78'],
      reminders: dayOf,
    },
    {
      id: 'signaler-deces',
      title: { fr: 'Prévenir les organismes une seule fois', en: 'Tell the public bodies once' },
      explanation: {
        fr: 'Déclarez le décès dans Guichet : la CAF, l’Assurance maladie, l’Assurance retraite, France Travail et les impôts sont prévenus en même temps, et les versements au nom du défunt s’arrêtent.',
        en: 'Declare the death in Guichet: the family allowance fund, health insurance, the pension fund, France Travail and the tax office are told at once, and payments in the deceased’s name stop.',
      },
      body: 'cnav',
      due: { from: 'death', months: 1 },
      completedBy: { declaration: 'deces' },
      link: 'https://www.impots.gouv.fr/particulier/je-signale-un-changement-de-situation-de-famille',
      legalBasis: [],
      reminders: soon,
    },
    {
      id: 'capital-deces',
      title: { fr: 'Demander le capital décès', en: 'Claim the death grant' },
      explanation: {
        fr: 'Si le défunt était salarié, au chômage indemnisé ou en invalidité, l’Assurance maladie verse un capital décès. Les proches qui étaient à sa charge ont 1 mois pour le demander en priorité ; ensuite, le conjoint, les enfants puis les parents peuvent le demander.',
        en: 'If the deceased was employed, receiving unemployment benefit or an invalidity pension, health insurance pays a death grant. Relatives who depended on them have 1 month to claim it first; after that, the spouse, the children then the parents may claim it.',
      },
      body: 'cpam',
      when: ({ facts }) => facts.relation !== 'autre',
      due: { from: 'death', months: 1 },
      documents: [
        { fr: 'L’acte de décès', en: 'The death certificate' },
        { fr: 'Un justificatif de votre lien avec le défunt', en: 'Proof of your relationship to the deceased' },
      ],
      link: 'https://www.ameli.fr/assure/remboursements/pensions-allocations-rentes/capital-deces',
      legalBasis: ['Code de la sécurité sociale, art. L361-1 et L361-4'],
      reminders: soon,
    },
    {
      id: 'pension-reversion',
      title: { fr: 'Demander la pension de réversion', en: 'Claim the survivor’s pension' },
      explanation: {
        fr: 'Le conjoint survivant peut recevoir une part de la retraite du défunt, sous conditions de ressources au régime général. Demandée dans les 12 mois, elle part du 1er jour du mois qui suit le décès ; plus tard, seulement du mois qui suit la demande. Une seule demande en ligne vaut pour tous les régimes.',
        en: 'The surviving spouse can receive part of the deceased’s pension, means-tested in the general scheme. Claimed within 12 months, it starts on the 1st of the month after the death; later, only from the month after the claim. One online claim covers all schemes.',
      },
      body: 'cnav',
      when: ({ facts }) => facts.relation === 'conjoint',
      due: { from: 'death', months: 12 },
      documents: [{ fr: 'L’acte de décès', en: 'The death certificate' }],
      link: 'https://www.info-retraite.fr',
      legalBasis: ['Code de la sécurité sociale, art. L353-1 et R353-7'],
      reminders: [
        { daysBefore: 60, channels: ['app', 'email'] },
        { daysBefore: 7, channels: ['app', 'email', 'push'] },
      ],
    },
    {
      id: 'declaration-succession',
      title: { fr: 'Déclarer la succession', en: 'File the estate declaration' },
      explanation: {
        fr: 'Les héritiers déposent la déclaration de succession aux impôts dans les 6 mois du décès (12 mois s’il a eu lieu hors de France), le plus souvent par un notaire, qui est obligatoire s’il y a un bien immobilier. Une petite succession en ligne directe peut en être dispensée.',
        en: 'The heirs file the estate declaration with the tax office within 6 months of the death (12 months if it happened outside France), usually through a notary, who is required when there is real estate. A small estate passing to children or parents may be exempt.',
      },
      body: 'notaire',
      when: ({ facts }) => facts.relation !== 'autre',
      due: { from: 'death', months: 6 },
      documents: [
        { fr: 'L’acte de décès', en: 'The death certificate' },
        { fr: 'Le livret de famille', en: 'The family record book' },
        { fr: 'Le contrat de mariage ou de PACS, s’il y en a un', en: 'The marriage or PACS contract, if any' },
      ],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F14198',
      legalBasis: ['Code général des impôts, art. 641 et 800'],
      reminders: [
        { daysBefore: 30, channels: ['app', 'email'] },
        { daysBefore: 7, channels: ['app', 'email', 'push'] },
      ],
    },
    {
      id: 'banques-assurances',
      title: { fr: 'Prévenir les banques et les assurances', en: 'Tell the banks and insurers' },
      explanation: {
        fr: 'Les comptes du défunt sont bloqués dès que la banque est prévenue, sauf pour régler les frais d’obsèques (dans une limite fixée par arrêté). Pour savoir si le défunt avait une assurance vie à votre profit, interrogez l’Agira.',
        en: 'The deceased’s accounts are frozen as soon as the bank is told, except to pay for the funeral (within a limit set by decree). To find out whether the deceased had a life insurance policy in your favour, ask Agira.',
      },
      body: 'banque',
      due: { from: 'death', months: 1 },
      documents: [{ fr: 'L’acte de décès', en: 'The death certificate' }],
      link: 'https://www.agira.asso.fr',
      legalBasis: ['Code monétaire et financier, art. L312-1-4', 'Code des assurances, art. L132-9-2'],
      reminders: soon,
    },
  ],
};
