/**
 * The part of the screen that is redrawn: one row per operation in flight, the counts, a
 * progress bar and the time left. Everything here is transient; what must survive goes to the
 * scrollback (log-text.ts, through <Static>).
 */
import { Box, Text } from 'ink';
import { actionWords, formatElapsed, idSuffix, plain } from '../words.js';
import { changingResources, countsOf, timeLeftMs, type ProgressState } from './progress.js';
import { actionTint, dim, tint } from './tint.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const SPINNER_FRAME_MS = 80;
const BAR_WIDTH = 30;

/** The spinner frame for a moment: derived from the clock so no component owns a timer. */
export function spinnerAt(now: number): string {
  return SPINNER[Math.floor(now / SPINNER_FRAME_MS) % SPINNER.length] ?? SPINNER[0] ?? '';
}

export function Live({ state, color }: { state: ProgressState; color: boolean }) {
  if (state.plan === undefined) {
    // Reading the cloud for the plan can take a while; say so instead of showing nothing.
    const what = state.stack === undefined ? '' : ` ${state.stack} (${state.env ?? ''})`;
    return (
      <Text>
        <Text {...tint(color, 'cyan')}>{spinnerAt(state.now)}</Text> planning{what}...
      </Text>
    );
  }
  const counts = countsOf(state);
  if (counts.total === 0) return null;
  const widths = columnWidths(state);
  return (
    <Box flexDirection="column">
      {state.running.map((op) => (
        <Text key={op.resource}>
          <Text {...tint(color, 'cyan')}>{spinnerAt(state.now)}</Text>{' '}
          <Text {...actionTint(color, op.action)}>{actionWords(op.action).doing.padEnd(9)}</Text>
          {'  '}
          {plain(op.resource).padEnd(widths.name)}
          {'  '}
          <Text {...dim(color)}>{plain(op.resourceType).padEnd(widths.type)}</Text>
          {'  '}
          {formatElapsed(state.now - op.startedAt)}
          <Text {...dim(color)}>{idSuffix(op.identifier)}</Text>
        </Text>
      ))}
      <Box marginTop={state.running.length > 0 ? 1 : 0} flexDirection="column">
        <Text>
          <ProgressBar fraction={(counts.done + counts.failed + counts.skipped) / counts.total} color={color} />{' '}
          {counts.done + counts.failed + counts.skipped}/{counts.total}
        </Text>
        <Text>{countsText(counts, timeLeftMs(state))}</Text>
        {state.interrupting ? <Text {...tint(color, 'yellow')}>{stoppingText(counts.running)}</Text> : null}
      </Box>
    </Box>
  );
}

function ProgressBar({ fraction, color }: { fraction: number; color: boolean }) {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
  return (
    <Text>
      <Text {...tint(color, 'green')}>{'█'.repeat(filled)}</Text>
      <Text {...dim(color)}>{'░'.repeat(BAR_WIDTH - filled)}</Text>
    </Text>
  );
}

export function countsText(counts: ReturnType<typeof countsOf>, leftMs: number | undefined): string {
  const parts = [
    `${counts.done} done`,
    `${counts.running} running`,
    `${counts.waiting} waiting`,
    `${counts.failed} failed`,
  ];
  if (counts.skipped > 0) parts.push(`${counts.skipped} not attempted`);
  // Rounded up: "0s left" while something still runs would be a lie.
  if (leftMs !== undefined && leftMs > 0) parts.push(`about ${formatElapsed(Math.ceil(leftMs / 1000) * 1000)} left`);
  return parts.join(' · ');
}

export function stoppingText(inFlight: number): string {
  const ops = inFlight === 1 ? 'operation' : 'operations';
  return `Stopping: waiting for ${inFlight} ${ops} in flight (Ctrl-C again to exit now)`;
}

/** Columns sized from the whole plan, so rows do not shift as resources come and go. */
function columnWidths(state: ProgressState): { name: number; type: number } {
  const all = [
    ...changingResources(state),
    ...state.running.map((r) => ({ resource: r.resource, type: r.resourceType })),
  ];
  return {
    name: Math.max(0, ...all.map((r) => plain(r.resource).length)),
    type: Math.max(0, ...all.map((r) => plain(r.type).length)),
  };
}
