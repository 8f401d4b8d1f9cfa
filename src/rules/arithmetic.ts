// OpenFisca's YAML tests write expected values as arithmetic (`395.04 * 0.32`, `1412.64 / 12`).
// A tiny recursive-descent evaluator for + - * / and parentheses: no eval, nothing else accepted.

export class ArithmeticError extends Error {
  override name = 'ArithmeticError';
}

export const evaluateArithmetic = (text: string): number => {
  const tokens = text.match(/\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+|[-+*/()]|\S/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const fail = (message: string): never => {
    throw new ArithmeticError(`expression invalide « ${text} » : ${message}`);
  };
  const primary = (): number => {
    const token = tokens[position++];
    if (token === undefined) return fail('fin inattendue');
    if (token === '(') {
      const value = sum();
      if (tokens[position++] !== ')') fail('parenthèse fermante attendue');
      return value;
    }
    if (token === '-') return -primary();
    if (token === '+') return primary();
    const value = Number(token);
    if (!/^[\d.]/.test(token) || !Number.isFinite(value)) fail(`« ${token} » inattendu`);
    return value;
  };
  const product = (): number => {
    let value = primary();
    while (peek() === '*' || peek() === '/') value = tokens[position++] === '*' ? value * primary() : value / primary();
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = tokens[position++] === '+' ? value + product() : value - product();
    return value;
  };
  if (!tokens.length) fail('vide');
  const value = sum();
  if (position !== tokens.length) fail(`« ${tokens[position]} » inattendu`);
  return value;
};
