/**
 * An event's time is the clock's now, to the millisecond, even though it is formatted only once
 * per millisecond.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventTime } from '../../src/events/index.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('eventTime', () => {
  it('is now in ISO 8601, and moves with the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T10:00:00.000Z'));
    expect(eventTime()).toBe('2026-12-01T10:00:00.000Z');
    expect(eventTime()).toBe('2026-12-01T10:00:00.000Z');
    vi.setSystemTime(new Date('2026-12-01T10:00:00.001Z'));
    expect(eventTime()).toBe('2026-12-01T10:00:00.001Z');
    vi.setSystemTime(new Date('2027-01-02T03:04:05.678Z'));
    expect(eventTime()).toBe('2027-01-02T03:04:05.678Z');
  });
});
