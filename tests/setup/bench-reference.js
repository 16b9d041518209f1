// Speed of Hugging Face's Rust `tokenizers` (Node binding) on one thread: encodeBatch over a JSONL.
// usage: RAYON_NUM_THREADS=1 node bench-reference.js TOKENIZER_JSON INPUT_JSONL [ROUNDS]
// Prints one JSON line {"bytes": N, "seconds": S, "mb_per_s": X, "tokens": T} for the best round.
const fs = require('fs');
const { Tokenizer } = require('tokenizers');

async function main() {
  const [tokFile, input, roundsArg = '3'] = process.argv.slice(2);
  const tok = Tokenizer.fromFile(tokFile);
  const texts = fs.readFileSync(input, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l).text);
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
  let best = Infinity;
  let tokens = 0;
  for (let r = 0; r < Number(roundsArg); r++) {
    const t0 = process.hrtime.bigint();
    const encs = await tok.encodeBatch(texts, { addSpecialTokens: false });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    tokens = encs.reduce((n, e) => n + e.getIds().length, 0);
    best = Math.min(best, s);
  }
  console.log(JSON.stringify({ bytes, seconds: best, mb_per_s: bytes / 1e6 / best, tokens }));
}
main().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
