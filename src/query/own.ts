/** Own-property lookup: schema records come from JSON, and `constructor` must not resolve. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
