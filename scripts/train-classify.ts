/** `npm run train`: retrains the naive Bayes reader on the development posts after they change. */
import { writeFileSync } from 'node:fs';
import { loadEvalSet } from '../lib/reading/eval/evaluate';
import { trainReadingModel } from '../lib/reading/eval/train';

const model = trainReadingModel(loadEvalSet('posts'));
writeFileSync('lib/reading/learned-reader.json', `${JSON.stringify(model)}\n`);
console.log(
  `lib/reading/learned-reader.json: ${Object.keys(model.rows).length} features from ${model.posts} posts`,
);
