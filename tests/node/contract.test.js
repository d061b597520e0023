// A non-Go client of timelined: grpc-js with proto-loader at its default
// settings (camelCase field names, enums as numbers, unset fields left
// out), as a JavaScript service would call it. internal/server's
// TestNodeClient starts a server, writes the cases, runs this file with
// `node --test` and compares what it saved with the Go client's answers.
//
// Environment: TIMELINED_ADDR (host:port), TIMELINED_CASES (JSON written by
// the Go test),
// TIMELINED_OUT (where the answers go).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const spec = JSON.parse(fs.readFileSync(process.env.TIMELINED_CASES, 'utf8'));

// proto-loader at its defaults, loading the contract's .proto files;
// only where to find them is said (buf/validate/validate.proto as `make
// protovalidate` writes it).
const root = path.resolve(__dirname, '..', '..');
const def = protoLoader.loadSync('timeline/v1/timeline.proto', {
  includeDirs: [path.join(root, 'proto'), path.join(root, 'third_party', 'protovalidate')],
});
const pkg = grpc.loadPackageDefinition(def);
const client = new pkg.timeline.v1.TimelineService(process.env.TIMELINED_ADDR, grpc.credentials.createInsecure());

function call(method, request) {
  return new Promise((resolve) => {
    client[method](request, { deadline: Date.now() + 30000 }, (err, resp) => resolve({ err, resp }));
  });
}

// A span of text by code points, as the contract counts them.
const byCodePoints = (text, start, end) => Array.from(text).slice(start, end).join('');

const answers = {};

test('the cases answer as the Go client is answered', async (t) => {
  for (const c of spec.cases) {
    await t.test(c.name, async () => {
      const { err, resp } = await call(c.method, c.request);
      if (c.code) {
        assert.ok(err, `${c.name}: want ${c.code}, got an answer`);
        assert.equal(grpc.status[err.code], c.code);
        for (const s of c.inMessage || []) {
          assert.ok(err.details.includes(s), `${c.name}: "${err.details}" lacks "${s}"`);
        }
        answers[c.name] = { code: grpc.status[err.code], message: err.details };
        return;
      }
      assert.ifError(err);
      answers[c.name] = resp;
      if (c.method === 'ResolveDates') {
        const text = c.request.article.text;
        for (const m of resp.mentions) {
          assert.equal(byCodePoints(text, m.start, m.end), m.text, `mention ${m.text}`);
        }
      }
    });
  }
});

test('UTF-16 slicing by code-point offsets is wrong after an emoji, as the contract warns', () => {
  const c = spec.cases.find((x) => x.name === 'emoji');
  const text = c.request.article.text;
  const wrong = answers.emoji.mentions.filter((m) => text.slice(m.start, m.end) !== m.text);
  assert.ok(wrong.length > 0, 'no mention comes after an emoji');
});

test('snake_case keys are dropped silently by proto-loader at its defaults', () => {
  // The same article, published_date given in snake_case: proto-loader
  // (keepCase false) does not send the field, so the server, given no
  // date and a text with none, has no publication date. camelCase sends
  // it. At its defaults proto-loader also leaves out fields at their zero
  // value (`inferred: false` reads as undefined).
  assert.equal(answers['camelCase date'].publication.date, '2021-03-22');
  assert.equal(answers['camelCase date'].publication.inferred, undefined);
  assert.notEqual(answers['snake_case date'].publication.date, '2021-03-22');
});

test.after(() => {
  fs.writeFileSync(process.env.TIMELINED_OUT, JSON.stringify(answers));
  client.close();
});
