// Support answers that are now computed once and shared (per function, per file, per patch or per model view):
// each must equal a fresh computation by the original method, be frozen, and be the same object when asked again.
import { ingest } from '../../src/ingest/index.js';
import { hunkImage } from '../../src/c/images.js';
import { parseImage } from '../../src/c/source.js';
import { FileAnalysis, ownExprs, walkExpr, walkStmts } from '../../src/analysis/index.js';
import type { Expr, FunctionIR } from '../../src/c/ir.js';
import { createModelView } from '../../src/engine/model-view.js';
import { defaultConfig } from '../../src/config/index.js';
import { adjacencyTestOf, adjacencyTests } from '../../src/rules/support/page-merge.js';
import { caseContainer, decidesMapTypeBefore, mapTypeSwitches, mapTypesIn, switchCases, type MapTypeName } from '../../src/rules/support/p2p-branches.js';
import { gupCalls, pageSources, sgListKey } from '../../src/rules/support/sg-lists.js';
import { removedIdentifiers } from '../../src/model/catalogue.js';
import { versionAtDate, RELEASES } from '../../src/model/versions.js';
import type { RuleContext } from '../../src/rules/types.js';
import { lazy, memoize, memoize2 } from '../../src/rules/support/memo.js';
import { newFilePatch } from './patch-builders.js';

const model = createModelView(defaultConfig());

const SRC = `// SPDX-License-Identifier: GPL-2.0
static bool adjacent(struct page *a, struct page *b)
{
	return page_to_pfn(a) + 1 == page_to_pfn(b) && x == y;
}

static int fill(struct sg_table *sgt, struct page **pages, unsigned long addr, int n)
{
	struct scatterlist *sg, *cur;
	int i, got;

	got = pin_user_pages_fast(addr, n, FOLL_WRITE | FOLL_PCI_P2PDMA, pages);
	for_each_sg(sgt->sgl, sg, got, i)
		sg_set_page(sg, pages[i], PAGE_SIZE, 0);
	for_each_sgtable_sg(other, cur, i) {
		if (sg_phys(cur) + cur->length == sg_phys(sg))
			continue;
	}
	return got;
}

static int m(struct device *dev, struct scatterlist *sg)
{
	int type = pci_p2pdma_map_type(pgmap, dev);

	switch (type) {
	case PCI_P2PDMA_MAP_BUS_ADDR:
		sg->dma_address = bus;
		break;
	case PCI_P2PDMA_MAP_THRU_HOST_BRIDGE:
		fallthrough;
	default:
		return -EREMOTEIO;
	}
	if (type == PCI_P2PDMA_MAP_NONE)
		return 0;
	return dma_map_sg(dev, sg, 1, DMA_TO_DEVICE);
}
`;

async function contextOf(text: string): Promise<RuleContext> {
  const { patches, errors } = await ingest([{ name: 'memo.patch', data: Buffer.from(text) }]);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  const patch = patches[0];
  const file = patch.files[0];
  const image = hunkImage(file, 'new')!;
  const ir = parseImage(image);
  return { patch, file, side: 'new', image, ir, analysis: new FileAnalysis(ir, model), model };
}

function fnNamed(ctx: RuleContext, name: string): FunctionIR {
  const f = ctx.analysis.functions.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
}

/** Every expression of a function by the classic walk. */
function everyExpr(fn: FunctionIR): Expr[] {
  const out: Expr[] = [];
  walkStmts(fn.body, (s) => { for (const r of ownExprs(s)) walkExpr(r, (e) => { out.push(e); }); });
  return out;
}

function expectShared<T>(first: readonly T[], again: readonly T[]): void {
  expect(again).toBe(first);
  expect(Object.isFrozen(first)).toBe(true);
}

describe('memo helpers', () => {
  test('memoize() computes once per key object, undefined and false answers included', () => {
    const calls: object[] = [];
    const answer = memoize((k: { v?: boolean }) => { calls.push(k); return k.v; });
    const a = { v: false };
    const b = {};
    expect(answer(a)).toBe(false);
    expect(answer(a)).toBe(false);
    expect(answer(b)).toBeUndefined();
    expect(answer(b)).toBeUndefined();
    expect(calls).toEqual([a, b]);
  });

  test('memoize2() computes once per key object and second key', () => {
    let calls = 0;
    const sum = memoize2((k: { n: number }, by: number) => { calls++; return k.n + by; });
    const k = { n: 1 };
    expect([sum(k, 1), sum(k, 2), sum(k, 1), sum({ n: 1 }, 1)]).toEqual([2, 3, 2, 2]);
    expect(calls).toBe(3);
  });

  test('lazy() runs its computation on the first call only, whatever it answers', () => {
    let calls = 0;
    const answer = lazy(() => { calls++; return undefined; });
    expect(calls).toBe(0);
    expect([answer(), answer()]).toEqual([undefined, undefined]);
    expect(calls).toBe(1);
  });
});

describe('memoised support answers', () => {
  test('adjacency tests: every comparison adjacencyTestOf() accepts, once per function', async () => {
    const ctx = await contextOf(newFilePatch('lib/x.c', SRC));
    for (const fn of ctx.analysis.functions) {
      const fresh = everyExpr(fn).map(adjacencyTestOf).filter((t) => t !== undefined);
      expect(adjacencyTests(fn)).toEqual(fresh);
      expectShared(adjacencyTests(fn), adjacencyTests(fn));
    }
    expect(adjacencyTests(fnNamed(ctx, 'adjacent')).length).toBe(1);
    expect(adjacencyTests(fnNamed(ctx, 'fill')).length).toBe(1);
  });

  test('map-type switches and first mentions equal a fresh walk', async () => {
    const ctx = await contextOf(newFilePatch('kernel/dma/x.c', SRC));
    const fn = fnNamed(ctx, 'm');
    const fresh: unknown[] = [];
    walkStmts(fn.body, (s, parents) => {
      if (s.k === 'block' && parents[parents.length - 1]?.k === 'switch') return;
      if (caseContainer(s) && switchCases(s).some((c) => c.mapTypes.length > 0)) fresh.push(s);
    });
    expect(mapTypeSwitches(fn)).toEqual(fresh);
    expect(mapTypeSwitches(fn).length).toBe(1);
    expectShared(mapTypeSwitches(fn), mapTypeSwitches(fn));
    // The original question, walked for every line: a statement up to `line` mentions the type.
    const walked = (type: MapTypeName, line: number) => {
      let found = false;
      walkStmts(fn.body, (s) => {
        if (found || s.line > line) return;
        for (const root of ownExprs(s)) if (mapTypesIn(root).includes(type)) found = true;
        if (s.k === 'case' && mapTypesIn(s.value).includes(type)) found = true;
      });
      return found;
    };
    let answers = 0;
    for (const type of ['BUS_ADDR', 'THRU_HOST_BRIDGE', 'NONE', 'NOT_SUPPORTED'] as MapTypeName[]) {
      for (let line = fn.line; line <= fn.endLine; line++) {
        expect(decidesMapTypeBefore(fn, type, line)).toBe(walked(type, line));
        if (walked(type, line)) answers++;
      }
    }
    expect(answers).toBeGreaterThan(10);
  });

  test('iterator variables resolve to their list; page sources and GUP calls are shared per file', async () => {
    const ctx = await contextOf(newFilePatch('drivers/x.c', SRC));
    const fill = fnNamed(ctx, 'fill');
    const ident = (name: string): Expr => ({ k: 'ident', name, line: 1, endLine: 1, text: name });
    expect(sgListKey(ident('sg'), fill)).toBe('sgt');
    expect(sgListKey(ident('cur'), fill)).toBe('other');
    expect(sgListKey(ident('i'), fill)).toBe('i');
    const sources = pageSources(ctx.analysis, model);
    expect(sources.map((s) => `${s.list}:${s.cls}`)).toEqual(['sgt:user-p2p']);
    expectShared(sources, pageSources(ctx.analysis, model));
    expectShared(gupCalls(ctx.analysis, model), gupCalls(ctx.analysis, model));
    // A fresh analysis of the same image computes the same answer.
    const again = new FileAnalysis(parseImage(ctx.image), model);
    expect(pageSources(again, model).map((s) => `${s.list}:${s.cls}:${s.evidence.map((e) => e.line).join(',')}`))
      .toEqual(sources.map((s) => `${s.list}:${s.cls}:${s.evidence.map((e) => e.line).join(',')}`));
    expect(pageSources(again, model)).not.toBe(sources);
  });

  test('the model status is shared per view', () => {
    expect(model.apiStatus('page->pgmap')).toBe(model.apiStatus('page->pgmap'));
  });
});

describe('model caches', () => {
  test('versionAtDate() with precomputed release times', () => {
    // The original: parse every release date on each call.
    const reference = (date: string) => {
      const t = Date.parse(date);
      if (Number.isNaN(t)) return undefined;
      let found: number | undefined;
      RELEASES.forEach(([, d], i) => { if (Date.parse(`${d}T00:00:00Z`) <= t) found = i; });
      if (found === undefined) return undefined;
      const tagged = Date.parse(`${RELEASES[found][1]}T00:00:00Z`);
      const next = RELEASES[found + 1];
      return next && t >= tagged + 14 * 24 * 3600 * 1000 ? next[0] : RELEASES[found][0];
    };
    for (const [, d] of RELEASES) {
      for (const offset of [-1, 0, 13, 14, 30]) {
        const date = new Date(Date.parse(`${d}T12:00:00Z`) + offset * 24 * 3600 * 1000).toUTCString();
        expect(versionAtDate(date)).toBe(reference(date));
      }
    }
    expect(versionAtDate('not a date')).toBeUndefined();
    expect(versionAtDate('Mon, 1 Jan 2001 00:00:00 +0000')).toBeUndefined();
  });

  test('removedIdentifiers() hands out fresh entries', () => {
    const a = removedIdentifiers('6.12');
    const b = removedIdentifiers('6.12');
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(b[0]).not.toBe(a[0]);
    a[0].name = 'changed';
    expect(removedIdentifiers('6.12')[0].name).not.toBe('changed');
  });
});
