// Reference ids from Hugging Face's Rust `tokenizers` library (its Node binding), for parity tests.
// usage: node encode-reference.js TOKENIZER_JSON INPUT_JSONL OUTPUT_JSONL [FIELD]
// One output line {"ids":[...]} per input line: encode(text, null, {addSpecialTokens: false}).
// Run with NODE_PATH pointing at the node_modules that tests/setup/install-npm-tokenizers.sh filled.
const fs = require('fs');
const readline = require('readline');
const { Tokenizer } = require('tokenizers');

async function main() {
  const [tokFile, input, output, field = 'text'] = process.argv.slice(2);
  const tok = Tokenizer.fromFile(tokFile);
  const out = fs.createWriteStream(output);
  const rl = readline.createInterface({ input: fs.createReadStream(input, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.length === 0) continue;
    const text = JSON.parse(line)[field];
    const enc = await tok.encode(text, null, { addSpecialTokens: false });
    out.write(JSON.stringify({ ids: Array.from(enc.getIds()) }) + '\n');
  }
  await new Promise((resolve) => out.end(resolve));
}
main().catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
