/**
 * Reporters: how engine events reach a person or a machine. The CLI picks one with
 * chooseReporter, builds it with createReporter and hands it to the engine as its EventSink.
 */
export type { Output, Reporter, ReporterKind, ReporterOptions } from './types.js';
export { chooseReporter } from './choose.js';
export { createReporter } from './reporter.js';
export { formatPlan, NO_CHANGES, type FormatPlanOptions } from './format-plan.js';
export { formatPlanMarkdown } from './format-markdown.js';
export { confirm } from './confirm.js';
export { EVENT_SCHEMA_NAME, versionRecord, type VersionRecord } from './json-reporter.js';
export { KNOWN_AFTER_APPLY, SENSITIVE } from './format-value.js';
