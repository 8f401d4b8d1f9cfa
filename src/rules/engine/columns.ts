// Column types: one typed array per variable, period and entity. Amounts are Float64 (euros,
// as OpenFisca computes them; the API converts to cents), counts Int32, booleans Uint8 and
// dates Int32 days since 1970-01-01, enumerations Int32 indexes into the variable's possible values.

export type ValueType = 'float' | 'int' | 'bool' | 'date' | 'enum';

export type Column = Float64Array | Int32Array | Uint8Array;

export const newColumn = (type: ValueType, length: number): Column => {
  if (type === 'float') return new Float64Array(length);
  if (type === 'bool') return new Uint8Array(length);
  return new Int32Array(length);
};

/** A column of `length` rows all equal to `value`. */
export const filledColumn = (type: ValueType, length: number, value: number): Column => {
  const column = newColumn(type, length);
  column.fill(value);
  return column;
};

/** Rounds to the cent the way OpenFisca's `round(x, 2)` does for positive amounts. */
export const roundCents = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/** A new column of type `Type` with `compute(value, row)` for each row of `source`. A plain loop:
 *  `Float64Array.from(source, compute)` goes through the iterator protocol and is many times slower. */
export const mapColumn = <C extends Column>(
  Type: new (length: number) => C,
  source: ArrayLike<number>,
  compute: (value: number, row: number) => number,
): C => {
  const length = source.length;
  const column = new Type(length);
  for (let row = 0; row < length; row++) column[row] = compute(source[row]!, row);
  return column;
};

/** Columns known to hold only zeros (columns are never written to once made). */
const zeroColumns = new WeakMap<object, boolean>();

const allZero = (column: ArrayLike<number>) => {
  for (let i = 0; i < column.length; i++) if (column[i]) return false;
  return true;
};

/** Whether every value of `column` is 0. A long column is read once: a batch checks the same
 *  shared default columns (inputs nobody gave) month after month. */
export const isAllZero = (column: ArrayLike<number>): boolean => {
  if (column.length < 1024) return allZero(column);
  let isZero = zeroColumns.get(column);
  if (isZero === undefined) {
    isZero = allZero(column);
    zeroColumns.set(column, isZero);
  }
  return isZero;
};
