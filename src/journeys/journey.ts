// What a journey template is: data the engine reads. The engine never names a particular journey;
// each journey is one folder (its template and the rules only it needs) plus one line in registry.ts.

export type Text = { fr: string; en: string };

export type BodyId =
  | 'caf'
  | 'cpam'
  | 'msa'
  | 'urssaf'
  | 'france_travail'
  | 'cnav'
  | 'agirc_arrco'
  | 'dgfip'
  | 'etat_civil'
  | 'employeur'
  | 'mairie'
  | 'mdph'
  | 'ants'
  | 'notaire'
  | 'banque'
  | 'fournisseur_energie';

/** A date relative to a named anchor of the journey (the event, or a date the template computes from it). */
export type DateRule = {
  from: string;
  days?: number;
  weeks?: number;
  months?: number;
  /** Counted in business days (Monday–Friday, public holidays excepted), after the other offsets. */
  businessDays?: number;
  /** A deadline on a Saturday, Sunday or public holiday moves to the next business day. */
  extendToBusinessDay?: boolean;
};

export type Channel = 'app' | 'email' | 'push' | 'sms';

/** Whose declaration completes a step: the person's own (their job, their pension) or their famille's (either parent's). */
export type DeclaredBy = 'person' | 'famille';

/** Days before the due date (0 = on the day) and the channels, the person's preferences permitting. */
export type Reminder = { daysBefore: number; channels: Channel[] };

/** The reminders most steps use. */
export const REMINDERS = {
  aWeekBefore: [{ daysBefore: 7, channels: ['app', 'email', 'push'] }],
  theDayBefore: [{ daysBefore: 1, channels: ['app', 'push'] }],
  onTheDay: [{ daysBefore: 0, channels: ['app', 'push'] }],
} satisfies Record<string, Reminder[]>;

/** The facts a journey is computed from, and the household's rights where the rights engine was asked. */
export type JourneyContext<F> = {
  facts: F;
  /** A benefit's monthly amount for the household, from the rights engine; null when not evaluated. */
  amountOf: (variable: string, month: string) => number | null;
};

export type StepTemplate<F> = {
  id: string;
  title: Text;
  explanation: Text;
  /** The body concerned; it may depend on the person (a farmer's family is served by MSA, not CAF). */
  body: BodyId | ((facts: F) => BodyId);
  /** From when the step can be done (default: as soon as the journey starts). */
  opens?: DateRule;
  /** The deadline, or the date it happens for a step the person only has to expect (a payment, a leave). */
  due: DateRule;
  /** The step applies only when this holds. */
  when?: (context: JourneyContext<F>) => boolean;
  /**
   * Done without the person ticking it: a declaration acknowledged through the hub (the person's
   * own, or by default one of their famille's — family-declarations.ts), a payment seen.
   */
  completedBy?: { declaration?: string; declaredBy?: DeclaredBy; payment?: string };
  /** Its part of the journey is over (a prenatal examination once the child is born): shown as done. */
  isOver?: (context: JourneyContext<F>) => boolean;
  /** A benefit paid at this step: its amount comes from the rights engine with the person's situation. */
  amount?: { variable: string };
  documents?: Text[];
  /** The official page: a service-public.fr fiche or the body's own page. */
  link: string;
  legalBasis: string[];
  reminders: Reminder[];
};

export type JourneyTemplate<F> = {
  id: string;
  title: Text;
  /**
   * The declared event that starts it (a declaration type of the tell-us-once module); a journey no
   * declaration starts, read from the person's file alone, gives its own id.
   */
  startedBy: string;
  /** Dates the steps are relative to, computed from the facts (for example the maternity leave's start). */
  anchors: (facts: F) => Record<string, string>;
  steps: StepTemplate<F>[];
  /** When the journey is over. */
  endsAt: DateRule;
};
