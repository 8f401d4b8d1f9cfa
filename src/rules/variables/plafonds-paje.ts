// The ceiling scale shared by the complément familial and the PAJE (CSS art. R522-2, D531-3):
// a base, raised by a share of it for each of the first two children and a larger share from the
// third, plus a fixed amount for a couple with two incomes or a single parent.
import type { Period } from '../engine/period.ts';
import type { FormulaContext } from '../engine/variable.ts';

/** The parameter paths of a ceiling scale. */
export type CeilingScale = { base: string; bonus: string; first: string; further: string };

/** A ceiling scale from its parameter folders; made once at module level, not at every month. */
export const ceilingScale = (folders: { base: string; majoration: string; rates: string }): CeilingScale => ({
  base: `${folders.base}.plafond_0_enfant`,
  bonus: `${folders.majoration}.majoration_biactifs_isoles`,
  first: `${folders.rates}.majoration_deux_premiers_enfants`,
  further: `${folders.rates}.majoration_troisieme_enfant_et_plus`,
});

/** Annual ceiling per family, for `children` dependants, on `scale`. */
export const familyCeiling = (
  ctx: FormulaContext,
  period: Period,
  scale: CeilingScale,
  children: ArrayLike<number>,
): Float64Array => {
  const base = ctx.param(scale.base, period);
  const bonus = ctx.param(scale.bonus, period);
  const first = ctx.param(scale.first, period);
  const further = ctx.param(scale.further, period);
  const couple = ctx.calc('en_couple', period);
  const biactif = ctx.calc('biactivite', period);
  const result = new Float64Array(ctx.length);
  for (let g = 0; g < ctx.length; g++) {
    const n = children[g]!;
    const rate = 1 + first * Math.min(n, 2) + further * Math.max(n - 2, 0);
    result[g] = base * rate + (!couple[g] || biactif[g] ? bonus : 0);
  }
  return result;
};
