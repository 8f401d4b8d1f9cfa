// A journey template + a person's facts → their own calendar: every step with its dates, its
// status today, the amount the rights engine gives for their household, and the reminders to send.
import { addDays, type HolidayOptions } from '../platform/index.ts';
import { resolveDate } from './due-date.ts';
import type { BodyId, Channel, JourneyContext, JourneyTemplate, StepTemplate, Text } from './journey.ts';

export type StepStatus = 'done' | 'late' | 'to_do' | 'upcoming';

export type CalendarStep = {
  id: string;
  title: Text;
  explanation: Text;
  body: BodyId;
  opensOn: string;
  dueOn: string;
  status: StepStatus;
  /** The person ticked it themself (they can untick it); a step done otherwise cannot be. */
  isTicked: boolean;
  /** Monthly (or one-off) amount in euros for the month the step is due; null when the rights engine was not asked. */
  amount: { variable: string; month: string; euros: number | null } | null;
  completedBy: NonNullable<StepTemplate<unknown>['completedBy']> | null;
  documents: Text[];
  link: string;
  legalBasis: string[];
  reminders: { on: string; channels: Channel[] }[];
};

export type Calendar = { journey: string; title: Text; startsOn: string; endsOn: string; steps: CalendarStep[] };

export type CalendarOptions<F> = JourneyContext<F> & {
  today: string;
  /** Steps the person ticked. */
  done: ReadonlySet<string>;
  /** Steps done without them: completed by a declaration or a payment (a step can also be over: `isOver`). */
  completed?: ReadonlySet<string>;
  holidays?: HolidayOptions;
};

export const buildCalendar = <F>(template: JourneyTemplate<F>, options: CalendarOptions<F>): Calendar => {
  const { facts, today, done, completed, holidays = {} } = options;
  const anchors = template.anchors(facts);
  const steps = template.steps
    .filter((step) => !step.when || step.when(options))
    .map((step): CalendarStep => {
      const dueOn = resolveDate(step.due, anchors, holidays);
      const opensOn = step.opens ? resolveDate(step.opens, anchors, holidays) : today;
      const status: StepStatus =
        done.has(step.id) || completed?.has(step.id) || step.isOver?.(options)
          ? 'done'
          : dueOn < today
            ? 'late'
            : opensOn <= today
              ? 'to_do'
              : 'upcoming';
      const month = dueOn.slice(0, 7);
      return {
        id: step.id,
        title: step.title,
        explanation: step.explanation,
        body: typeof step.body === 'function' ? step.body(facts) : step.body,
        opensOn: opensOn < dueOn ? opensOn : dueOn,
        dueOn,
        status,
        isTicked: done.has(step.id),
        amount: step.amount
          ? { variable: step.amount.variable, month, euros: options.amountOf(step.amount.variable, month) }
          : null,
        completedBy: step.completedBy ?? null,
        documents: step.documents ?? [],
        link: step.link,
        legalBasis: step.legalBasis,
        reminders:
          status === 'done'
            ? []
            : step.reminders.map(({ daysBefore, channels }) => ({ on: addDays(dueOn, -daysBefore), channels })),
      };
    })
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const startsOn = steps.reduce((first, step) => (step.opensOn < first ? step.opensOn : first), today);
  return {
    journey: template.id,
    title: template.title,
    startsOn,
    endsOn: resolveDate(template.endsAt, anchors, holidays),
    steps,
  };
};
