// harness.js is the chrono-node baseline of the peer benchmark
// (scripts/peers.sh). It reads a folder of articles written by bench/corpus
// (manifest.json plus one text file per article whose first line is the
// headline), runs chrono.parse over each text with the article's
// published_date (midnight UTC) as the reference, and writes every result to
// stdout as the external-system JSON that `timelinectl eval --system` scores:
//
//   {"system":"chrono-node 2.10.3","units":"utf16","docs":{"<id>":[
//     {"start":114,"end":121,"text":"Friday,","type":"DATE","value":"1998-08-07"}]}}
//
// Offsets are UTF-16 code units (JavaScript string indexes) into the text
// after the headline line; the scorer converts them to bytes. chrono returns all
// matches of a text in one call. Values keep the granularity chrono is
// certain of (year, month, day, or minutes for a TIME), so chrono is scored
// at its best.
//
// On stderr it reports the time spent in chrono.parse alone (without
// start-up, reading and writing): "parse: BYTES bytes in MS ms".
//
// Usage: node harness.js DIR > chrono.json
'use strict';

// chrono resolves in the process's time zone: make it UTC like the others.
process.env.TZ = 'UTC';

const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');

function pad(n, width) {
  return String(n).padStart(width, '0');
}

// timex formats one chrono result as a TIMEX3 annotation (without offsets).
function timex(result) {
  const c = result.start;
  const y = pad(c.get('year'), 4);
  const m = pad(c.get('month'), 2);
  const d = pad(c.get('day'), 2);
  if (c.isCertain('hour')) {
    return { type: 'TIME', value: `${y}-${m}-${d}T${pad(c.get('hour'), 2)}:${pad(c.get('minute'), 2)}` };
  }
  if (c.isCertain('day') || c.isCertain('weekday')) {
    return { type: 'DATE', value: `${y}-${m}-${d}` };
  }
  if (c.isCertain('month')) {
    return { type: 'DATE', value: `${y}-${m}` };
  }
  if (c.isCertain('year')) {
    return { type: 'DATE', value: y };
  }
  return { type: 'DATE', value: `${y}-${m}-${d}` };
}

function main(argv) {
  if (argv.length !== 1) {
    process.stderr.write('usage: node harness.js DIR\n');
    process.exit(2);
  }
  const dir = argv[0];
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const docs = {};
  let size = 0;
  let parsing = 0n;
  for (const a of manifest.articles) {
    const raw = fs.readFileSync(path.resolve(dir, a.file), 'utf8');
    // The first line is the headline (bench/corpus writes the id there).
    const text = raw.slice(raw.indexOf('\n') + 1);
    const [year, month, day] = a.published_date.split('-').map(Number);
    const ref = new Date(Date.UTC(year, month - 1, day));
    const t0 = process.hrtime.bigint();
    const results = chrono.parse(text, ref);
    parsing += process.hrtime.bigint() - t0;
    size += Buffer.byteLength(text, 'utf8');
    docs[a.id] = results.map((r) => (
      { start: r.index, end: r.index + r.text.length, text: r.text, ...timex(r) }));
  }
  // chrono-node's exports hide its package.json; ours pins the exact version.
  const version = require('./package.json').dependencies['chrono-node'];
  // The same line as the when harness, read by scripts/peers.sh.
  process.stderr.write(`parse: ${size} bytes in ${(Number(parsing) / 1e6).toFixed(3)} ms\n`);
  process.stdout.write(JSON.stringify({ system: `chrono-node ${version}`, units: 'utf16', docs }) + '\n');
}

main(process.argv.slice(2));
