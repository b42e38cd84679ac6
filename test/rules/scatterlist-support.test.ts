// Unit tests of the support modules the scatterlist-group rules share: commit-message examples, contiguity tests
// and merge-helper orientation, DMA-sink wrapper summaries, scatterlist identity and page sources.
import { parseImage } from '../../src/c/source.js';
import type { SourceImage } from '../../src/c/images.js';
import { FileAnalysis } from '../../src/analysis/index.js';
import type { Expr, FunctionIR } from '../../src/c/ir.js';
import { createModelView } from '../../src/engine/model-view.js';
import { defaultConfig } from '../../src/config/index.js';
import type { Patch } from '../../src/types.js';
import { messageExamples, messageExampleImage, MESSAGE_PATH } from '../../src/engine/message-examples.js';
import { adjacencyTestOf, adjacencyTests, mergeOrientation, earlierReason } from '../../src/rules/support/page-merge.js';
import { wrapperSummaries } from '../../src/rules/support/dma-sinks.js';
import { pageSources, sgListKey, sameList } from '../../src/rules/support/sg-lists.js';
import { sgNonpageMemory } from '../../src/rules/sg-nonpage-memory.js';

const model = createModelView(defaultConfig());

/** A whole-file image of `src` (every line counts as changed). */
function image(src: string, path = 'x.c'): SourceImage {
  const rows = src.split('\n');
  return {
    path, side: 'new', complete: true, changed: new Set(rows.map((_, i) => i + 1)), context: new Set(),
    lineText: new Map(rows.map((t, i) => [i + 1, t])),
    fragments: [{ text: src, lines: rows.map((_, i) => i + 1), syntheticRows: new Set() }],
  };
}

function analyse(src: string): FileAnalysis {
  return new FileAnalysis(parseImage(image(src)), model);
}

function fnNamed(a: FileAnalysis, name: string): FunctionIR {
  const f = a.functions.find((x) => x.name === name);
  if (!f) throw new Error(`no function ${name} in test source`);
  return f;
}

const patch = (body: string, removed: string[] = [], added: string[] = []): Patch => ({
  id: 'p#0', input: 'p', ordinal: 0, subject: { raw: 's', title: 's', prefixes: [], isCover: false }, quoted: false, body,
  files: [{
    oldPath: 'lib/x.c', newPath: 'lib/x.c', status: 'modified', binary: false,
    hunks: [{
      oldStart: 1, oldLines: removed.length, newStart: 1, newLines: added.length, section: '',
      lines: [
        ...removed.map((text, i) => ({ kind: 'del' as const, text, oldLine: i + 1, patchLine: i + 1 })),
        ...added.map((text, i) => ({ kind: 'add' as const, text, newLine: i + 1, patchLine: removed.length + i + 1 })),
      ],
    }],
  }],
});

describe('commit-message examples', () => {
  const usage = [
    'Teach the consumer to skip such pages.',
    '',
    'An ioremap() address can be assigned to a scatterlist segment as in the',
    'following example:',
    '',
    'demo_set(struct scatterlist *sg,',
    '         const void __iomem *ioaddr,',
    '         size_t len)',
    '{',
    '\tsg_set_page(sg, virt_to_page(ioaddr), len,',
    '\t\t    offset_in_page(ioaddr));',
    '\tsg_mark_end(sg);',
    '}',
    '',
    'Signed-off-by: A <a@example.org>',
  ].join('\n');

  test('an example introduced as usage is found with its body line numbers', () => {
    const ex = messageExamples(patch(usage));
    expect(ex).toHaveLength(1);
    expect(ex[0]).toMatchObject({ role: 'usage', startLine: 6, endLine: 13 });
  });

  test('the usage image parses into a function the rules read, and sg-nonpage-memory flags the example', () => {
    const p = patch(usage);
    const img = messageExampleImage(p)!;
    expect(img.path).toBe(MESSAGE_PATH);
    expect([...img.changed].sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    const ir = parseImage(img);
    expect(ir.functions.map((f) => f.name)).toContain('demo_set');
    const analysis = new FileAnalysis(ir, model);
    const reports = sgNonpageMemory.check({ patch: p, file: p.files[0], side: 'new', image: img, ir, analysis, model });
    expect(reports.map((r) => r.line)).toEqual([10]);
  });

  test('a fix that quotes the buggy code (Fixes: trailer) is not an example', () => {
    const body = usage.replace('Signed-off-by', 'Fixes: 0123456789ab ("demo: add it")\nSigned-off-by');
    expect(messageExamples(patch(body)).map((e) => e.role)).toEqual(['quoted-bug']);
    expect(messageExampleImage(patch(body))).toBeUndefined();
  });

  test('code introduced as a problem, or quoting removed lines, is not an example', () => {
    const bug = ['The current code crashes when the window is not RAM:', '', '\tp = virt_to_page(win);', '\tget_page(p);', ''].join('\n');
    expect(messageExamples(patch(bug)).map((e) => e.role)).toEqual(['quoted-bug']);
    const quoted = ['For example:', '', '\tp = virt_to_page(win);', '\tget_page(p);', ''].join('\n');
    expect(messageExamples(patch(quoted, ['\tp = virt_to_page(win);', '\tget_page(p);'])).map((e) => e.role)).toEqual(['quoted-bug']);
    expect(messageExamples(patch(quoted, [], ['\tp = virt_to_page(win);', '\tget_page(p);'])).map((e) => e.role)).toEqual(['in-diff']);
  });

  test('kernel logs and backtraces are not code', () => {
    const log = [
      'For example, see this report:', '',
      ' list_add attempted on force-poisoned entry',
      ' WARNING: at lib/list_debug.c:34',
      ' NIP [c00000000043c390] __list_add+0xb0/0x150',
      ' Call Trace:',
      ' [c000000fb5fc3320] [c00000000043c38c] __list_add+0xac/0x150 (unreliable)', '',
    ].join('\n');
    expect(messageExamples(patch(log))).toEqual([]);
  });

  test('bare statements are wrapped in a synthetic function', () => {
    const body = ['It can be used like this:', '', '\tbuf = vmalloc(len);', '\tsg_init_one(&sg, buf, len);', ''].join('\n');
    const img = messageExampleImage(patch(body))!;
    const ir = parseImage(img);
    expect(ir.functions).toHaveLength(1);
    const a = new FileAnalysis(ir, model);
    const calls = a.calls(ir.functions[0]).map((s) => `${s.call.callee}@${s.call.line}`);
    expect(calls).toEqual(['vmalloc@3', 'sg_init_one@4']);
  });
});

describe('contiguity tests and merge helpers', () => {
  const cmp = (src: string): Expr => {
    const a = analyse(`void f(void) { if (${src}) g(); }`);
    let found: Expr | undefined;
    for (const t of adjacencyTests(a.functions[0])) found ??= t.expr;
    if (!found) throw new Error(`no adjacency test in ${src}`);
    return found;
  };

  test('the side advanced past its own page is the predecessor', () => {
    const t1 = adjacencyTestOf(cmp('page_to_pfn(a) + 1 == page_to_pfn(b)'))!;
    expect([t1.pred?.text, t1.succ?.text]).toEqual(['a', 'b']);
    const t2 = adjacencyTestOf(cmp('page_to_pfn(next) != page_to_pfn(prev) + 1'))!;
    expect([t2.pred?.text, t2.succ?.text]).toEqual(['prev', 'next']);
    const t3 = adjacencyTestOf(cmp('bvec_phys(bv) + bv->bv_len != page_to_phys(page) + off'))!;
    expect([t3.pred?.text, t3.succ?.text]).toEqual(['bv', 'page']);
    const t4 = adjacencyTestOf(cmp('page_to_pfn(pages[0]) == next_pfn'))!;
    expect([t4.pred, t4.succ?.text]).toEqual([undefined, 'pages[0]']);
  });

  test('comparisons that are not contiguity tests are ignored', () => {
    const a = analyse('void f(void) { if (page_to_pfn(a) == 0 || x + 1 == y) g(); }');
    expect(adjacencyTests(a.functions[0])).toEqual([]);
  });

  test('a same-file helper gets its orientation from its body; kernel helpers from the table', () => {
    const a = analyse(`static bool ok(struct page *prev, struct page *next)
{
	return page_to_pfn(prev) + 1 == page_to_pfn(next) && zone_device_pages_have_same_pgmap(prev, next);
}`);
    expect(mergeOrientation(a, 'ok')).toMatchObject({ pred: 0, succ: 1, checksPgmap: true });
    expect(mergeOrientation(a, 'pages_are_mergeable')).toMatchObject({ pred: 1, succ: 0 });
    expect(mergeOrientation(a, 'memcpy')).toBeUndefined();
  });

  test('earlier pages: index minus one, previous-named variables, sg_page() of an entry', () => {
    const a = analyse(`void f(struct page **pages, struct scatterlist *s, int i)
{
	struct page *last = sg_page(s);
	struct page *prev_pg = pages[0];
	struct page *cand = pages[i];
	use(pages[i - 1], last, prev_pg, cand);
}`);
    const f = a.functions[0];
    const args = a.calls(f).find((c) => c.call.callee === 'use')!.call.args;
    expect(args.map((x) => !!earlierReason(a, f, x))).toEqual([true, true, true, false]);
  });
});

describe('DMA-sink wrapper summaries', () => {
  test('a parameter forwarded through two local wrappers reaches usb_control_msg()', () => {
    const a = analyse(`static int low(struct usb_device *d, void *data, u16 len)
{
	return usb_control_msg(d, 0, 1, 2, 0, 0, data, len, 100);
}
static int mid(struct usb_device *d, u8 *buf)
{
	return low(d, buf + 1, 4);
}
static int other(struct usb_device *d, void *data)
{
	data = NULL;
	return low(d, data, 0);
}`);
    const s = wrapperSummaries(a, model);
    expect(s.get('low')?.map((w) => [w.param, w.sink.callee])).toEqual([[1, 'usb_control_msg']]);
    expect(s.get('mid')?.map((w) => [w.param, w.via.callee, w.chain.length])).toEqual([[1, 'low', 1]]);
    // A reassigned parameter no longer names the caller's buffer.
    expect(s.get('other')).toBeUndefined();
  });
});

describe('scatterlist identity and page sources', () => {
  test('iterator variables, sg_next(), &x[i] and ->sgl resolve to the list', () => {
    const a = analyse(`void f(struct demo *d)
{
	struct scatterlist *sg;
	int i;

	for_each_sgtable_sg(&d->sgt, sg, i) {
		use(sg);
	}
	use(&d->sg[2], d->sgt.sgl, sg_next(&d->sg[0]));
}`);
    const f = a.functions[0];
    const uses = a.calls(f).filter((c) => c.call.callee === 'use');
    expect(sgListKey(uses[0].call.args[0], f)).toBe('d->sgt');
    expect(uses[1].call.args.map((x) => sgListKey(x, f))).toEqual(['d->sg', 'd->sgt', 'd->sg']);
    expect(sameList('d->sgt', 'priv->sgt')).toBe(true);
    expect(sameList('sg', 'hdr_sg')).toBe(false);
  });

  test('user pages with and without the P2P flag, highmem allocations and p2pmem lists', () => {
    const a = analyse(`void f(struct demo *d, unsigned long u, int n, bool p2p)
{
	unsigned int flags = FOLL_WRITE;
	struct page *hp = alloc_page(GFP_HIGHUSER);
	struct scatterlist *psgl;

	if (p2p)
		flags |= FOLL_PCI_P2PDMA;
	pin_user_pages_fast(u, n, flags, d->pages);
	sg_set_page(&d->usg[0], d->pages[0], PAGE_SIZE, 0);
	sg_set_page(&d->hsg, hp, PAGE_SIZE, 0);
	psgl = pci_p2pmem_alloc_sgl(d->p2p, &d->nents, 4096);
}
void g(struct demo *d, unsigned long u, int n)
{
	get_user_pages_fast(u, n, 0, d->up);
	sg_set_page(&d->plain[0], d->up[0], PAGE_SIZE, 0);
}`);
    const src = pageSources(a, model).map((s) => `${s.list}:${s.cls}`).sort();
    expect(src).toEqual(['d->hsg:highmem', 'd->plain:user', 'd->usg:user-p2p', 'psgl:p2pdma']);
  });
});
