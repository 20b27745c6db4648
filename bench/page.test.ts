// @vitest-environment node
// The benchmark runs in Node, driving Chromium: under a simulated DOM, loading Playwright sent a
// request to the simulated page's own origin, refused, that ended the test worker noisily.
import { describe, expect, it } from 'vitest';
import { causedLongTasks } from './page';

describe('long tasks caused by the extension', () => {
  const pieces = [
    { at: 100, ms: 12 },
    { at: 400, ms: 30 },
    { at: 900, ms: 8 },
  ];

  it('are the long tasks that its work inside them made long', () => {
    // 60 ms with 12 of ours: 48 without us, so ours.
    expect(causedLongTasks([{ at: 95, ms: 60 }], pieces)).toEqual([{ task: { at: 95, ms: 60 }, ours: 12 }]);
    // Ours only in part of the task: only the overlap counts.
    expect(causedLongTasks([{ at: 420, ms: 60 }], pieces)).toEqual([{ task: { at: 420, ms: 60 }, ours: 10 }]);
  });

  it('leave out tasks that were long anyway, short ones, and tasks without our work', () => {
    expect(causedLongTasks([{ at: 890, ms: 173 }], pieces)).toEqual([]);
    expect(causedLongTasks([{ at: 400, ms: 45 }], pieces)).toEqual([]);
    expect(causedLongTasks([{ at: 600, ms: 80 }], pieces)).toEqual([]);
  });

  it('take a looser limit for a busy machine', () => {
    expect(causedLongTasks([{ at: 95, ms: 60 }], pieces, 250)).toEqual([]);
  });
});
