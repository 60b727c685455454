import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DateTime } from 'luxon';
import { prove, type Rendered } from '../src/check/prove.js';
import { loadConfig } from '../src/config/config.js';
import type { Feed, FeedFormat } from '../src/model/types.js';
import { normalize } from '../src/model/normalize.js';
import { readRecords } from '../src/records/index.js';
import { render as renderAtom } from '../src/render/atom.js';
import { render as renderJsonFeed } from '../src/render/json-feed.js';
import { render as renderRss } from '../src/render/rss.js';

/**
 * Does proving the three documents on the machine's two cores pay?
 * node build/bench/bench/parallel-proof.js PROJECT_DIR [RUNS]
 *
 * Builds the model and renders the three documents, then times the proof of
 * all three, RUNS times, each way in turn:
 * - one thread: RSS, Atom and JSON Feed proven one after another, as the build does;
 * - two threads: RSS proven in a worker thread while this thread proves Atom, then JSON Feed.
 * The worker builds its own model when it starts, untimed: the figure leaves
 * out what sending the model to it would cost. Sending the document (a copy)
 * is timed. Prints one JSON line with the medians in ms.
 */
const NOW = DateTime.fromISO('2030-01-01T00:00:00Z');

async function model(project: string): Promise<Feed> {
  const { config } = await loadConfig(join(project, 'feedwright.config.json'));
  const { records } = await readRecords(join(project, 'articles'), config!.timezone ? { timezone: config!.timezone } : {});
  const { feed } = normalize(records, config!, { utc: false, articlesDir: 'articles', now: NOW });
  return feed!;
}

const proofOf = (feed: Feed, format: FeedFormat, text: string): number => prove(feed, { format, file: format, text }, { now: NOW.toMillis() }).length;

if (!isMainThread) {
  const feed = await model(workerData as string);
  parentPort!.on('message', (text: string) => parentPort!.postMessage(proofOf(feed, 'rss', text)));
  parentPort!.postMessage('ready');
} else {
  const [project, runsArg = '5'] = process.argv.slice(2);
  const feed = await model(project!);
  const documents: Rendered[] = (
    [
      ['rss', renderRss],
      ['atom', renderAtom],
      ['json', renderJsonFeed],
    ] as const
  ).map(([format, render]) => ({ format, file: format, text: render(feed) }));
  const [rss, atom, json] = documents as [Rendered, Rendered, Rendered];

  const worker = new Worker(new URL(import.meta.url), { workerData: project });
  const answer = () => new Promise<unknown>((resolve) => worker.once('message', resolve));
  await answer();

  const oneThread = async () => {
    for (const d of documents) if (proofOf(feed, d.format, d.text) > 0) throw new Error(`the proof of ${d.format} found problems`);
  };
  const twoThreads = async () => {
    const inWorker = answer();
    worker.postMessage(rss.text);
    const here = proofOf(feed, 'atom', atom.text) + proofOf(feed, 'json', json.text);
    if (here + ((await inWorker) as number) > 0) throw new Error('the proof found problems');
  };
  const times: Record<string, number[]> = { one: [], two: [] };
  for (let r = 0; r < Number(runsArg); r++) {
    for (const [name, run] of [['one', oneThread], ['two', twoThreads]] as const) {
      const start = performance.now();
      await run();
      times[name]!.push(performance.now() - start);
    }
  }
  await worker.terminate();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(JSON.stringify({ items: feed.entries.length, oneThreadMs: median(times.one!), twoThreadsMs: median(times.two!) }));
}
