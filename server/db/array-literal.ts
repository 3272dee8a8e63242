/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for passing a whole column of a batch as ONE
 * parameter: `unnest($1::uuid[], $2::int[], …)` inserts any number of rows with the same
 * statement text, so the statement is prepared once per connection instead of once per batch
 * size (and costs one round trip, not two). Every element is quoted; inside quotes only a
 * backslash and a double quote need escaping, so any text (a nickname, a typed answer) is safe.
 */
export function arrayLiteral(values: ReadonlyArray<string | number | boolean | null>): string {
  return `{${values.map((value) => (value === null ? "NULL" : `"${String(value).replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`;
}
