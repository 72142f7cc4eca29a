/** The event contract between the engine and the reporters (see EVENTS.md). */
export * from './events.js';
export { errorInfo } from './error-info.js';
export { resourceEvent, type Subject } from './resource-events.js';
