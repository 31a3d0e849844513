// Runs chrono-node over the benchmark documents through its own API (chrono.parse with the publication date as the
// reference date); prints one JSON line. Same protocol as python_peer.py: the first call timed alone, warm-up on the
// first documents, then passes over the corpus until --passes or --budget seconds.
//   node chrono_peer.js --corpus FILE --modules DIR/node_modules [--budget S] [--passes N] [--warm-up-docs N]
'use strict';
const fs = require('fs');
const path = require('path');

const args = { budget: 40, passes: 3, warmUpDocs: 3 };
for (let i = 2; i < process.argv.length; i += 2) {
  const [flag, value] = [process.argv[i], process.argv[i + 1]];
  if (flag === '--corpus') args.corpus = value;
  else if (flag === '--modules') args.modules = value;
  else if (flag === '--budget') args.budget = Number(value);
  else if (flag === '--passes') args.passes = Number(value);
  else if (flag === '--warm-up-docs') args.warmUpDocs = Number(value);
  else throw new Error(`unknown argument ${flag}`);
}

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
let start = process.hrtime.bigint();
const chrono = require(path.resolve(args.modules, 'chrono-node'));
const loadSeconds = seconds(start);

const docs = fs.readFileSync(args.corpus, 'utf8').split('\n').filter((l) => l).map((line) => {
  const d = JSON.parse(line);
  // Noon UTC on the publication date, as the Python peers use.
  const reference = d.published ? new Date(`${d.published}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
  return { text: d.text, reference, bytes: Buffer.byteLength(d.text, 'utf8') };
});
const tag = (d) => chrono.parse(d.text, d.reference).length;

start = process.hrtime.bigint();
tag(docs[0]);
const firstCallSeconds = seconds(start);
for (const d of docs.slice(0, args.warmUpDocs)) tag(d);

let processedDocs = 0, processedBytes = 0, found = 0, elapsed = 0, passes = 0;
while (passes < args.passes && elapsed < args.budget) {
  for (const d of docs) {
    start = process.hrtime.bigint();
    const count = tag(d);
    elapsed += seconds(start);
    processedDocs += 1;
    processedBytes += d.bytes;
    if (passes === 0) found += count;
    if (elapsed >= args.budget) break;
  }
  passes += 1;
}
console.log(JSON.stringify({
  peer: 'chrono-node', version: require(path.resolve(args.modules, 'chrono-node/package.json')).version,
  load_s: loadSeconds, first_call_s: firstCallSeconds, first_call_bytes: docs[0].bytes,
  docs: processedDocs, bytes: processedBytes, seconds: elapsed,
  complete_passes: processedDocs % docs.length === 0 ? passes : passes - 1,
  corpus_docs: docs.length, found_first_pass: found, first_pass_docs: Math.min(processedDocs, docs.length),
}));
