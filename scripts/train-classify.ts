/** `npm run train`: retrains the naive Bayes reader on the development posts after they change. */
import { writeFileSync } from 'node:fs';
import { loadEvalSet } from '../lib/replies/eval/evaluate';
import { trainReadingModel } from '../lib/replies/eval/train';

const model = trainReadingModel(loadEvalSet('posts'));
writeFileSync('lib/replies/model.json', `${JSON.stringify(model)}\n`);
console.log(`lib/replies/model.json: ${Object.keys(model.rows).length} features from ${model.posts} posts`);
