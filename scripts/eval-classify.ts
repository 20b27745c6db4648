/** Prints how well `classify` reads the labelled posts (`npm run eval`; `--errors` lists misreads). */
import { evaluate, loadEvalSet, type Scores } from '../lib/replies/eval/evaluate';

const which = process.argv.includes('--heldout') ? 'heldout' : 'posts';
const result = evaluate(loadEvalSet(which));
console.log(which === 'heldout' ? 'Held-out set (never used to write the rules)' : 'Development set (the rules were written against it)');
const table = (title: string, s: Scores) => {
  console.log(`\n${title} (macro-F1 ${s.macroF1.toFixed(3)})`);
  console.log('| Class | Precision | Recall | F1 | Posts |\n|---|---|---|---|---|');
  for (const c of s.classes) console.log(`| ${c.label} | ${c.precision.toFixed(2)} | ${c.recall.toFixed(2)} | ${c.f1.toFixed(2)} | ${c.support} |`);
};
console.log(`${result.posts} labelled posts (${Object.entries(result.languages).map(([l, n]) => `${n} ${l}`).join(', ')}); language detected right: ${(result.languageAccuracy * 100).toFixed(1)}%`);
table('Sentiment', result.sentiment);
table('Intents', result.intents);
table('Life events', result.lifeEvents);
if (process.argv.includes('--errors')) for (const e of result.errors) console.log(`\n${e.text}\n  expected ${e.expected}\n  got      ${e.got}`);
