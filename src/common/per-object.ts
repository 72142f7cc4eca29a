/**
 * `compute`, worked out once per key object (its first argument) and remembered as long as the
 * key lives (a WeakMap lets it go with the key): what a type's schema gives, for every resource
 * of the type; what a resource's templates read, for every render. Further arguments are not part
 * of the key: they must follow from it (a resource's stack).
 */
export function perObject<K extends object, A extends unknown[], T>(
  compute: (key: K, ...rest: A) => T,
): (key: K, ...rest: A) => T {
  const known = new WeakMap<K, T>();
  return (key, ...rest) => {
    const found = known.get(key);
    if (found !== undefined || known.has(key)) return found as T; // one lookup when found
    const value = compute(key, ...rest);
    known.set(key, value);
    return value;
  };
}
