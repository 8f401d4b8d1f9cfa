// The separation journey: from the day the couple separates to a year after it.
import { addMonths } from '../../platform/index.ts';
import { REMINDERS, type JourneyTemplate } from '../journey.ts';

export type SeparationFacts = {
  separatedOn: string;
  isAlsaceMoselle: boolean;
  /** Children of the famille under 20 (family benefits are paid for them). */
  children: number;
  /** The household rents its home (housing aid). */
  isTenant: boolean;
};

const soon = REMINDERS.aWeekBefore;

export const separationJourney: JourneyTemplate<SeparationFacts> = {
  id: 'separation',
  title: { fr: 'Nous nous séparons', en: 'We are separating' },
  startedBy: 'foyer',
  anchors: (facts) => ({
    separated: facts.separatedOn,
    month_after_separation: addMonths(`${facts.separatedOn.slice(0, 8)}01`, 1),
  }),
  endsAt: { from: 'separated', months: 12 },
  steps: [
    {
      id: 'signaler-separation',
      title: { fr: 'Signaler la séparation une seule fois', en: 'Report the separation once' },
      explanation: {
        fr: 'Déclarez la séparation dans Guichet : la CAF, l’Assurance maladie et les impôts sont informés en même temps. Vos prestations sont recalculées avec votre nouvelle situation dès le mois qui suit.',
        en: 'Declare the separation in Guichet: the family allowance fund, health insurance and the tax office are told at once. Your benefits are recalculated for your new situation from the following month.',
      },
      body: 'caf',
      due: { from: 'month_after_separation', days: -1 },
      completedBy: { declaration: 'foyer' },
      link: 'https://www.caf.fr',
      legalBasis: [],
      reminders: soon,
    },
    {
      id: 'asf',
      title: { fr: 'Allocation de soutien familial (ASF)', en: 'Family support allowance (ASF)' },
      explanation: {
        fr: 'Si vous élevez seul votre enfant et que l’autre parent ne verse pas de pension alimentaire, ou une pension plus faible que l’ASF, la CAF verse l’ASF et peut engager les démarches pour obtenir la pension auprès de l’autre parent.',
        en: 'If you bring up your child alone and the other parent pays no maintenance, or less than the ASF, the family allowance fund pays the ASF and can take steps to recover the maintenance from the other parent.',
      },
      body: 'caf',
      when: ({ facts }) => facts.children > 0,
      opens: { from: 'separated' },
      due: { from: 'month_after_separation' },
      amount: { variable: 'asf' },
      documents: [
        {
          fr: 'Le jugement ou la convention fixant la pension alimentaire, s’il y en a',
          en: 'The judgment or agreement setting the maintenance, if any',
        },
      ],
      link: 'https://www.service-public.fr/particuliers/vosdroits/F815',
      legalBasis: ['Code de la sécurité sociale, art. L523-1'],
      reminders: soon,
    },
    {
      id: 'aide-logement',
      title: { fr: 'Faire recalculer l’aide au logement', en: 'Have your housing aid recalculated' },
      explanation: {
        fr: 'L’aide au logement dépend de la composition du foyer et de ses ressources : la CAF la recalcule pour chacun des deux logements. Celui qui part fait sa propre demande pour son nouveau logement.',
        en: 'Housing aid depends on who lives in the household and on its income: the family allowance fund recalculates it for each home. The one who leaves applies for their new home.',
      },
      body: 'caf',
      when: ({ facts }) => facts.isTenant,
      opens: { from: 'separated' },
      due: { from: 'month_after_separation' },
      amount: { variable: 'aide_logement' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F12006',
      legalBasis: ['Code de la construction et de l’habitation, livre VIII (aides personnelles au logement)'],
      reminders: soon,
    },
    {
      id: 'residence-enfants-allocations',
      title: {
        fr: 'Résidence des enfants et partage des allocations familiales',
        en: 'Where the children live and sharing family allowances',
      },
      explanation: {
        fr: 'Fixez avec l’autre parent, ou devant le juge aux affaires familiales, où les enfants vivent. En résidence alternée, les allocations familiales peuvent être partagées entre les deux parents : faites la demande commune à la CAF.',
        en: 'Agree with the other parent, or before the family judge, where the children live. With alternating residence, family allowances can be shared between both parents: make the joint request to the family allowance fund.',
      },
      body: 'caf',
      when: ({ facts }) => facts.children >= 2,
      opens: { from: 'separated' },
      due: { from: 'month_after_separation', months: 1 },
      amount: { variable: 'af' },
      link: 'https://www.service-public.fr/particuliers/vosdroits/F13213',
      legalBasis: ['Code civil, art. 373-2-9', 'Code de la sécurité sociale, art. L521-2'],
      reminders: soon,
    },
    {
      id: 'prelevement-a-la-source',
      title: { fr: 'Signaler la séparation aux impôts', en: 'Tell the tax office about the separation' },
      explanation: {
        fr: 'Dans les 60 jours, dans votre espace impots.gouv.fr, pour que votre taux de prélèvement à la source soit calculé sur vos seuls revenus.',
        en: 'Within 60 days, in your impots.gouv.fr account, so that your withholding rate is computed on your own income only.',
      },
      body: 'dgfip',
      opens: { from: 'separated' },
      due: { from: 'separated', days: 60 },
      link: 'https://www.impots.gouv.fr/particulier/je-signale-un-changement-de-situation-de-famille',
      legalBasis: ['Code général des impôts, art. 204 I'],
      reminders: soon,
    },
  ],
};
