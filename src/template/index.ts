/**
 * Templates: nunjucks behaving like Jinja2 where stackql-deploy users rely on it, but strict
 * (an undefined variable is an error at its line, never ''), with the stackql filters and
 * plan-time unknown values.
 */
export { renderTemplate, type TemplateSource } from './render.js';
export { referencedVariables, type References } from './references.js';
export { unknownResource, unknownValue } from './unknown-values.js';
export { containsUnknown, unknownPaths, unknownToken } from './unknown.js';
export { MORE_NAMES } from './strict-runtime.js';
