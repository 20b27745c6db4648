/**
 * Five-fold cross-validation of the learned reader on the development set: each fifth is read
 * by a model trained on the other four, for each threshold. This, not the held-out set,
 * is where classify()'s thresholds come from.
 */
import { classify } from '../classify';
import { evaluate, type Labelled } from './evaluate';
import { trainReadingModel } from './train';

export function crossValidate(posts: readonly Labelled[], thresholds: readonly number[], folds = 5) {
  const models = Array.from({ length: folds }, (_, k) =>
    trainReadingModel(posts.filter((_, i) => i % folds !== k)),
  );
  // The two thresholds act on different parts of the reading, so one pass per value tries both.
  return thresholds.map((threshold) => {
    const result = evaluate([...posts], (post, i) =>
      classify(post.text, undefined, { model: models[i % folds]!, sentiment: threshold, intent: threshold }),
    );
    return { threshold, sentimentF1: result.sentiment.macroF1, intentsF1: result.intents.macroF1 };
  });
}
