// How the batch Markdown shows a change since the baseline.
import { describe, expect, it } from 'vitest';
import { formatDelta } from '../../src/report/view.js';

describe('formatDelta', () => {
  it('signs a change with + or a true minus, and shows a change that rounds to nothing without a sign', () => {
    expect(formatDelta(3.24)).toBe('+3.2');
    expect(formatDelta(-1.45)).toBe('\u22121.5');
    expect(formatDelta(0)).toBe('0.0');
    expect(formatDelta(-0.04)).toBe('0.0');
    expect(formatDelta(0.05)).toBe('+0.1');
  });
});
