/** What every layer needs and nobody should write twice. Imports nothing from the project. */
export { canonicalJson, hashOf } from './canonical-json.js';
export { isObject, isPlainObject } from './guards.js';
export { perObject } from './per-object.js';
export { closest, didYouMean, editDistance } from './suggest.js';
export { Secrets, SENSITIVE } from './secrets.js';
