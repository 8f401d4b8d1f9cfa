// Two situations side by side (« si je prends cet emploi », « si notre enfant naît en mars »):
// every benefit before and after, the difference, and the totals. Paths in errors say which
// situation is at fault (`before.individus…` or `after.individus…`).
import type { Situation } from '../engine/situation.ts';
import type { TaxBenefitSystem } from '../engine/tax-benefit-system.ts';
import type { Texts } from './catalogue.ts';
import { estimateRights, type Right, type RightStatus } from './estimate-rights.ts';

type Side = {
  status: RightStatus;
  amount: number | null;
  amountPeriod: string | null;
  monthly: number | null;
  annual: number | null;
};

export type RightsComparison = {
  period: string;
  amountConvention: Texts;
  benefits: Array<{
    id: string;
    label: Texts;
    before: Side;
    after: Side;
    /** after − before, over a month (monthly benefits) and over a year (all). */
    difference: { monthly: number; annual: number };
  }>;
  total: {
    before: { monthly: number; annual: number };
    after: { monthly: number; annual: number };
    difference: { monthly: number; annual: number };
  };
  warnings: string[];
};

const cents = (value: number) => Math.round(value * 100) / 100;

/** A benefit paid to several groups or persons is summed. */
const sideOf = (rights: Right[]): Side => {
  const sum = (pick: (right: Right) => number | null) =>
    rights.some((right) => pick(right) !== null)
      ? cents(rights.reduce((total, right) => total + (pick(right) ?? 0), 0))
      : null;
  return {
    status: rights.some((right) => right.status === 'eligible') ? 'eligible' : rights[0]!.status,
    amount: sum((right) => right.amount),
    amountPeriod: rights[0]!.amountPeriod,
    monthly: sum((right) => right.monthly),
    annual: sum((right) => right.annual),
  };
};

export const compareRights = (
  system: TaxBenefitSystem,
  { before, after }: { before: Situation; after: Situation },
  { month }: { month: string },
): RightsComparison => {
  const first = estimateRights(system, before, { month, prefix: 'before', isLookingForMissing: false });
  const second = estimateRights(system, after, { month, prefix: 'after', isLookingForMissing: false });
  const ids = [...new Set([...first.rights, ...second.rights].map((right) => right.id))];
  const benefits = ids.map((id) => {
    const a = sideOf(first.rights.filter((right) => right.id === id));
    const b = sideOf(second.rights.filter((right) => right.id === id));
    return {
      id,
      label: (first.rights.find((right) => right.id === id) ?? second.rights.find((right) => right.id === id))!.label,
      before: a,
      after: b,
      difference: {
        monthly: cents((b.monthly ?? 0) - (a.monthly ?? 0)),
        annual: cents((b.annual ?? 0) - (a.annual ?? 0)),
      },
    };
  });
  return {
    period: first.period,
    amountConvention: first.amountConvention,
    benefits,
    total: {
      before: first.total,
      after: second.total,
      difference: {
        monthly: cents(second.total.monthly - first.total.monthly),
        annual: cents(second.total.annual - first.total.annual),
      },
    },
    warnings: [...new Set([...first.warnings, ...second.warnings])],
  };
};
