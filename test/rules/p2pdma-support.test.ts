// The support modules of the p2pdma rule group: map-type branches (with fallthrough and lost switch headers),
// value derivation across locals/fields/helpers, the review text (comments left out, one side only) and the
// platform verdict's tolerance of a model without platforms.
import { ingest } from '../../src/ingest/index.js';
import { hunkImage } from '../../src/c/images.js';
import { parseImage } from '../../src/c/source.js';
import { FileAnalysis, walkStmts } from '../../src/analysis/index.js';
import type { Stmt } from '../../src/c/ir.js';
import { createModelView } from '../../src/engine/model-view.js';
import { defaultConfig } from '../../src/config/index.js';
import { guardingMapTypes, mapTypeSwitches, switchCases } from '../../src/rules/support/p2p-branches.js';
import { derivedSources } from '../../src/rules/support/derived-from.js';
import { reviewText } from '../../src/rules/support/patch-text.js';
import { platformVerdict } from '../../src/rules/support/p2p-platforms.js';
import type { ModelView, RuleContext } from '../../src/rules/types.js';
import { hunkPatch, newFilePatch } from './patch-builders.js';

const model = createModelView(defaultConfig());

/** Parses the first file of a patch text on one side into a rule context. */
async function contextOf(text: string, side: 'new' | 'old' = 'new', m: ModelView = model): Promise<RuleContext> {
  const { patches, errors } = await ingest([{ name: 'support.patch', data: Buffer.from(text) }]);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  const patch = patches[0];
  const file = patch.files[0];
  const image = hunkImage(file, side);
  if (!image) throw new Error('no image');
  const ir = parseImage(image);
  return { patch, file, side, image, ir, analysis: new FileAnalysis(ir, m), model: m };
}

function stmtAt(ctx: RuleContext, line: number): { stmt: Stmt; parents: Stmt[] } {
  let found: { stmt: Stmt; parents: Stmt[] } | undefined;
  for (const fn of ctx.analysis.functions) {
    walkStmts(fn.body, (s, parents) => { if (!found && s.line === line && s.k !== 'block') found = { stmt: s, parents }; });
  }
  if (!found) throw new Error(`no statement at line ${line}`);
  return found;
}

const SWITCH = `// SPDX-License-Identifier: GPL-2.0
static int m(struct device *dev, struct scatterlist *sg, unsigned long attrs)
{
	switch (pci_p2pdma_state(&st, dev, sg_page(sg))) {
	case PCI_P2PDMA_MAP_BUS_ADDR:
		sg->dma_address = bus;
		continue;
	case PCI_P2PDMA_MAP_THRU_HOST_BRIDGE:
		attrs |= DMA_ATTR_MMIO;
		fallthrough;
	case PCI_P2PDMA_MAP_NONE:
		sg->dma_address = map(dev, sg);
		break;
	default:
		return -EREMOTEIO;
	}
	if (type == PCI_P2PDMA_MAP_BUS_ADDR)
		done = 1;
	return 0;
}
`;

describe('p2p-branches', () => {
  test('switch cases follow fallthrough into the next label', async () => {
    const ctx = await contextOf(newFilePatch('kernel/dma/x.c', SWITCH));
    const [sw] = mapTypeSwitches(ctx.analysis.functions[0]);
    const cases = switchCases(sw);
    expect(cases.map((c) => c.mapTypes.join() || 'default')).toEqual(['BUS_ADDR', 'THRU_HOST_BRIDGE', 'NONE', 'default']);
    const thb = cases[1];
    expect(thb.fallsThrough).toBe(true);
    expect(thb.end?.k).toBe('break');
    expect(thb.run.some((s) => s.k === 'expr' && /map\(dev/.test(s.text))).toBe(true);
    expect(cases[0].end?.k).toBe('continue');
  });

  test('guards come from case labels (fallthrough included) and == tests', async () => {
    const ctx = await contextOf(newFilePatch('kernel/dma/x.c', SWITCH));
    const mapping = stmtAt(ctx, 12);
    expect([...guardingMapTypes(mapping.stmt, mapping.parents)].sort()).toEqual(['NONE', 'THRU_HOST_BRIDGE']);
    const done = stmtAt(ctx, 18);
    expect([...guardingMapTypes(done.stmt, done.parents)]).toEqual(['BUS_ADDR']);
  });

  test('a hunk that starts inside a switch still yields its cases', async () => {
    const text = hunkPatch('kernel/dma/x.c', 'static int m(struct device *dev, struct scatterlist *sg)', 20, [
      ' \t\tcase PCI_P2PDMA_MAP_BUS_ADDR:',
      '+\t\t\tsg->dma_address = bus;',
      ' \t\t\tcontinue;',
      ' \t\tcase PCI_P2PDMA_MAP_THRU_HOST_BRIDGE:',
      ' \t\t\tbreak;',
    ]);
    const ctx = await contextOf(text);
    const switches = mapTypeSwitches(ctx.analysis.functions[0]);
    expect(switches.length).toBe(1);
    expect(switchCases(switches[0]).map((c) => c.mapTypes[0])).toEqual(['BUS_ADDR', 'THRU_HOST_BRIDGE']);
  });
});

describe('derived-from', () => {
  const SRC = `// SPDX-License-Identifier: GPL-2.0
static phys_addr_t base(struct pci_dev *peer)
{
	return pci_resource_start(peer, 2) + 0x1000;
}

static void bind(struct x *x, struct pci_dev *peer)
{
	x->win = base(peer);
}

static void use(struct x *x)
{
	dma_addr_t a = cpu_to_le64(x->win);

	program(a);
}
`;
  test('follows fields assigned elsewhere, helper returns and byte-order helpers', async () => {
    const ctx = await contextOf(newFilePatch('drivers/x.c', SRC));
    const use = ctx.analysis.functions.find((f) => f.name === 'use')!;
    let init: import('../../src/c/ir.js').Expr | undefined;
    walkStmts(use.body, (s) => { if (s.k === 'decl' && s.vars[0]?.init) init = s.vars[0].init; });
    const found = derivedSources(ctx.analysis, init!, use, (x) => (x.k === 'call' && x.callee === 'pci_resource_start' ? 'bar' : undefined));
    expect(found.length).toBe(1);
    expect(found[0].viaField).toBe(true);
    expect(found[0].helpers.map((h) => h.name)).toEqual(['base']);
    expect(found[0].chain.map((e) => e.note)).toEqual(expect.arrayContaining(['returned by base()', 'stored in ->win in bind()']));
  });

  test('other calls end the trail', async () => {
    const ctx = await contextOf(newFilePatch('drivers/x.c', `// SPDX-License-Identifier: GPL-2.0
static void f(struct device *d, struct pci_dev *peer)
{
	dma_addr_t a = dma_map_resource(d, pci_resource_start(peer, 2), 4096, DMA_TO_DEVICE, 0);
}
`));
    const fn = ctx.analysis.functions[0];
    let init: import('../../src/c/ir.js').Expr | undefined;
    walkStmts(fn.body, (s) => { if (s.k === 'decl' && s.vars[0]?.init) init = s.vars[0].init; });
    expect(derivedSources(ctx.analysis, init!, fn, (x) => (x.k === 'call' && x.callee === 'pci_resource_start' ? 1 : undefined))).toEqual([]);
  });
});

describe('patch-text', () => {
  test('comments are not evidence, and each side sees only its own lines', async () => {
    const text = hunkPatch('drivers/x.c', 'static void f(void)', 10, [
      ' \t/* never is_pci_p2pdma_page() here */',
      '-\told_call(FOLL_PCI_P2PDMA);',
      '+\tnew_call(0); // ITER_ALLOW_P2PDMA is not used',
      ' \t*ptr = blk_queue_pci_p2pdma(q);',
    ]);
    const post = await contextOf(text, 'new');
    const pre = await contextOf(text, 'old');
    expect(reviewText(post)).not.toMatch(/is_pci_p2pdma_page|ITER_ALLOW_P2PDMA|FOLL_PCI_P2PDMA/);
    expect(reviewText(post)).toMatch(/blk_queue_pci_p2pdma/);
    expect(reviewText(pre)).toMatch(/FOLL_PCI_P2PDMA/);
  });
});

describe('p2p-platforms', () => {
  test('a model that cannot answer gives an empty verdict, not an error', () => {
    const broken: ModelView = { ...model, p2p: () => { throw new Error('no platforms'); } };
    expect(platformVerdict(broken, () => true)).toEqual({ notes: [], broken: [], fine: [] });
  });

  test('every configured platform is listed and marked', () => {
    const v = platformVerdict(model, (t) => t !== 'BUS_ADDR');
    expect(v.notes.length).toBe(model.p2p().length);
    expect(v.broken.every((p) => !/BUS_ADDR/.test(p.mapType))).toBe(true);
    expect(v.notes.filter((n) => n.startsWith('[breaks]')).length).toBe(v.broken.length);
  });
});
