import { describe as suite, expect, it } from 'vitest';
import { describe } from './trace';

const meta = (pid: number, tid: number, thread: string, process: string) => [
  { name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name: thread } },
  { name: 'process_name', ph: 'M', pid, tid, ts: 0, args: { name: process } },
];
const task = (pid: number, tid: number, ts: number, dur: number, tdur: number) => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  pid,
  tid,
  ts,
  dur,
  tdur,
});

suite('what held a main thread', () => {
  it('tells the long task on a renderer main thread, its CPU time, what ran inside and who else ran', () => {
    const events = [
      ...meta(1, 10, 'CrRendererMain', 'Renderer'),
      ...meta(2, 20, 'IndexedDB', 'Browser'),
      task(1, 10, 1_000_000, 60_000, 8_000),
      { name: 'RunTask', ph: 'X', pid: 1, tid: 10, ts: 1_000_000, dur: 60_000 },
      { name: 'MinorGC', ph: 'X', pid: 1, tid: 10, ts: 1_010_000, dur: 6_000 },
      task(1, 10, 900_000, 20_000, 20_000),
      // Half of this one overlaps the long task: half its CPU time is counted.
      task(2, 20, 1_030_000, 60_000, 50_000),
    ];
    expect(describe(events, 50)).toBe(
      'trace: 60 ms task, on the CPU 8 ms; longest inside: MinorGC 6 ms; meanwhile on the CPU: Browser IndexedDB 25 ms',
    );
  });

  it('says nothing when no renderer main thread had a task that long', () => {
    const events = [
      ...meta(1, 10, 'CrRendererMain', 'Renderer'),
      ...meta(2, 20, 'IndexedDB', 'Browser'),
      task(1, 10, 0, 40_000, 40_000),
      task(2, 20, 0, 90_000, 90_000),
    ];
    expect(describe(events, 50)).toBeNull();
  });
});
