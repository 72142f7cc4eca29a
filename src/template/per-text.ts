/**
 * What a template text gives, worked out once per text: a stack renders the same texts (its
 * files' blocks, its props) for every resource and every environment. At most the 5,000 texts
 * added last are kept, so a stack of unique texts cannot grow it without bound. A `compute` that
 * throws leaves nothing behind.
 */
const LIMIT = 5000;

export function perText<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = compute(text);
    if (known.size >= LIMIT) {
      // Oldest first: a Map iterates in insertion order.
      const oldest = known.keys().next().value;
      if (oldest !== undefined) known.delete(oldest);
    }
    known.set(text, value);
    return value;
  };
}
