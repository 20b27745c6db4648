/**
 * Prints how well `classify` reads the labelled posts (`npm run eval`; `-- --heldout` for the
 * held-out set). `--errors` lists misreads of the development set only: reading the held-out
 * set's misreads would turn it into a development set.
 */
import { classify } from '../lib/reading/classify';
import { evaluate, loadEvalSet, type Scores } from '../lib/reading/eval/evaluate';

if (process.argv.includes('--cv')) {
  const { crossValidate } = await import('../lib/reading/eval/cross-validate');
  const rules = evaluate(loadEvalSet('posts'), (post) => classify(post.text, undefined, null));
  console.log(
    `Five-fold cross-validation on the development set, macro-F1 (rules alone: sentiment ${rules.sentiment.macroF1.toFixed(3)}, intents ${rules.intents.macroF1.toFixed(3)})`,
  );
  console.log('| Learned reader speaks above | Sentiment | Intents |\n|---|---|---|');
  for (const row of crossValidate(loadEvalSet('posts'), [0.6, 0.7, 0.8, 0.9, 0.95])) {
    console.log(`| ${row.threshold} | ${row.sentimentF1.toFixed(3)} | ${row.intentsF1.toFixed(3)} |`);
  }
  process.exit(0);
}
const which = process.argv.includes('--heldout') ? 'heldout' : 'posts';
const posts = loadEvalSet(which);
const result = evaluate(posts);
console.log(
  which === 'heldout'
    ? 'Held-out set (never used to write the rules)'
    : 'Development set (the rules were written against it)',
);
const table = (title: string, s: Scores) => {
  console.log(`\n${title} (macro-F1 ${s.macroF1.toFixed(3)})`);
  console.log('| Class | Precision | Recall | F1 | Posts |\n|---|---|---|---|---|');
  for (const c of s.classes)
    console.log(
      `| ${c.label} | ${c.precision.toFixed(2)} | ${c.recall.toFixed(2)} | ${c.f1.toFixed(2)} | ${c.support} |`,
    );
};
console.log(
  `${result.posts} labelled posts (${Object.entries(result.languages)
    .map(([l, n]) => `${n} ${l}`)
    .join(', ')}); language detected right: ${(result.languageAccuracy * 100).toFixed(1)}%`,
);
table('Sentiment', result.sentiment);
table('Intents', result.intents);
table('Life events', result.lifeEvents);
const batches = [...new Set(posts.map((p) => p.batch))];
if (batches.length > 1) {
  console.log('\nBy batch (macro-F1)\n| Batch | Posts | Sentiment | Intents |\n|---|---|---|---|');
  for (const batch of batches) {
    const part = evaluate(posts.filter((p) => p.batch === batch));
    console.log(
      `| ${batch} | ${part.posts} | ${part.sentiment.macroF1.toFixed(3)} | ${part.intents.macroF1.toFixed(3)} |`,
    );
  }
}
if (process.argv.includes('--errors') && which === 'posts')
  for (const e of result.errors) console.log(`\n${e.text}\n  expected ${e.expected}\n  got      ${e.got}`);
