// Reference BPE training with Hugging Face's Rust `tokenizers` library (its Node binding).
// usage: node train-reference.js CONFIG_JSON INPUT_TXT OUTPUT_JSON
// CONFIG_JSON is a tokenizer.json whose model is an empty BPE ("vocab": {}, "merges": []); the
// binding's train(files) runs that model's default BpeTrainer (30,000 tokens, alphabet = the
// characters seen, min_frequency 0, no special tokens) on INPUT_TXT, one sequence per line.
// Prints one JSON line {"seconds": S, "vocab_size": N} (S: training only, not loading or saving).
const fs = require('fs');
const { Tokenizer } = require('tokenizers');

const [configFile, input, output] = process.argv.slice(2);
const tok = Tokenizer.fromString(fs.readFileSync(configFile, 'utf8'));
const t0 = process.hrtime.bigint();
tok.train([input]);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
tok.save(output);
console.log(JSON.stringify({ seconds, vocab_size: tok.getVocabSize(true) }));
