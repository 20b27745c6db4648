/**
 * What held a page's main thread in a long task. The Long Animation Frames API names scripts of
 * 5 ms or more and the rendering; a task with neither was the browser's own work or the thread
 * waiting for a core. A trace says which: the task's time on the CPU beside its length, and what
 * every other thread did on the CPU meanwhile.
 */
import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Tasks of every thread, the timeline's and V8's events inside them (GC too), thread names. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'v8.gc', '__metadata'];
/** The last seconds only: the trace is read when the first long task has just ended. */
const BUFFER_KB = 96 * 1024;
/** A task, as the scheduler names it; the timeline's own name for it, when that is all there is. */
const TASK_NAMES = ['ThreadControllerImpl::RunTask', 'RunTask'];

interface LongTaskTrace {
  stop: () => Promise<string | null>;
  /** Ends the trace unread: nothing long happened. */
  discard: () => Promise<void>;
}

/**
 * Starts a trace kept in a ring buffer; `stop` ends it and describes the last task over `overMs`
 * on a renderer's main thread, or null when the trace holds none.
 */
async function traceLongTasks(page: Page, overMs = 50): Promise<LongTaskTrace> {
  const cdp = await startTrace(page, 'recordContinuously', CATEGORIES);
  let stopped: Promise<string | null> | null = null;
  const detach = () => void cdp.detach().catch(() => {});
  return {
    stop: () =>
      (stopped ??= readTrace(cdp)
        .then((events) => describe(events, overMs))
        .finally(detach)),
    async discard() {
      await cdp.send('IO.close', { handle: await endTrace(cdp) });
      detach();
    },
  };
}

/** What a traced run ends with: whether a task went over the limit, and what it was. */
export interface TracedRun {
  long: boolean;
  /** Null when the task is not in the trace's buffer. */
  described: string | null;
}

/**
 * Traces `page` until its first task over `overMs`: the page's own long-task observer calls
 * `window.__conciergeLongTask()` then, which stops the trace while it still holds that task.
 * `finish` says what happened, and closes an unread trace when nothing did.
 */
export async function traceFirstLongTask(
  page: Page,
  overMs = 50,
): Promise<{ finish: () => Promise<TracedRun> }> {
  const trace = await traceLongTasks(page, overMs);
  let traced: Promise<string | null> | null = null;
  await page.exposeFunction('__conciergeLongTask', () => void (traced ??= trace.stop()));
  return {
    async finish() {
      if (traced) return { long: true, described: await traced };
      await trace.discard();
      return { long: false, described: null };
    },
  };
}

/** A trace of `page`'s browser, read back as a stream: a ring buffer, or until the buffer fills. */
async function startTrace(
  page: Page,
  recordMode: 'recordContinuously' | 'recordAsMuchAsPossible',
  includedCategories: string[],
): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode, traceBufferSizeInKb: BUFFER_KB, includedCategories },
  });
  return cdp;
}

/** Ends tracing; the handle of the stream that holds the trace. */
async function endTrace(cdp: CDPSession): Promise<string> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  return complete;
}

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const handle = await endTrace(cdp);
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

const ms = (us: number | undefined) => ((us ?? 0) / 1000).toFixed(0);

/** The long task, its time on the CPU, the biggest events inside it, and the CPU's other users meanwhile. */
export function describe(events: TraceEvent[], overMs: number): string | null {
  const threads = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.name === 'process_name') processes.set(e.pid, e.args?.name ?? '');
  }
  // Both names may wrap the same task: one of them, so that nothing is counted twice.
  const taskName = TASK_NAMES.find((name) => events.some((e) => e.name === name));
  const isTask = (e: TraceEvent) => e.ph === 'X' && e.name === taskName;
  const tasks = events.filter((e) => isTask(e) && (e.dur ?? 0) > overMs * 1000);
  const long = tasks
    .filter((e) => threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
    .sort((a, b) => b.ts - a.ts)[0];
  if (!long) return null;
  const start = long.ts;
  const end = long.ts + long.dur!;
  const inside = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== long.pid || e.tid !== long.tid || TASK_NAMES.includes(e.name)) continue;
    if (e.ts >= start && e.ts + (e.dur ?? 0) <= end)
      inside.set(e.name, Math.max(inside.get(e.name) ?? 0, e.dur ?? 0));
  }
  // CPU time of other threads' tasks overlapping the long one, each counted for its overlap.
  const others = new Map<string, number>();
  for (const e of events) {
    if (!isTask(e) || e === long || e.tdur === undefined || !e.dur) continue;
    const overlap = Math.min(end, e.ts + e.dur) - Math.max(start, e.ts);
    if (overlap <= 0) continue;
    const who = `${processes.get(e.pid) ?? e.pid} ${threads.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    others.set(who, (others.get(who) ?? 0) + (e.tdur * overlap) / e.dur);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} ${ms(v)} ms`)
      .join(', ');
  const cpu = long.tdur === undefined ? 'not known' : `${ms(long.tdur)} ms`;
  return `trace: ${ms(long.dur)} ms task, on the CPU ${cpu}; longest inside: ${top(inside, 3) || 'nothing traced'}; meanwhile on the CPU: ${top(others, 4) || 'nothing traced'}`;
}

/**
 * Blink's rendering phases, timed wherever they run: in a frame, or forced early by a script
 * reading layout. What a page renders because of the extension is their sum with it, less the
 * sum without it, for the same page doing the same things.
 */
const RENDER_PHASES = new Set([
  'Blink.Style.UpdateTime',
  'Blink.Layout.UpdateTime',
  'Blink.CompositingInputs.UpdateTime',
  'Blink.PrePaint.UpdateTime',
  'Blink.Paint.UpdateTime',
  'Blink.CompositingCommit.UpdateTime',
]);

/** Runs `run` traced; the milliseconds the busiest renderer's main thread (the page's) spent rendering. */
export async function renderingDuring(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await startTrace(page, 'recordAsMuchAsPossible', ['blink', '__metadata']);
  // The trace is ended whatever happened, so that a failed run leaves no tracing behind.
  const failed = await run().then(
    () => null,
    (error: unknown) => ({ error }),
  );
  const events = await readTrace(cdp).finally(() => void cdp.detach().catch(() => {}));
  if (failed) throw failed.error;
  const mains = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mains.add(`${e.pid}:${e.tid}`);
  const byThread = new Map<string, number>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !RENDER_PHASES.has(e.name) || !mains.has(thread)) continue;
    byThread.set(thread, (byThread.get(thread) ?? 0) + (e.dur ?? 0));
  }
  return Math.max(0, ...byThread.values()) / 1000;
}
