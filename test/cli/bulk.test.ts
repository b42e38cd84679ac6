// Bulk mode: a pool of worker threads reviewing chunks must give exactly what one thread gives, whatever the
// chunking, and fall back to this thread when the input is small. Runs the built code (workers load
// dist/src/bulk-worker.js), so it is skipped before the first build.
import { existsSync } from 'node:fs';
import { defaultConfig } from '../../src/config/constants.js';
import type { InputSource, ReviewResult } from '../../src/types.js';

const BULK = 'dist/src/bulk.js';
const describeBuilt = existsSync(BULK) ? describe : describe.skip;

type BulkModule = typeof import('../../src/bulk.js');
type ReviewModule = typeof import('../../src/review.js');
type IngestModule = typeof import('../../src/ingest/index.js');

async function load() {
  const root = new URL('../../dist/src/', import.meta.url);
  const bulk = (await import(new URL('bulk.js', root).href)) as BulkModule;
  const review = (await import(new URL('review.js', root).href)) as ReviewModule;
  const ingest = (await import(new URL('ingest/index.js', root).href)) as IngestModule;
  return { bulk, review, ingest };
}

/** The result without its timings, which differ from run to run. */
function comparable(r: ReviewResult) {
  const { timings: _timings, ...stats } = r.stats;
  return { ...r, stats };
}

describeBuilt('reviewMany', () => {
  let sources: InputSource[];
  let mods: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    mods = await load();
    const read = await mods.ingest.readInputs(['examples', 'fixtures/rules/dma-map-sg-result', 'fixtures/rules/sg-nonpage-memory', 'fixtures/rules/p2pdma-mixed-sgl']);
    expect(read.errors).toEqual([]);
    sources = read.sources;
  });

  test('several workers and many chunks give the one-thread result', async () => {
    const config = defaultConfig();
    const one = await mods.review.review(sources, { config });
    expect(one.findings.length).toBeGreaterThan(5);
    const pooled = await mods.bulk.reviewMany(sources, { config, jobs: 3, chunkLines: 20 });
    expect(comparable(pooled)).toEqual(comparable(one));
  }, 60_000);

  test('auto reviews the first lines here and the rest on workers, with the same result', async () => {
    const config = defaultConfig();
    const one = await mods.review.review(sources, { config });
    const auto = await mods.bulk.reviewMany(sources, { config, jobs: 'auto', autoThresholdLines: 60, chunkLines: 40 });
    expect(comparable(auto)).toEqual(comparable(one));
  }, 60_000);

  test('workerCount: auto is one per core; explicit counts are capped at twice the cores', async () => {
    const { availableParallelism } = await import('node:os');
    expect(mods.bulk.workerCount('auto')).toBe(availableParallelism());
    expect(mods.bulk.workerCount(1)).toBe(1);
    expect(mods.bulk.workerCount(10_000)).toBe(availableParallelism() * 2);
  });
});
