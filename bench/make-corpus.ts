import { writeCorpus } from './corpus.js';

// node build/bench/bench/make-corpus.js DIR COUNT [SEED]
const [dir, count, seed] = process.argv.slice(2);
await writeCorpus(dir!, { count: Number(count), seed: Number(seed ?? 1) });
