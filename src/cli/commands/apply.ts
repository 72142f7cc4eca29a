import type { CliIO } from '../io.js';
import type { CliOptions } from '../options.js';
import { applyLike } from './apply-like.js';

export default function applyCommand(options: CliOptions, io: CliIO): Promise<number> {
  return applyLike('apply', options, io);
}
