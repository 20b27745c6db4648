/** Trains the naive Bayes reader on the development posts: `npm run train` writes lib/reading/learned-reader.json. */
import { countFeatures, features, type CountTable } from '../bayes';
import { INTENT_NAMES } from '../classify';
import type { Labelled } from './evaluate';

/** Sentiments first (one per post), then the intents a post may have several of. */
export const MODEL_LABELS = [
  'negative',
  'neutral',
  'positive',
  ...INTENT_NAMES.filter((intent) => intent !== 'other'),
];

export function trainReadingModel(posts: readonly Labelled[]): CountTable {
  return countFeatures(
    posts.map((post) => ({ features: features(post.text), labels: [post.sentiment, ...post.intents] })),
    MODEL_LABELS,
    3,
  );
}
