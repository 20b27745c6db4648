/**
 * Scores `classify` against the labelled posts in this folder: per-class precision and recall,
 * and macro-F1, for sentiment, intents and life events. `npm run eval` prints it; a unit test
 * holds the bar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LIFE_EVENT_KINDS } from '../../db/types';
import { classify, type Reading } from '../classify';
import { INTENT_NAMES } from '../intents';

export interface Labelled {
  lang: string;
  sentiment: string;
  intents: string[];
  lifeEvents: string[];
  text: string;
  /** Posts come in batches, each written at one time ("# batch N: …" lines in the files). */
  batch: number;
}

/**
 * `posts.*` is the set the rules were written against; `heldout.*` is never used to change a
 * rule: each of its batches was written before a round of rule changes and scored after it, so
 * its figures say how the reading generalises.
 */
export function loadEvalSet(
  set: 'posts' | 'heldout' = 'posts',
  dir = resolve('lib/reading/eval'),
): Labelled[] {
  return ['en', 'ru'].flatMap((lang) => {
    let batch = 1;
    return readFileSync(resolve(dir, `${set}.${lang}.tsv`), 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line.trim())
      .flatMap((line) => {
        const header = /^# batch (\d+)/.exec(line);
        if (header) batch = Number(header[1]);
        if (line.startsWith('#')) return [];
        const [sentiment, intents, lifeEvents, ...text] = line.split('\t');
        const list = (s = '') =>
          s === '-'
            ? []
            : s
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean);
        return [
          {
            lang,
            sentiment: sentiment!,
            intents: list(intents),
            lifeEvents: list(lifeEvents),
            text: text.join('\t'),
            batch,
          },
        ];
      });
  });
}

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  classes: ClassScore[];
  macroF1: number;
}

/** Per-class scores over label sets (one label per post for sentiment, several for intents). */
function score(truth: string[][], predicted: string[][], labels: readonly string[]): Scores {
  const classes = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, i) => {
      const inTruth = t.includes(label);
      const inPred = predicted[i]!.includes(label);
      if (inTruth && inPred) tp++;
      else if (inPred) fp++;
      else if (inTruth) fn++;
    });
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: tp + fn };
  });
  const scored = classes.filter((c) => c.support > 0);
  return { classes, macroF1: scored.reduce((a, c) => a + c.f1, 0) / Math.max(1, scored.length) };
}

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

/** `read` is how a post is read: classify() with its learned reader unless told otherwise. */
export function evaluate(
  set: Labelled[] = loadEvalSet('posts'),
  read: (post: Labelled, index: number) => Reading = (post) => classify(post.text),
) {
  const readings = set.map(read);
  return {
    posts: set.length,
    languages: Object.fromEntries(['en', 'ru'].map((l) => [l, set.filter((p) => p.lang === l).length])),
    languageAccuracy: set.filter((p, i) => readings[i]!.language === p.lang).length / set.length,
    sentiment: score(
      set.map((p) => [p.sentiment]),
      readings.map((r) => [r.sentiment]),
      SENTIMENTS,
    ),
    intents: score(
      set.map((p) => p.intents),
      readings.map((r) => r.intents),
      INTENT_NAMES,
    ),
    lifeEvents: score(
      set.map((p) => p.lifeEvents),
      readings.map((r) => r.lifeEvents),
      LIFE_EVENT_KINDS,
    ),
    errors: set.flatMap((p, i) => {
      const r = readings[i]!;
      const wrong =
        r.sentiment !== p.sentiment ||
        r.intents.toSorted().join() !== p.intents.toSorted().join() ||
        r.lifeEvents.toSorted().join() !== p.lifeEvents.toSorted().join();
      return wrong
        ? [
            {
              text: p.text,
              expected: `${p.sentiment} ${p.intents.join(',')} ${p.lifeEvents.join(',')}`,
              got: `${r.sentiment} ${r.intents.join(',')} ${r.lifeEvents.join(',')}`,
            },
          ]
        : [];
    }),
  };
}
