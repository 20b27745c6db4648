// @vitest-environment node
// The benchmark runs in Node, driving Chromium: under a simulated DOM, loading Playwright sent a
// request to the simulated page's own origin, refused, that ended the test worker noisily.
import { describe, expect, it } from 'vitest';
import { partsNote, tasksHolding } from './page';

describe('long tasks holding the extension’s work', () => {
  const pieces = [
    { at: 100, ms: 2 },
    { at: 400, ms: 4 },
    { at: 900, ms: 0.1 },
  ];

  it('are the tasks over 50 ms with any piece of its work inside, however small', () => {
    expect(tasksHolding([{ at: 95, ms: 60 }], pieces)).toEqual([{ at: 95, ms: 60 }]);
    // A piece that began before the task and ends inside it.
    expect(tasksHolding([{ at: 402, ms: 300 }], pieces)).toEqual([{ at: 402, ms: 300 }]);
    expect(tasksHolding([{ at: 890, ms: 51 }], pieces)).toEqual([{ at: 890, ms: 51 }]);
  });

  it('leave out short tasks and long ones without its work', () => {
    expect(tasksHolding([{ at: 400, ms: 45 }], pieces)).toEqual([]);
    expect(tasksHolding([{ at: 600, ms: 80 }], pieces)).toEqual([]);
    expect(tasksHolding([{ at: 404, ms: 80 }], pieces)).toEqual([]);
  });

  it('take a looser limit for a busy machine', () => {
    expect(tasksHolding([{ at: 95, ms: 60 }], pieces, 250)).toEqual([]);
  });
});

describe('where the content script’s time went', () => {
  it('is each part’s median over the runs, in the order the lab keeps them', () => {
    const run = (look: number) => ({ lookMs: look, parseMs: 3.4, badgeMs: 2.5, sendMs: 1.8, screenMs: 0.25 });
    expect(partsNote([run(1), run(3), undefined, run(2)])).toBe(
      'of which, in ms per 100 posts (medians of the runs): looking at what changed 2.0, reading posts 3.4, drawing badges 2.5, messages 1.8, sorting on and off screen 0.3',
    );
  });

  it('says nothing when no run kept them (a build without the lab)', () => {
    expect(partsNote([undefined])).toBe('');
  });
});
