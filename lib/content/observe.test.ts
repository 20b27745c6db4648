import { describe, expect, it } from 'vitest';
import { observeElements, RECHECK_MS } from './observe';
import type { Job } from './pieces';

// Jobs run when the test says, not on a timer: on a busy machine a timer of the test's could
// fire before the observer's, and a batch would seem split or missing.
const jobs: Job[] = [];
const run = (job: Job) => void jobs.push(job);
/** The look-again rule's clock: each tick moves it on by `step` ms and runs the timers due. */
const time = { now: 0, step: 1000, timers: [] as { at: number; run: () => void }[] };
const clock = {
  now: () => time.now,
  later: (later: () => void, ms: number) => void time.timers.push({ at: time.now + ms, run: later }),
};
/** Lets the observer see the mutations made so far (a macrotask), then runs its jobs through. */
const tick = async () => {
  await new Promise((r) => setTimeout(r, 0));
  time.now += time.step;
  const due = time.timers.filter((t) => t.at <= time.now);
  time.timers = time.timers.filter((t) => t.at > time.now);
  due.forEach((t) => t.run());
  for (let job = jobs.shift(); job; job = jobs.shift()) job(() => false);
};

function setup() {
  document.body.innerHTML = '<div id="feed"><div class="post" data-id="1"></div></div>';
  const batches: string[][] = [];
  const controller = new AbortController();
  observeElements({
    root: document.getElementById('feed')!,
    selector: '.post',
    keyOf: (el) => el.getAttribute('data-id') ?? '',
    onBatch: (els) => batches.push(els.map((el) => el.getAttribute('data-id') ?? '')),
    signal: controller.signal,
    run,
    clock,
  });
  return { batches, controller, feed: document.getElementById('feed')! };
}

/** Observes the feed in the page with a key reader that counts its reads. */
function countingKeys(html: string) {
  document.body.innerHTML = html;
  const feed = document.getElementById('feed')!;
  const counted = { reads: 0, batches: [] as string[][] };
  const observation = observeElements({
    root: feed,
    selector: '.post',
    keyOf: (el) => {
      counted.reads += 1;
      return el.getAttribute('data-id') ?? '';
    },
    onBatch: (els) => counted.batches.push(els.map((el) => el.getAttribute('data-id') ?? '')),
    signal: new AbortController().signal,
    run,
    clock,
  });
  return { feed, counted, observation };
}

describe('observeElements', () => {
  it('hands over what is there, then new elements in one batch each', async () => {
    const { batches, feed } = setup();
    await tick();
    feed.insertAdjacentHTML(
      'beforeend',
      '<div class="post" data-id="2"></div><div><div class="post" data-id="3"></div></div>',
    );
    await tick();
    expect(batches).toEqual([['1'], ['2', '3']]);
  });

  it('handles an element once, and again when a recycled row shows another post', async () => {
    const { batches, feed } = setup();
    await tick();
    const row = feed.querySelector('.post')!;
    row.appendChild(document.createElement('span'));
    await tick();
    expect(batches).toEqual([['1']]);
    row.setAttribute('data-id', '9');
    row.appendChild(document.createElement('span'));
    await tick();
    expect(batches).toEqual([['1'], ['9']]);
  });

  it('finds elements added inside a handled one (comments loading under a post)', async () => {
    const { batches, feed } = setup();
    await tick();
    const post = feed.querySelector('.post')!;
    post.insertAdjacentHTML('beforeend', '<ul><li><div class="post" data-id="1.1"></div></li></ul>');
    await tick();
    post.querySelector('li')!.insertAdjacentHTML('beforeend', '<div class="post" data-id="1.1.1"></div>');
    await tick();
    expect(batches).toEqual([['1'], ['1.1'], ['1.1.1']]);
  });

  it('leaves alone an element whose key cannot be read, without throwing', async () => {
    document.body.innerHTML =
      '<div id="feed"><div class="post" data-id="1"></div><div class="post" data-id="boom"></div></div>';
    const batches: string[][] = [];
    observeElements({
      root: document.getElementById('feed')!,
      selector: '.post',
      keyOf: (el) => {
        if (el.getAttribute('data-id') === 'boom') throw new Error('unexpected markup');
        return el.getAttribute('data-id') ?? '';
      },
      onBatch: (els) => batches.push(els.map((el) => el.getAttribute('data-id') ?? '')),
      signal: new AbortController().signal,
      run,
      clock,
    });
    await tick();
    expect(batches).toEqual([['1']]);
  });

  it('waits for an empty row to be filled', async () => {
    const { batches, feed } = setup();
    await tick();
    feed.insertAdjacentHTML('beforeend', '<div class="post"></div>');
    await tick();
    expect(batches).toEqual([['1']]);
    const empty = feed.querySelectorAll('.post')[1]!;
    empty.setAttribute('data-id', '4');
    empty.textContent = 'filled';
    await tick();
    expect(batches).toEqual([['1'], ['4']]);
  });

  it('starts from what a whole document already holds', async () => {
    document.body.innerHTML = '<main><div class="post" data-id="7"></div></main>';
    const seen: string[] = [];
    observeElements({
      root: document,
      selector: '.post',
      keyOf: (el) => el.getAttribute('data-id') ?? '',
      onBatch: (els) => seen.push(...els.map((el) => el.getAttribute('data-id') ?? '')),
      signal: new AbortController().signal,
      run,
      clock,
    });
    await tick();
    expect(seen).toEqual(['7']);
  });

  it('looks at a post changing thousands of times a second five times a second, and misses no change', async () => {
    const { feed, counted } = countingKeys(
      '<div id="feed"><div class="post" data-id="1"><span></span></div></div>',
    );
    await tick();
    const post = feed.querySelector('.post')!;
    const live = post.querySelector('span')!;
    time.step = 4;
    // A second of a live counter: 250 tasks of 20 changes each.
    for (let task = 0; task < 250; task++) {
      for (let k = 0; k < 20; k++) live.textContent = String(task * 20 + k);
      await tick();
    }
    expect(counted.reads).toBeLessThanOrEqual(1 + 1000 / RECHECK_MS + 1);
    // The post changes for real amid the counting: it is seen once its time is up.
    post.setAttribute('data-id', '2');
    live.textContent = 'again';
    await tick();
    for (let t = 0; t < RECHECK_MS / 4; t++) await tick();
    expect(counted.batches).toEqual([['1'], ['2']]);
    time.step = 1000;
  });

  it('stops on abort', async () => {
    const { batches, feed, controller } = setup();
    await tick();
    controller.abort();
    feed.insertAdjacentHTML('beforeend', '<div class="post" data-id="5"></div>');
    await tick();
    expect(batches).toEqual([['1']]);
  });

  it('looks at nothing drawn quietly, and still sees what the page changed before and after', async () => {
    const { feed, counted, observation } = countingKeys(
      '<div id="feed"><div class="post" data-id="1"><span class="name"></span></div><div class="post" data-id="3"></div></div>',
    );
    await tick();
    const reads = counted.reads;
    observation.quietly(() => feed.querySelector('.name')!.append(document.createElement('span')));
    await tick();
    expect(counted.reads).toBe(reads);
    // A change of the page's, made just before a quiet one, is not lost with it.
    feed.querySelector('[data-id="3"]')!.setAttribute('data-id', '4');
    feed.querySelector('[data-id="4"]')!.append(document.createElement('em'));
    observation.quietly(() => feed.querySelector('.name')!.append(document.createElement('span')));
    await tick();
    expect(counted.batches).toEqual([['1', '3'], ['4']]);
    const post = feed.querySelector('.post')!;
    post.setAttribute('data-id', '2');
    post.append(document.createElement('em'));
    await tick();
    expect(counted.batches).toEqual([['1', '3'], ['4'], ['2']]);
  });
});
