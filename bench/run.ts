/**
 * `npm run bench`: what users feel, measured. Prints a table and writes bench/results.json and
 * bench/summary.md. Every figure is a median over several runs with p95 beside it, and a ratio
 * against a baseline measured in the same run where one exists.
 *
 *   npm run bench            full sizes (100,000 and 1,000,000 customers)
 *   npm run bench -- --quick small sizes, for a check that the suite itself works
 *   npm run bench -- --million-imports --pairs=N
 *                            N more million-row imports, each beside its raw baseline; every
 *                            pair is kept in bench/million-runs.json, so runs add up across sittings;
 *                            the floor (primary keys only) is measured beside each
 *   npm run bench -- --million-memory
 *                            one million-row import alone, for its peak memory (no baseline)
 *   npm run bench -- --indexes what each index costs a 100,000-record write, and what it serves
 *   npm run test:budgets     the fast subset `npm test` runs: small sizes, budgets with a
 *                            margin of 5x (the same shared machine has run 3-6x slower from one
 *                            day to the next), exit code 1 on a miss
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import uFuzzy from '@leeoniya/ufuzzy';
import Fuse from 'fuse.js';
import { ConciergeDb } from '../lib/db/schema';
import { NameIndex } from '../lib/match/candidates';
import { foldName, transliterate } from '../lib/match/names';
import type { Page } from '@playwright/test';
import { extensionPage, launch, type Harness } from '../e2e/support/extension';
import { describeActivity, diskActivity, lastCompaction } from './disk';
import {
  crmCsv,
  generateCustomers,
  perturb,
  random,
  type GeneratedCustomer,
  type Perturbation,
} from './data';
import { badInputBench } from './bad-input';
import { describeParts, memoryPartsDuring, type MemoryParts } from './memory';
import { bundleSizes, pageBench, panelBench, peakMemoryDuring, type Sample } from './page';
import { workerLookups, type Lookups } from './lookups';
import { traceFirstLongTask } from './trace';
import { verdict } from './verdict';

/** Each mode's flag; none: the full run. */
const MODES = [
  ['--ci', 'ci'],
  ['--quick', 'quick'],
  ['--imports', 'imports'],
  ['--pages', 'pages'],
  ['--bad-input', 'badInput'],
  ['--candidates', 'candidates'],
  ['--lookups', 'lookups'],
  ['--indexes', 'indexes'],
  ['--million-imports', 'millionImports'],
  ['--million-memory', 'millionMemory'],
  ['--million', 'million'],
] as const;
const MODE = MODES.find(([flag]) => process.argv.includes(flag))?.[1] ?? 'full';
/** The value of `--name=value` on the command line. */
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/**
 * --trace: each import traces the options page, and each page run its page, and says what held
 * the main thread in the first task over 50 ms. Tracing costs time, so a traced run prints and
 * publishes nothing.
 */
const TRACE = process.argv.includes('--trace');
/** What a mode measures: nothing, unless it says so. */
const NOTHING = {
  candidates: 0,
  queries: 0,
  fuse: 0,
  imports: [] as number[][],
  pageRuns: 0,
  pagePosts: 0,
  margin: 1,
  compare: false,
  panelImport: null as number | null,
  badInput: false,
  soak: 0,
  /** Records written to measure what each index costs. */
  indexCosts: 0,
};
const SIZES = {
  full: {
    ...NOTHING,
    candidates: 100_000,
    queries: 1000,
    fuse: 100,
    imports: [
      [100_000, 5],
      [1_000_000, 1],
    ],
    pageRuns: 5,
    pagePosts: 3000,
    compare: true,
    panelImport: 100_000,
    badInput: true,
    soak: 10,
    indexCosts: 100_000,
  },
  quick: {
    ...NOTHING,
    candidates: 10_000,
    queries: 200,
    fuse: 40,
    imports: [[10_000, 3]],
    pageRuns: 2,
    pagePosts: 1000,
    compare: true,
    panelImport: 10_000,
    badInput: true,
    soak: 2,
    indexCosts: 5_000,
  },
  ci: {
    ...NOTHING,
    candidates: 10_000,
    queries: 100,
    imports: [[5_000, 1]],
    pageRuns: 3,
    pagePosts: 3000,
    margin: 5,
    badInput: true,
  },
  // Only the 100,000-row import, its lookups and searches: for re-measuring them alone.
  imports: {
    ...NOTHING,
    imports: [[100_000, 5]],
  },
  // One unrecorded 100,000-row import, then its lookups and searches measured.
  lookups: {
    ...NOTHING,
    imports: [[100_000, 1]],
  },
  // A million customers written raw into the database, then lookups against them.
  million: NOTHING,
  // Only what each index costs an import (at 100,000 records).
  indexes: { ...NOTHING, indexCosts: 100_000 },
  // Million-row imports beside their baseline, one pair at a time (a pair takes most of an hour here).
  millionImports: NOTHING,
  // One million-row import alone, for its memory: half the time of a pair.
  millionMemory: { ...NOTHING, imports: [[Number(option('rows') ?? 1_000_000), 1]] },
  // Only name candidates, beside uFuzzy and Fuse.js (Node, no browser needed).
  candidates: {
    ...NOTHING,
    candidates: 100_000,
    queries: 1000,
    fuse: 100,
    compare: true,
  },
  // Only the pages and the side panel (with a 100,000-row import running under the panel).
  pages: {
    ...NOTHING,
    pageRuns: 5,
    pagePosts: 3000,
    panelImport: 100_000,
    badInput: true,
    soak: 10,
  },
  // Only the pages that misbehave, with the long scroll (`--soak=60` for the hour).
  badInput: { ...NOTHING, badInput: true, soak: 10 },
}[MODE];
const MARGIN = SIZES.margin;
const EXTENSION = resolve('.output/bench/chrome-mv3');

interface Figure {
  name: string;
  median: number;
  p95: number;
  unit: string;
  runs: number;
  budget?: string;
  /** Within what this run enforces: the budget, loosened by MARGIN in the CI subset. */
  ok?: boolean;
  /** Within the budget itself. */
  inBudget?: boolean;
  note?: string;
}

/** How a figure meets its budget: `meets(k)` says whether it is within the budget loosened k times. */
type Extra = Partial<Omit<Figure, 'ok' | 'inBudget'>> & { meets?: (k: number) => boolean };

const figures: Figure[] = [];

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function record(name: string, samples: readonly number[], unit: string, extra: Extra = {}): Figure {
  const { meets, ...rest } = extra;
  const figure: Figure = {
    name,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    unit,
    runs: samples.length,
    ...rest,
    ...(meets && { ok: meets(MARGIN), inBudget: meets(1) }),
  };
  // A figure measured again in the same sitting (million-row pairs) replaces its earlier self.
  const earlier = figures.findIndex((f) => f.name === name);
  if (earlier >= 0) figures.splice(earlier, 1);
  figures.push(figure);
  console.log(
    `${name.padEnd(64)} median ${figure.median.toFixed(2).padStart(9)} ${unit.padEnd(4)} p95 ${figure.p95.toFixed(2).padStart(9)}${verdict(figure, MARGIN)}${figure.note ? `  (${figure.note})` : ''}`,
  );
  return figure;
}

/** Latin letters only, as a generic fuzzy matcher gets them: the fair haystack for uFuzzy and Fuse. */
const latinOf = (name: string) => transliterate(foldName(name));

function candidateBench(size: number): void {
  console.log(`\nName candidates, ${size.toLocaleString('en')} customers`);
  const customers = generateCustomers(size, 7);
  const index = new NameIndex();
  let start = performance.now();
  customers.forEach((c, i) => index.add(String(i), c.name));
  console.log(`  index built in ${(performance.now() - start).toFixed(0)} ms`);

  // Queries about customers whose name is theirs alone: with namesakes, "the right one" is a coin toss.
  const counts = new Map<string, number>();
  for (const c of customers) counts.set(foldName(c.name), (counts.get(foldName(c.name)) ?? 0) + 1);
  const r = random(11);
  const kinds: Perturbation[] = ['typo', 'transliterated', 'reordered', 'accents', 'exact'];
  const queries: { text: string; truth: string; kind: Perturbation }[] = [];
  while (queries.length < SIZES.queries) {
    const i = Math.floor(r() * customers.length);
    const c: GeneratedCustomer = customers[i]!;
    if (counts.get(foldName(c.name)) !== 1) continue;
    let kind = kinds[queries.length % kinds.length]!;
    if (kind === 'transliterated' && !c.russian) kind = 'typo';
    queries.push({ text: perturb(c, kind, r), truth: String(i), kind });
  }

  const batches = <T>(list: T[], n: number) =>
    Array.from({ length: Math.ceil(list.length / n) }, (_, b) => list.slice(b * n, b * n + n));

  const ours: number[] = [];
  let hits = 0;
  for (const batch of batches(queries, 20)) {
    start = performance.now();
    const found = batch.map((q) => index.candidates(q.text, 5));
    ours.push(performance.now() - start);
    found.forEach((list, k) => (hits += list.some((c) => c.customerId === batch[k]!.truth) ? 1 : 0));
  }
  const recall = hits / queries.length;
  const oursFigure = record(`candidates: Concierge, batch of 20 at ${size / 1000}k`, ours, 'ms', {
    budget: 'p95 <= 20 ms',
    meets: (k) => quantile(ours, 0.95) <= 20 * k,
    note: `top-5 recall ${recall.toFixed(3)}`,
  });
  figures.push({
    name: `candidates: Concierge top-5 recall at ${size / 1000}k`,
    median: recall,
    p95: recall,
    unit: '',
    runs: queries.length,
    budget: '>= 0.95',
    ok: recall >= 0.95,
    inBudget: recall >= 0.95,
  });
  if (!SIZES.compare) return;

  const haystack = customers.map((c) => latinOf(c.name));
  const uf = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
  const ufTimes: number[] = [];
  let ufHits = 0;
  for (const batch of batches(queries, 20)) {
    start = performance.now();
    const found = batch.map((q) => {
      const [idxs, info, order] = uf.search(haystack, latinOf(q.text), 1);
      if (!idxs) return [];
      return order && info ? order.slice(0, 5).map((o) => info.idx[o]!) : idxs.slice(0, 5);
    });
    ufTimes.push(performance.now() - start);
    found.forEach((list, k) => (ufHits += list.some((i) => String(i) === batch[k]!.truth) ? 1 : 0));
  }
  const ufFigure = record(`candidates: uFuzzy, batch of 20 at ${size / 1000}k`, ufTimes, 'ms', {
    note: `top-5 recall ${(ufHits / queries.length).toFixed(3)}; Concierge is ${(quantile(ufTimes, 0.5) / oursFigure.median).toFixed(1)}x faster`,
  });
  void ufFigure;

  // Fuse.js scores every customer for every query: a few batches show its cost well enough.
  const fuse = new Fuse(
    haystack.map((name, i) => ({ name, i })),
    { keys: ['name'], threshold: 0.4 },
  );
  const fuseQueries = queries.slice(0, SIZES.fuse);
  const fuseTimes: number[] = [];
  let fuseHits = 0;
  for (const batch of batches(fuseQueries, 20)) {
    start = performance.now();
    const found = batch.map((q) => fuse.search(latinOf(q.text), { limit: 5 }).map((f) => f.item.i));
    fuseTimes.push(performance.now() - start);
    found.forEach((list, k) => (fuseHits += list.some((i) => String(i) === batch[k]!.truth) ? 1 : 0));
  }
  record(`candidates: Fuse.js, batch of 20 at ${size / 1000}k`, fuseTimes, 'ms', {
    note: `top-5 recall ${(fuseHits / fuseQueries.length).toFixed(3)} on ${fuseQueries.length}; Concierge is ${(quantile(fuseTimes, 0.5) / oursFigure.median).toFixed(0)}x faster`,
  });
}

/** Peak memory of the extension's processes in the browsers imports ran in (not the baselines'), in MB. */
let importPeakMb = 0;

/**
 * Each import and each baseline runs in a browser of its own, on a new profile: a write that
 * follows another (or a deletion) in the same profile pays for the disk compacting what came
 * before, and which one went second would decide the ratio.
 */
async function inFreshBrowser<T>(csv: string, work: (h: Harness) => Promise<T>): Promise<T> {
  const h = await launch({ extensionDir: EXTENSION });
  try {
    await h.context.route('https://bench.invalid/data.csv', (route) =>
      route.fulfill({ body: csv, contentType: 'text/csv', headers: { 'access-control-allow-origin': '*' } }),
    );
    return await work(h);
  } finally {
    await h.close();
  }
}

async function importBench(size: number, runs: number): Promise<void> {
  console.log(`\nImport, ${size.toLocaleString('en')} CRM rows (12 columns)`);
  const customers = generateCustomers(size, 3);
  const csv = crmCsv(customers);
  const file = join(tmpdir(), `concierge-bench-${size}.csv`);
  writeFileSync(file, csv);
  const measureRaw = MODE !== 'lookups' && MODE !== 'millionMemory';
  const raw = (indexes?: string[]) => rawInFreshBrowser(csv, size, indexes);

  const measured: ImportRun[] = [];
  let lookupsP95 = 0;
  // The machine's load drifts over a run: the order of import and baseline alternates run by run
  // (for a million, pair by pair), so neither always meets the busier half.
  const firstRaw = size === MILLION ? millionPairs().length : 0;
  for (let run = 0; run < runs; run++) {
    const rawFirst = (firstRaw + run) % 2 === 1;
    const rawBefore = measureRaw && rawFirst ? await raw() : 0;
    const { ms, longest, peakMb } = await inFreshBrowser(csv, async (h) => {
      const options = await extensionPage(h, 'options.html');
      // Alone, the import's memory is also taken apart by Chromium's own accounting.
      const parts = MODE === 'millionMemory';
      const imports = () => importOnce(options, file, size);
      const {
        result: { result: imported, memory },
        peakMb,
        privatePeakMb,
      } = await peakMemoryDuring(h.profileDir, () =>
        parts
          ? memoryPartsDuring(options, imports, Math.max(5000, size / 50))
          : imports().then((result) => ({ result, memory: null as MemoryParts | null })),
      );
      console.log(
        `  peak memory of the extension process: ${peakMb.toFixed(0)} MB resident, ${privatePeakMb.toFixed(0)} MB private`,
      );
      if (memory) console.log(`  its parts at their peaks (MB): ${describeParts(memory)}`);
      importPeakMb = Math.max(importPeakMb, peakMb);
      if (memory) memoryFigure(size, imported.ms, peakMb, privatePeakMb, memory);
      // Matching right after the import, against the base it wrote, in the same browser.
      else if (run === runs - 1)
        lookupsP95 = await lookupFigures(h, await extensionPage(h, 'bench.html'), size, customers);
      return { ...imported, peakMb };
    });
    console.log(
      `  run ${run + 1}: ${ms} ms, longest task on the options page ${longest.ms.toFixed(0)} ms${longest.ms ? ` at ${(longest.at / 1000).toFixed(1)} s` : ''}${longest.what ? ` (${longest.what})` : ''}`,
    );
    if (!measureRaw) continue;
    const rawMs = rawFirst ? rawBefore : await raw();
    console.log(`  baseline ${rawFirst ? 'before' : 'after'} it: ${rawMs.toFixed(0)} ms`);
    // The floor beside them: the same records with their primary keys only.
    const floorMs = await raw([]);
    console.log(`  floor (primary keys only): ${floorMs.toFixed(0)} ms`);
    measured.push({ importMs: ms, rawMs, floorMs, rawFirst, longest, peakMb });
  }
  if (measureRaw) importFigures(size, measured, lookupsP95);
}

/** The peak memory of an import measured alone (`--million-memory`). */
function memoryFigure(
  size: number,
  ms: number,
  peakMb: number,
  privatePeakMb: number,
  memory: MemoryParts,
): void {
  record(`memory: peak of the extension process, ${size / 1000}k import alone`, [peakMb], 'MB', {
    budget: '<= 300 MB',
    meets: (k) => peakMb <= 300 * k,
    note: `resident, sampled every 250 ms; private ${privatePeakMb.toFixed(0)} MB (the rest is shared, mostly Chromium's own code), Chromium's private footprint ${memory.footprintMb.toFixed(0)} MB; parts at their peaks: ${describeParts(memory)} MB; the import took ${(ms / 1000).toFixed(0)} s`,
  });
}

/** One import beside its baseline. */
interface ImportRun {
  importMs: number;
  rawMs: number;
  /** The same records written with their primary keys only. */
  floorMs: number;
  rawFirst: boolean;
  longest: LongTask;
  peakMb: number;
}

/** One import through the options page of a new profile, timed to its report. */
async function importOnce(
  options: Page,
  file: string,
  size: number,
): Promise<{ ms: number; longest: LongTask }> {
  // A million rows take most of half an hour here, more on a busy disk: the wait grows with the size.
  const timeout = Math.max(30, size / 10_000) * 60_000;
  await options.getByTestId('customer-count').filter({ hasText: 'No customers' }).waitFor();
  await options.getByTestId('import-file').setInputFiles(file);
  await options.getByTestId('import-mapping').waitFor();
  const trace = TRACE ? await traceFirstLongTask(options) : null;
  await options.evaluate(() => {
    const w = window as unknown as {
      __long: LongTask[];
      __frames: LongTask[];
      __start: number;
      __conciergeLongTask?: () => void;
    };
    w.__long = [];
    w.__frames = [];
    w.__start = performance.now();
    // When it happened says what it was: reading the file, the progress, or the report and the list after it.
    // Under --trace, the first task over 50 ms stops the trace while it still holds that task.
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        w.__long.push({ ms: e.duration, at: e.startTime - w.__start });
        if (e.duration > 50) w.__conciergeLongTask?.();
      }),
    ).observe({ type: 'longtask' });
    // Long animation frames name the scripts behind a long task (not yet in TypeScript's DOM types).
    type Script = {
      invoker: string;
      sourceFunctionName: string;
      sourceURL: string;
      sourceCharPosition: number;
      duration: number;
    };
    type Frame = PerformanceEntry & { scripts: Script[]; renderStart: number };
    new PerformanceObserver((list) =>
      (list.getEntries() as Frame[]).forEach((f) => {
        const scripts = f.scripts.map(
          (s) =>
            `${s.invoker} ${s.sourceFunctionName || '(anonymous)'} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition} ${s.duration.toFixed(0)} ms`,
        );
        const rendering = f.renderStart ? f.startTime + f.duration - f.renderStart : 0;
        w.__frames.push({
          ms: f.duration,
          at: f.startTime - w.__start,
          what: [...scripts, `rendering ${rendering.toFixed(0)} ms`].join('; '),
        });
      }),
    ).observe({ type: 'long-animation-frame' });
  });
  const start = Date.now();
  await options.getByTestId('import-start').click();
  await options.getByTestId('import-report').filter({ hasText: 'Imported —' }).waitFor({ timeout });
  const ms = Date.now() - start;
  if (trace) {
    const { long, described } = await trace.finish();
    console.log(
      `  ${long ? (described ?? 'trace: the task is not in the trace') : 'trace: no task over 50 ms'}`,
    );
  }
  const { long, frames } = await options.evaluate(() => {
    const w = window as unknown as { __long: LongTask[]; __frames: LongTask[] };
    return { long: w.__long, frames: w.__frames };
  });
  const longest = long.reduce<LongTask>((a, b) => (b.ms > a.ms ? b : a), { ms: 0, at: 0 });
  // The frame the task ran in: it starts no later than the task and ends no earlier.
  const frame = frames.find((f) => f.at <= longest.at + 1 && f.at + f.ms >= longest.at + longest.ms - 1);
  return { ms, longest: longest.ms && frame ? { ...longest, what: frame.what } : longest };
}

/** From this size the baseline makes its records chunk by chunk: a million at once do not fit in a page. */
const RAW_IN_CHUNKS_FROM = process.env.CONCIERGE_BENCH_RAW_CHUNKS === '1' ? 0 : 500_000;

/**
 * The baseline, ready to run: the same records written with the bare IndexedDB API into a
 * database of their own, with the real schema's indexes, or only those named ([]: the floor).
 */
async function rawWriter(bench: Page, size: number, indexes?: string[]): Promise<() => Promise<number>> {
  type Hooks = {
    conciergeBench: {
      prepare: (t: string) => number;
      rawWrite: (indexes?: string[]) => Promise<number>;
      fillRaw: (n: number, name: string, indexes?: string[]) => Promise<number>;
    };
  };
  const chunked = size >= RAW_IN_CHUNKS_FROM;
  if (!chunked) {
    await bench.evaluate(async () => {
      const text = await (await fetch('https://bench.invalid/data.csv')).text();
      return (window as unknown as Hooks).conciergeBench.prepare(text);
    });
  }
  return () =>
    bench.evaluate(
      ([n, useChunks, only]) =>
        useChunks
          ? (window as unknown as Hooks).conciergeBench.fillRaw(n, `bench-raw-${Date.now()}`, only)
          : (window as unknown as Hooks).conciergeBench.rawWrite(only),
      [size, chunked, indexes] as const,
    );
}

/** The baseline written once, in a browser of its own (see rawWriter). */
const rawInFreshBrowser = (csv: string, size: number, indexes?: string[]) =>
  inFreshBrowser(csv, async (h) => (await rawWriter(await extensionPage(h, 'bench.html'), size, indexes))());

/** What each index of the customers' store serves. An index that serves nothing is dropped. */
const SERVES: Record<string, string> = {
  identityKeys: "an import finding a row's customer by social account; search by handle",
  emails: "an import finding a row's customer, orders finding theirs; search by e-mail",
  phoneKeys: "an import finding a row's customer by phone; search by digits",
  crmId: "an import finding a row's customer, orders finding theirs; search by CRM id",
  nameWords: "the worker's name index (candidates); search by name",
  tags: 'search by tag',
  '[name+id]': "the customer list in name order, page by page; the worker's name index",
  updatedAt: "whether the worker's name index is still current",
};

/**
 * What each index of the customers' store costs an import: the same records written raw with
 * their primary keys and that one index, less the floor (primary keys only) measured beside them.
 * Every database in a new browser, in one sitting.
 */
async function indexCosts(size: number): Promise<void> {
  console.log(`\nIndexes, ${size.toLocaleString('en')} records written raw with one index each`);
  const csv = crmCsv(generateCustomers(size, 3));
  const write = (indexes?: string[]) => rawInFreshBrowser(csv, size, indexes);
  const names = new ConciergeDb('concierge-bench-schema').customers.schema.indexes.map((i) => i.name);
  const unserved = names.filter((n) => !SERVES[n]);
  if (unserved.length) throw new Error(`Say what these indexes serve, or drop them: ${unserved.join(', ')}`);
  const floor = await write([]);
  const all = await write();
  console.log(`  floor ${floor.toFixed(0)} ms, every index ${all.toFixed(0)} ms`);
  for (const name of names) {
    const cost = (await write([name])) - floor;
    record(`index cost: ${name}, ${size / 1000}k records`, [cost], 'ms', {
      note: `${((cost / (all - floor)) * 100).toFixed(0)}% of what all indexes add (${(all - floor).toFixed(0)} ms); serves ${SERVES[name]}`,
    });
  }
}

function importFigures(size: number, runs: ImportRun[], lookupsP95: number): void {
  if (size === MILLION && !TRACE) {
    for (const { importMs, rawMs, floorMs, rawFirst, longest, peakMb } of runs) {
      keepMillionPair({
        date: new Date().toISOString(),
        importMs,
        rawMs,
        floorMs,
        peakMb: Math.round(peakMb),
        rawFirst,
        longestTaskMs: longest.ms,
        longestTaskAtMs: Math.round(longest.at),
        longestTaskWhat: longest.what,
        lookupsP95Ms: lookupsP95,
        schema: SCHEMA,
      });
    }
    millionFigures();
    return;
  }
  const ratio = quantile(
    runs.map((r) => r.importMs / r.rawMs),
    0.5,
  );
  const toFloor = quantile(
    runs.map((r) => r.importMs / r.floorMs),
    0.5,
  );
  const tasks = runs.map((r) => r.longest.ms);
  record(
    `import: floor, raw IndexedDB with primary keys only, ${size / 1000}k records`,
    runs.map((r) => r.floorMs),
    'ms',
    {
      budget: 'import <= 2x floor',
      meets: (k) => toFloor <= 2 * k,
      note: `the import is ${toFloor.toFixed(2)}x it; the real schema's raw writing ${quantile(
        runs.map((r) => r.rawMs / r.floorMs),
        0.5,
      ).toFixed(2)}x (medians of each run's own ratio)`,
    },
  );
  record(
    `import: raw IndexedDB writes, ${size / 1000}k records`,
    runs.map((r) => r.rawMs),
    'ms',
    { note: 'before and after the imports in turn' },
  );
  record(
    `import: Concierge end to end, ${size / 1000}k rows`,
    runs.map((r) => r.importMs),
    'ms',
    {
      budget: '<= 1.25x raw',
      meets: (k) => ratio <= 1.25 * k,
      note: `${ratio.toFixed(2)}x raw (median of the runs' own ratios)`,
    },
  );
  record(`import: longest task on the options page, ${size / 1000}k`, tasks, 'ms', {
    budget: 'no task > 50 ms',
    meets: (k) => Math.max(...tasks) <= 50 * k,
  });
}

const MILLION = 1_000_000;
const MILLION_RUNS = 'bench/million-runs.json';
/** The database version being measured: each version's indexes are what an import writes. */
const SCHEMA = new ConciergeDb('concierge-bench-version').verno;

/** One million-row import and its raw baseline, measured in the same browser one after the other. */
interface MillionPair {
  date: string;
  importMs: number;
  rawMs: number;
  /** The baseline ran before the import (pairs alternate; absent: after). */
  rawFirst?: boolean;
  /** Unknown for runs recorded before it was kept. */
  longestTaskMs?: number;
  /** Milliseconds after the import's start; absent in the earliest pair. */
  longestTaskAtMs?: number;
  /** The scripts behind it, where the browser could name them (kept from 2026-12-02 on). */
  longestTaskWhat?: string;
  /** Exact lookups right after this import (before the baseline ran). */
  lookupsP95Ms?: number;
  /** The same records with their primary keys only, right after the pair (kept from 2026-12-05 on). */
  floorMs?: number;
  /** Peak resident memory of the extension's process during the import, in MB (kept from 2026-12-05 on). */
  peakMb?: number;
  /** The database version measured; absent: 3 (pairs kept before it was recorded). */
  schema?: number;
  /** Why the pair was not measured on a quiet machine: kept, never counted. */
  disturbed?: string;
}

/** A long task on the options page during an import, and when it began (ms after the import's start). */
interface LongTask {
  ms: number;
  at: number;
  /** What ran in that frame, from the Long Animation Frames API: each script's invoker, function, file and time. */
  what?: string;
}

function millionPairs(): MillionPair[] {
  return existsSync(MILLION_RUNS) ? (JSON.parse(readFileSync(MILLION_RUNS, 'utf8')) as MillionPair[]) : [];
}

/** Saved as soon as measured: a pair takes most of an hour here, and a sitting may end between pairs. */
function keepMillionPair(pair: MillionPair): void {
  writeFileSync(MILLION_RUNS, `${JSON.stringify([...millionPairs(), pair], null, 1)}\n`);
}

/** Figures over every pair kept so far; the ratio is the median of each pair's own ratio. */
function millionFigures(): void {
  const all = millionPairs();
  // Pairs from before each side had a browser of its own (no rawFirst), and pairs measured beside
  // other work, are kept, not counted.
  const pairs = all.filter((p) => p.rawFirst !== undefined && !p.disturbed);
  if (!pairs.length) return;
  const ratio = quantile(
    pairs.map((p) => p.importMs / p.rawMs),
    0.5,
  );
  const dates = [...new Set(pairs.map((p) => p.date.slice(0, 10)))].join(', ');
  const older = all.filter((p) => p.rawFirst === undefined).length;
  const disturbed = all.filter((p) => p.disturbed && p.rawFirst !== undefined);
  // Both sides write the same indexes, so ratios of different versions compare; their times need not.
  const versions = [...new Set(pairs.map((p) => p.schema ?? 3))].sort();
  const byVersion = versions
    .map((v) => {
      const of = pairs.filter((p) => (p.schema ?? 3) === v);
      return `database version ${v}: ${of.length} pair(s), ${of.map((p) => (p.importMs / p.rawMs).toFixed(2)).join(' / ')}x`;
    })
    .join('; ');
  record(
    'import: raw IndexedDB writes, 1000k records',
    pairs.map((p) => p.rawMs),
    'ms',
    {
      note: `made chunk by chunk in the page; runs of ${dates}${older ? `; ${older} earlier pair(s) measured in one browser not counted` : ''}${disturbed.map((p) => `; the pair of ${p.date.slice(0, 10)} not counted (${p.disturbed})`).join('')}`,
    },
  );
  record(
    'import: Concierge end to end, 1000k rows',
    pairs.map((p) => p.importMs),
    'ms',
    {
      budget: '<= 1.25x raw',
      meets: (k) => ratio <= 1.25 * k,
      note: `${ratio.toFixed(2)}x raw (median of the runs' own ratios; ${byVersion})`,
    },
  );
  // The floor and the peak were kept from 2026-12-05 on, and the import has changed since: the
  // budget is judged on the newest pair, the earlier ones listed by date.
  const day = (p: MillionPair) => p.date.slice(0, 10);
  const floored = pairs.filter((p) => p.floorMs);
  const newest = floored.at(-1);
  if (newest) {
    const toFloor = newest.importMs / newest.floorMs!;
    record('import: floor, raw IndexedDB with primary keys only, 1000k records', [newest.floorMs!], 'ms', {
      budget: 'import <= 2x floor',
      meets: (k) => toFloor <= 2 * k,
      note: `the import is ${toFloor.toFixed(2)}x it, raw writing with the real schema ${(newest.rawMs / newest.floorMs!).toFixed(2)}x (the pair of ${day(newest)}); by pair: ${floored.map((p) => `${day(p)} ${(p.importMs / p.floorMs!).toFixed(2)}x`).join(', ')}`,
    });
  }
  const peaked = pairs.filter((p) => p.peakMb);
  const latest = peaked.at(-1);
  if (latest)
    record('memory: peak of the extension process during a 1000k import', [latest.peakMb!], 'MB', {
      budget: '<= 300 MB',
      meets: (k) => latest.peakMb! <= 300 * k,
      note: `resident memory, sampled every 250 ms, in the pair of ${day(latest)}; by pair: ${peaked.map((p) => `${day(p)} ${p.peakMb} MB`).join(', ')}`,
    });
  const tasks = pairs.flatMap((p) => (p.longestTaskMs === undefined ? [] : [p.longestTaskMs]));
  if (tasks.length)
    record('import: longest task on the options page, 1000k', tasks, 'ms', {
      budget: 'no task > 50 ms',
      meets: (k) => Math.max(...tasks) <= 50 * k,
    });
}

/**
 * Exact lookups twice. Right after the base was written the disk is still compacting it: that
 * figure is what an agent meets in the first minutes after an import, and is reported. The
 * budget holds for the rest of the agent's day: lookups once the disk has settled.
 */
async function exactLookups(
  h: Harness,
  bench: Page,
  size: number,
  known: () => string,
  r: () => number,
): Promise<number> {
  const batches = (count: number) =>
    Array.from({ length: count }, () =>
      Array.from({ length: 20 }, (_, i) => (i % 2 ? known() : `nobody_${Math.floor(r() * 1e9)}`)),
    );
  // Slow batches early on are the disk compacting; spread out over the run, they are the lookups' own.
  const quarters = (times: number[]) =>
    [0, 1, 2, 3]
      .map((q) =>
        quantile(times.slice((q * times.length) / 4, ((q + 1) * times.length) / 4), 0.95).toFixed(1),
      )
      .join(' / ');
  const name = `matching: exact identities, batch of 20 at ${size / 1000}k`;
  const versus = (l: Lookups) =>
    `${(quantile(l.matching, 0.95) / quantile(l.baseline, 0.95)).toFixed(2)}x the p95 of reading every key from the index`;
  // What the store did on disk over a span: whether compactions or a reopen explain slow batches.
  const disk = (from: number) =>
    describeActivity(diskActivity(h.profileDir, h.extensionId, from, Date.now()));
  const earlyFrom = Date.now();
  const early = await workerLookups(h, bench, batches(205));
  record(`${name}, right after writing`, early.matching, 'ms', {
    note: `${versus(early)}; p95 by quarter of the run: ${quarters(early.matching)} ms; on disk during the run: ${disk(earlyFrom)}`,
  });
  const waitFrom = Date.now();
  const settledAfter = await untilDiskQuiet(h, bench, size);
  const waited = disk(waitFrom);
  const settledFrom = Date.now();
  const settled = await workerLookups(h, bench, batches(1005));
  const budget = size >= MILLION ? 10 : 5;
  record(name, settled.matching, 'ms', {
    budget: `p95 <= ${budget} ms`,
    meets: (k) => quantile(settled.matching, 0.95) <= budget * k,
    note: `${settledAfter}; ${versus(settled)}; p95 by quarter of the run: ${quarters(settled.matching)} ms; on disk during the wait: ${waited}, during the run: ${disk(settledFrom)}`,
  });
  record(`${name}, every key read from the index (baseline)`, settled.baseline, 'ms', {
    note: "the same batches in turn with matching, read through the customers' index",
  });
  return quantile(early.matching, 0.95);
}

/**
 * Waits for the disk to settle after a big write: a minute per 100,000 rows (five at most), then
 * on until the store's log shows no compaction for a while (15 s at 100,000, a minute at a
 * million), but no longer than a cap. Says how it ended, for the figure's note.
 */
async function untilDiskQuiet(h: Harness, page: Page, size: number): Promise<string> {
  const start = Date.now();
  const quietMs = Math.min(60_000, Math.max(10_000, size * 0.15));
  const capMs = Math.min(20 * 60_000, Math.max(60_000, size * 1.2));
  await page.waitForTimeout(Math.min(300_000, Math.max(5000, size * 0.6)));
  let last = lastCompaction(h.profileDir, h.extensionId);
  while (Date.now() - last < quietMs && Date.now() - start < capMs) {
    await page.waitForTimeout(Math.min(5000, quietMs / 2));
    last = lastCompaction(h.profileDir, h.extensionId);
  }
  const s = (ms: number) => `${Math.round(ms / 1000)} s`;
  const quiet = Date.now() - last >= quietMs;
  return `${s(Date.now() - start)} after writing, ${quiet ? `the disk quiet for the last ${s(quietMs)}` : `the disk still compacting at the cap of ${s(capMs)}`}`;
}

/** Records the lookups and searches against the imported base; returns the p95 of lookups right after it. */
async function lookupFigures(
  h: Harness,
  bench: Page,
  size: number,
  customers: GeneratedCustomer[],
): Promise<number> {
  const r = random(5);
  const rightAfter = await exactLookups(
    h,
    bench,
    size,
    () => customers[Math.floor(r() * customers.length)]!.handle,
    r,
  );

  const queries = Array.from({ length: 40 }, (_, i) => {
    const c = customers[Math.floor(r() * customers.length)]!;
    return [c.last.slice(0, 4), c.email.slice(0, 8), `@${c.handle.slice(0, 6)}`, 'kitchen'][i % 4]!;
  });
  const search = (q: string[]) =>
    bench.evaluate(
      (list) =>
        (
          window as unknown as { conciergeBench: { searches: (q: string[]) => Promise<number[]> } }
        ).conciergeBench.searches(list),
      q,
    );
  record(`options: customer search at ${size / 1000}k`, await search(queries), 'ms', {
    note: 'name word, email, handle, tag; 50 per page',
  });
  record(
    `options: next page deep in the whole list at ${size / 1000}k`,
    await search(Array.from({ length: 10 }, () => '')),
    'ms',
  );
  return rightAfter;
}

/** A million customers: the raw writing baseline, then exact lookups against them. */
async function millionBench(h: Harness): Promise<void> {
  const total = 1_000_000;
  console.log('\nA million customers');
  const bench = await extensionPage(h, 'bench.html');
  type Hooks = { conciergeBench: { fillRaw: (n: number) => Promise<number> } };
  const ms = await bench.evaluate((n) => (window as unknown as Hooks).conciergeBench.fillRaw(n), total);
  // Printed, not recorded: the raw figure for a million comes from the import pairs.
  console.log(`  written raw in ${(ms / 60_000).toFixed(1)} min`);
  const r = random(13);
  const known = () => {
    const chunk = Math.floor(r() * (total / 5000));
    const j = Math.floor(r() * 5000);
    return `${generateCustomers(j + 1, 9 + chunk * 5000)[j]!.handle}${chunk * 5000 + j}`;
  };
  await exactLookups(h, bench, total, known, r);
  await bench.close();
}

/** `later`: the partial runs since the last full one, whose figures replaced its own. */
function summary(later: readonly string[]): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${f.unit ? `${f.median.toFixed(2)} ${f.unit}` : f.median.toFixed(3)} | ${f.unit ? `${f.p95.toFixed(2)} ${f.unit}` : ''} | ${f.runs} | ${f.budget ?? ''} | ${f.ok === undefined ? '' : f.ok ? 'ok' : '**missed**'} | ${f.note ?? ''} |`,
  );
  return [
    `# Concierge benchmarks`,
    '',
    `${new Date().toISOString().slice(0, 10)}, ${machine}${later.length ? `; the last full run's figures, those of later runs (${later.join(', ')}) in their place` : ''}.`,
    '',
    '| Figure | Median | p95 | Runs | Budget | | Note |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function recordSample(s: Sample): void {
  const { budget } = s;
  record(s.name, s.samples, s.unit, {
    budget: budget?.text,
    note: s.note,
    ...(budget && {
      meets: (k: number) => budget.ok(quantile(s.samples, 0.5), quantile(s.samples, 0.95), k),
    }),
  });
}

async function loadSample(h: Harness): Promise<void> {
  const options = await extensionPage(h, 'options.html');
  await options.getByTestId('load-sample').click();
  await options.getByRole('status').filter({ hasText: 'sample' }).waitFor();
  await options.close();
}

/** CI's budget run takes about three minutes; a hung browser must fail it long before CI's own limit. */
const CI_DEADLINE_MS = 20 * 60_000;

async function main(): Promise<void> {
  if (MODE === 'ci') {
    setTimeout(() => {
      console.error(`\nThe budget run did not finish within ${CI_DEADLINE_MS / 60_000} minutes.`);
      process.exit(1);
    }, CI_DEADLINE_MS).unref();
  }
  console.log('\nBundles (gzipped)');
  for (const { name, bytes } of bundleSizes(resolve('.output/chrome-mv3'))) {
    const content = name.startsWith('content-scripts/');
    const code = content ? readFileSync(resolve('.output/chrome-mv3', name), 'utf8') : '';
    const react = content && /react\.(element|transitional\.element)|__REACT_DEVTOOLS|createRoot/.test(code);
    record(
      `size: ${name}`,
      [bytes / 1024],
      'KB',
      content ? { budget: '<= 30 KB, no React', meets: () => bytes <= 30 * 1024 && !react } : {},
    );
  }

  if (SIZES.candidates) candidateBench(SIZES.candidates);
  // Imports run first, each in a browser of its own, with no other browser beside them.
  for (const [size, runs] of SIZES.imports) await importBench(size!, runs!);
  if (SIZES.indexCosts) await indexCosts(SIZES.indexCosts);
  const pairs = MODE === 'millionImports' ? Number(option('pairs') ?? 1) : 0;
  for (let pair = 0; pair < pairs; pair++) await importBench(MILLION, 1);
  if (MODE === 'millionImports' && !pairs) millionFigures();
  const imported = [...SIZES.imports.map(([size]) => size!), ...(pairs ? [MILLION] : [])];
  // Named by the largest import it includes, so a partial run replaces only its own figure.
  if (importPeakMb)
    record(
      `memory: peak of the extension process, ${Math.max(...imported) / 1000}k import included`,
      [importPeakMb],
      'MB',
    );
  const h = await launch({ extensionDir: EXTENSION });
  try {
    if (MODE === 'million') await millionBench(h);
    if (SIZES.pageRuns) {
      await loadSample(h);
      console.log('\nPages');
      for (const sample of await pageBench(h, SIZES.pageRuns, SIZES.pagePosts, TRACE)) recordSample(sample);
      console.log('\nSide panel');
      const file = SIZES.panelImport ? join(tmpdir(), `concierge-bench-${SIZES.panelImport}.csv`) : null;
      if (file && !existsSync(file)) writeFileSync(file, crmCsv(generateCustomers(SIZES.panelImport!, 3)));
      for (const sample of await panelBench(h, file)) recordSample(sample);
    }
  } finally {
    await h.close();
  }
  if (SIZES.badInput) {
    // A browser of its own, with the sample customers: in the one the page and panel runs had
    // used (thousands of posts recorded, an import's store still compacting), the flood's clicks
    // measured +11 and +16 ms over the page alone in CI, against +0.3 to +4.4 ms in a fresh one
    // (bench/summary.md); what that browser's state costs is a question of its own.
    const fresh = await launch({ extensionDir: EXTENSION });
    try {
      await loadSample(fresh);
      console.log('\nBad input');
      const soak = Number(option('soak') ?? SIZES.soak);
      for (const sample of await badInputBench(fresh, soak)) recordSample(sample);
    } finally {
      await fresh.close();
    }
  }
  const missed = figures.filter((f) => f.ok === false);
  // Small sizes check the suite and the budgets; they never replace the published figures.
  if (MODE === 'ci' || MODE === 'quick' || TRACE) {
    console.log(
      missed.length
        ? `\nBudgets broken by more than ${MARGIN}x: ${missed.map((f) => f.name).join('; ')}`
        : `\nEvery budget met (margin ${MARGIN}x).`,
    );
    if (MODE === 'ci') process.exitCode = missed.length ? 1 : 0;
    return;
  }
  mkdirSync('bench', { recursive: true });
  // A partial run (--imports, --pages) updates its own figures in the last full results, and says so.
  let later: string[] = [];
  if (MODE !== 'full') {
    const previous = existsSync('bench/results.json')
      ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as { figures: Figure[]; later?: string[] })
      : { figures: [] };
    const fresh = new Set(figures.map((f) => f.name));
    figures.unshift(...previous.figures.filter((f) => !fresh.has(f.name)));
    later = [...new Set([...(previous.later ?? []), MODE])];
  }
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ date: new Date().toISOString(), mode: MODE, later, figures }, null, 1)}\n`,
  );
  // The hand-written history below the table is kept.
  const previous = existsSync('bench/summary.md') ? readFileSync('bench/summary.md', 'utf8') : '';
  const history = previous.indexOf('\n## History');
  writeFileSync('bench/summary.md', summary(later) + (history >= 0 ? previous.slice(history) : ''));
  console.log(
    missed.length ? `\nMissed budgets: ${missed.map((f) => f.name).join('; ')}` : '\nEvery budget met.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
