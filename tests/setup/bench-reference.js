// Speed of Hugging Face's Rust `tokenizers` (Node binding) on one thread: encodeBatch over a JSONL,
// a fresh tokenizer's first pass over the texts, then a second pass over the same texts.
// usage: RAYON_NUM_THREADS=1 TOKENIZERS_PARALLELISM=false \
//   node bench-reference.js TOKENIZER_JSON INPUT_JSONL [PASSES] [IDS_OUT]
// Prints one JSON line {"bytes": N, "seconds": [first, second, ...], "cpu": [...], "tokens": T}:
// wall time and CPU time of the whole process (user + system, all threads) of each encodeBatch
// call; the tokenizer is loaded and the texts parsed before the clocks start.
// With IDS_OUT, writes the first pass's ids there: per text an int32 count then the int32 ids,
// little-endian, so the caller can check its own ids against them.
const fs = require('fs');
const { Tokenizer } = require('tokenizers');

async function main() {
  const [tokFile, input, passesArg = '2', idsOut] = process.argv.slice(2);
  const tok = Tokenizer.fromFile(tokFile);
  const texts = fs.readFileSync(input, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l).text);
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
  const seconds = [];
  const cpu = [];
  let first = null;
  for (let r = 0; r < Number(passesArg); r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const encs = await tok.encodeBatch(texts, { addSpecialTokens: false });
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    if (first === null) first = encs;
  }
  const ids = first.map((e) => e.getIds());
  const tokens = ids.reduce((n, a) => n + a.length, 0);
  if (idsOut) {
    const buf = Buffer.alloc(4 * (ids.length + tokens));
    let o = 0;
    for (const a of ids) {
      buf.writeInt32LE(a.length, o); o += 4;
      for (const id of a) { buf.writeInt32LE(id, o); o += 4; }
    }
    fs.writeFileSync(idsOut, buf);
  }
  console.log(JSON.stringify({ bytes, seconds, cpu, tokens }));
}
main().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
