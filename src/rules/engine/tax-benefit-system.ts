// The tax-benefit system: every variable Guichet implements and the dated parameters they read.
import { NotSupportedError } from './errors.ts';
import type { ParameterSet } from './parameters.ts';
import type { Variable } from './variable.ts';

export type TaxBenefitSystem = {
  variables: Map<string, Variable>;
  parameters: ParameterSet;
  variable: (name: string) => Variable;
};

export const taxBenefitSystem = (variables: Variable[], parameters: ParameterSet): TaxBenefitSystem => {
  const byName = new Map<string, Variable>();
  for (const variable of variables) {
    if (byName.has(variable.name)) throw new Error(`variable déclarée deux fois : ${variable.name}`);
    byName.set(variable.name, variable);
  }
  return {
    variables: byName,
    parameters,
    variable: (name) => {
      const variable = byName.get(name);
      if (!variable) throw new NotSupportedError(`variable non prise en charge par Guichet : ${name}`);
      return variable;
    },
  };
};
