/**
 * Where the extension process's memory goes during a piece of work: Chromium's own accounting
 * (the memory-infra trace that chrome://tracing records), read from periodic detailed dumps.
 */
import type { Page } from '@playwright/test';

/** The allocators reported, with the words the report uses for them. */
const PARTS: Record<string, string> = {
  'v8/workers': 'workers’ JavaScript heaps',
  'v8/workers/heap/new_space': 'their young generation',
  'v8/workers/heap/old_space': 'their old generation',
  'v8/main': 'pages’ JavaScript heaps',
  'blink_gc/workers': 'workers’ DOM and IndexedDB objects',
  malloc: 'malloc',
  'partition_alloc/partitions/array_buffer': 'array buffers (the import’s key tables)',
  'partition_alloc/partitions/buffer': 'strings and buffers',
};

export interface MemoryParts {
  /** Chromium's private footprint of the process at its highest (what its task manager shows). */
  footprintMb: number;
  /** Each part at its own highest, in MB, with its words. */
  parts: { what: string; mb: number }[];
  /** The private footprint at the end of each tenth of the work: how it grew. */
  byTenth: number[];
}

interface TraceEvent {
  ph: string;
  pid: number;
  ts: number;
  name: string;
  args: {
    name?: string;
    dumps?: {
      process_totals?: { private_footprint_bytes?: string };
      allocators?: Record<string, { attrs?: { size?: { value: string } } }>;
    };
  };
}

const mb = (hex: string | undefined) => (hex ? parseInt(hex, 16) / 2 ** 20 : 0);

/**
 * Records memory dumps every `intervalMs` while `work` runs; `page` is one of the extension's.
 * A detailed dump of every process takes some 2 MB of trace: a long run needs a long interval.
 */
export async function memoryPartsDuring<T>(
  page: Page,
  work: () => Promise<T>,
  intervalMs = 5000,
): Promise<{ result: T; memory: MemoryParts }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra', '__metadata'],
      excludedCategories: ['*'],
      // Chromium's default buffer is full long before a million-row import ends, and drops the rest.
      recordMode: 'recordAsMuchAsPossible',
      traceBufferSizeInKb: 400_000,
      memoryDumpConfig: { triggers: [{ mode: 'detailed', periodic_interval_ms: intervalMs }] },
    },
  } as never);
  try {
    const result = await work();
    return { result, memory: await finish() };
  } finally {
    await cdp.detach().catch(() => undefined);
  }

  async function finish(): Promise<MemoryParts> {
    await cdp.send('Tracing.end');
    await complete;
    const renderer = events.find(
      (e) => e.ph === 'M' && e.name === 'process_name' && e.args.name === 'Extension Renderer',
    )?.pid;
    const footprints: { ts: number; mb: number }[] = [];
    const peaks = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'v' || e.pid !== renderer || !e.args.dumps) continue;
      const footprint = e.args.dumps.process_totals?.private_footprint_bytes;
      if (footprint) footprints.push({ ts: e.ts, mb: mb(footprint) });
      for (const [path, dump] of Object.entries(e.args.dumps.allocators ?? {}))
        if (path in PARTS) peaks.set(path, Math.max(peaks.get(path) ?? 0, mb(dump.attrs?.size?.value)));
    }
    const first = footprints[0]?.ts ?? 0;
    const span = (footprints.at(-1)?.ts ?? 0) - first;
    const byTenth = Array.from(
      { length: 10 },
      (_, i) => footprints.findLast((f) => f.ts - first <= (span * (i + 1)) / 10)?.mb ?? 0,
    );
    return {
      footprintMb: Math.max(0, ...footprints.map((f) => f.mb)),
      byTenth,
      parts: Object.entries(PARTS).map(([path, what]) => ({ what, mb: peaks.get(path) ?? 0 })),
    };
  }
}

/** The parts in a line of the report. */
export function describeParts(memory: MemoryParts): string {
  const parts = memory.parts.map((p) => `${p.what} ${p.mb.toFixed(0)}`).join(', ');
  return `${parts}; the footprint by tenth of the run ${memory.byTenth.map((m) => m.toFixed(0)).join(' / ')}`;
}
