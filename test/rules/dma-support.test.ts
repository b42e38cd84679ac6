// Unit tests of the dma rules' support modules: the patch-era target version, DMA sink arguments, the count flow (which
// count reaches an unmap) and the scatterlist iterator recognition.
import { parseSyntax } from '../../src/c/parser.js';
import { lowerSyntax } from '../../src/c/lower.js';
import { FileAnalysis } from '../../src/analysis/index.js';
import type { Expr, FunctionIR } from '../../src/c/ir.js';
import type { Patch } from '../../src/types.js';
import type { ModelView } from '../../src/rules/types.js';
import { targetVersion, atOrAfter } from '../../src/rules/support/kernel-era.js';
import { versionAtDate } from '../../src/model/versions.js';
import { CountFlow } from '../../src/rules/support/count-flow.js';
import { sgLoops, fieldRead } from '../../src/rules/support/sg-iterators.js';
import { knownSinkArgs } from '../../src/rules/support/dma-sinks.js';
import { createModelView } from '../../src/engine/model-view.js';
import { defaultConfig } from '../../src/config/index.js';
import { fakeModel } from '../analysis/fake-model.js';

function analyse(src: string): FileAnalysis {
  return new FileAnalysis(lowerSyntax(parseSyntax(src), (r) => r + 1, 'x.c'), {
    ...fakeModel,
    contract: (name) => name === 'dma_map_sg'
      ? { name, category: 'dma-map', params: [{ name: 'dev', role: 'dev' }, { name: 'sg', role: 'sg' }, { name: 'nents', role: 'nents' }, { name: 'dir', role: 'dir' }], returns: { error: 'zero-count' } }
      : fakeModel.contract(name),
  });
}

/** The classes of the count argument (index 2) of the first call to `callee` in `fn`. */
function countClasses(a: FileAnalysis, fnName: string, callee: string): string[] {
  const fn = a.functions.find((f) => f.name === fnName) as FunctionIR;
  const site = a.calls(fn).find((s) => s.call.callee === callee)!;
  const flow = new CountFlow(a, a.model, 'x.c');
  return [...new Set(flow.origins(site.call.args[2] as Expr, fn, { stmt: site.stmt, stmtParents: site.stmtParents }).map((o) => o.cls))].sort();
}

const patch = (p: Partial<Patch>): Patch => ({
  id: 'p#0', input: 'p', ordinal: 0, subject: { raw: 's', title: 's', prefixes: [], isCover: false }, quoted: false, body: '', files: [], ...p,
});
const model = (kernel?: string) => ({ kernel } as unknown as ModelView);

describe('kernel era', () => {
  test('a date falls in the newest release tagged before it', () => {
    // Inside a merge window the tree is still the release; after it, the next release's -rc.
    expect(versionAtDate('Mon, 10 Jan 2022 12:00:00 +0000')).toBe('5.16');
    expect(versionAtDate('Thu, 27 Jan 2022 17:25:52 -0700')).toBe('5.17');
    expect(versionAtDate('Tue, 2 Jul 2019 11:35:44 -0600')).toBe('5.2');
    expect(versionAtDate('Sun, 2 Oct 2022 12:00:00 +0000')).toBe('6.0');
    expect(versionAtDate('Wed, 26 Oct 2022 12:00:00 +0000')).toBe('6.1');
    expect(versionAtDate('not a date')).toBeUndefined();
    expect(versionAtDate('Mon, 1 Jan 2001 00:00:00 +0000')).toBeUndefined();
  });
  test('--kernel wins over the base commit, which wins over the date', () => {
    const base = 'adc218676eef25575469234709c2d87185ca223a';
    expect(targetVersion(patch({ date: 'Tue, 2 Jul 2019 11:35:44 -0600', baseCommit: base }), model('6.16')).source).toBe('config');
    expect(targetVersion(patch({ date: 'Tue, 2 Jul 2019 11:35:44 -0600', baseCommit: base }), model()).version).toBe('6.12');
    expect(targetVersion(patch({ date: 'Tue, 2 Jul 2019 11:35:44 -0600' }), model())).toMatchObject({ version: '5.2', source: 'date' });
    expect(targetVersion(patch({}), model()).source).toBe('mainline');
  });
  test('the note says where the version came from', () => {
    const dated = patch({ date: 'Mon, 15 Apr 2019 09:00:00 +0000' });
    expect(targetVersion(dated, model())).toEqual({ version: '5.1', source: 'date', note: "the tree of the patch's date, 2019-04-15" });
    expect(targetVersion(dated, model('6.12'))).toEqual({ version: '6.12', source: 'config', note: 'the configured target kernel 6.12' });
  });
  test('boundaries with the model\'s approximate versions', () => {
    expect(atOrAfter('6.0', '≈6.0')).toBe(true);
    expect(atOrAfter('5.19', '≈6.0')).toBe(false);
    expect(atOrAfter('6.1', undefined)).toBe(false);
  });
});

describe('DMA sinks', () => {
  test('model contracts and bus helpers name the argument the device accesses', () => {
    const real = createModelView(defaultConfig());
    expect(knownSinkArgs('usb_control_msg', real).map((s) => s.index)).toEqual([6]);
    expect(knownSinkArgs('dma_map_single', real).map((s) => s.index)).toEqual([1]);
    expect(knownSinkArgs('no_such_function', real)).toEqual([]);
  });
});

describe('count flow', () => {
  test('the mapped count through a local, and a dominating map that overwrites the parameter', () => {
    const a = analyse(`int f(struct device *d, struct scatterlist *sg, int nents) {
      int n = dma_map_sg(d, sg, nents, 1);
      dma_unmap_sg(d, sg, n, 1);
      return 0;
    }
    int g(struct device *d, struct scatterlist *sg, int nents) {
      nents = dma_map_sg(d, sg, nents, 1);
      dma_unmap_sg(d, sg, nents, 1);
      return 0;
    }`);
    expect(countClasses(a, 'f', 'dma_unmap_sg')).toEqual(['mapped']);
    expect(countClasses(a, 'g', 'dma_unmap_sg')).toEqual(['mapped']);
  });
  test('a map in one branch leaves the parameter possible too; a later assignment does not reach', () => {
    const a = analyse(`int f(struct device *d, struct scatterlist *sg, int nents, int x) {
      if (x)
        nents = dma_map_sg(d, sg, nents, 1);
      dma_unmap_sg(d, sg, nents, 1);
      return 0;
    }
    int g(struct device *d, struct scatterlist *sg, int nents, int n) {
      dma_unmap_sg(d, sg, n, 1);
      n = dma_map_sg(d, sg, nents, 1);
      return n;
    }`);
    expect(countClasses(a, 'f', 'dma_unmap_sg')).toEqual(['mapped', 'other']);
    expect(countClasses(a, 'g', 'dma_unmap_sg')).toEqual(['other']);
  });
  test('struct fields across functions prefer the same written path; resets do not count', () => {
    const a = analyse(`static int prep(struct device *d, struct rctx *r, int nents) {
      r->src.nents = nents;
      r->mapped = dma_map_sg(d, r->sg, nents, 1);
      return 0;
    }
    static void done(struct device *d, struct rctx *r) {
      dma_unmap_sg(d, r->sg, r->mapped, 1);
      r->mapped = 0;
    }
    static void ok(struct device *d, struct rctx *r) {
      dma_unmap_sg(d, r->sg, r->src.nents, 1);
    }`);
    expect(countClasses(a, 'done', 'dma_unmap_sg')).toEqual(['mapped', 'reset']);
    expect(countClasses(a, 'ok', 'dma_unmap_sg')).toEqual(['other']);
  });
  test('helpers returning the count, and a loop carrying a later assignment back', () => {
    const a = analyse(`static int map(struct device *d, struct scatterlist *sg, int n) {
      int c = dma_map_sg(d, sg, n, 1);
      if (!c)
        return -12;
      return c;
    }
    int f(struct device *d, struct scatterlist *sg, int n) {
      int c = map(d, sg, n);
      dma_sync_sg_for_cpu(d, sg, c, 1);
      return 0;
    }
    int g(struct device *d, struct scatterlist **sgs, int n, int k) {
      int c = 0;
      while (k--) {
        if (c)
          dma_unmap_sg(d, sgs[k], c, 1);
        c = dma_map_sg(d, sgs[k], n, 1);
      }
      return 0;
    }`);
    expect(countClasses(a, 'f', 'dma_sync_sg_for_cpu')).toEqual(['mapped', 'reset']);
    expect(countClasses(a, 'g', 'dma_unmap_sg')).toContain('mapped');
  });
});

describe('scatterlist iterators', () => {
  test('braced and brace-less macro loops, with the view and the fields read', () => {
    const a = analyse(`void f(struct sg_table *sgt, struct scatterlist *sgl, int n) {
      struct scatterlist *sg; int i;
      for_each_sgtable_sg(sgt, sg, i) {
        use(sg_dma_address(sg));
      }
      for_each_sgtable_dma_sg(sgt, sg, i)
        total += sg->length;
      for_each_sg(sgl, sg, n, i)
        dev_dbg(dev, "%u", sg->offset);
    }`);
    const loops = sgLoops(a.functions[0]);
    expect(loops.map((l) => [l.kind, l.view])).toEqual([
      ['for_each_sgtable_sg', 'cpu'], ['for_each_sgtable_dma_sg', 'dma'], ['for_each_sg', 'explicit'],
    ]);
    const reads = loops.map((l) => l.bodyExprs.map((b) => fieldRead(b.e, b.parents, l.cursor)).filter(Boolean).map((r) => `${r!.half}:${r!.what}`));
    expect(reads).toEqual([['dma:sg_dma_address()'], ['cpu:->length'], []]);
  });
});
