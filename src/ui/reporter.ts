/** Building the reporter the CLI chose. */
import { createInkReporter } from './ink-reporter.js';
import { createJsonReporter } from './json-reporter.js';
import { createLinesReporter } from './lines-reporter.js';
import type { Reporter, ReporterKind, ReporterOptions } from './types.js';

export function createReporter(kind: ReporterKind, options: ReporterOptions): Reporter {
  switch (kind) {
    case 'ink':
      return createInkReporter(options);
    case 'lines':
      return createLinesReporter(options);
    case 'json':
      return createJsonReporter(options);
  }
}
