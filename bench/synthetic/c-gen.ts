// Generates realistic kernel-style C for the synthetic benchmark series: PCI drivers that build scatterlists,
// map them for DMA, take locks, use P2PDMA memory and unwind errors with goto ladders, with a small share of the
// mistakes the rules look for, so the benchmark exercises parsing, analysis and rule reporting alike.
import type { Rng } from '../prng.js';

/** Identifiers shared by every function of one generated driver. */
export interface DriverNames {
  /** Lower-case driver prefix (`nvx`), used for functions, types and macros. */
  prefix: string;
  /** Upper-case prefix for register macros (`NVX`). */
  macro: string;
  /** Device struct type (`struct nvx_dev`). */
  dev: string;
  /** Request struct type (`struct nvx_req`). */
  req: string;
  /** Repository directory of the driver (`drivers/misc/nvx`). */
  dir: string;
}

/** One generated function: its name and source lines (tab-indented, no trailing newline per line). */
export interface GeneratedFunction {
  name: string;
  lines: string[];
  /** The mistake deliberately planted in it, if any (for realism of the finding mix; not asserted anywhere). */
  bug?: string;
}

const SYLLABLES = ['nv', 'cmb', 'xq', 'rdm', 'hfi', 'qed', 'ion', 'efa', 'siw', 'bnx', 'tsb', 'vdm', 'ntb', 'plx', 'dmx', 'acc', 'zdx', 'mpt', 'lpf', 'arc'];
const DIRS = ['drivers/misc', 'drivers/dma', 'drivers/nvme/target', 'drivers/infiniband/hw', 'drivers/crypto', 'drivers/accel', 'drivers/pci/endpoint/functions'];
const DMA_DIRS = ['DMA_TO_DEVICE', 'DMA_FROM_DEVICE', 'DMA_BIDIRECTIONAL'];
const GFP = ['GFP_KERNEL', 'GFP_KERNEL', 'GFP_ATOMIC', 'GFP_NOIO'];
const ERRNO = ['-ENOMEM', '-EIO', '-EINVAL', '-EBUSY', '-ENODEV', '-EFAULT'];
const VERBS = ['submit', 'queue', 'post', 'start', 'issue', 'prep', 'fill', 'load', 'setup', 'push'];
const NOUNS = ['xfer', 'cmd', 'desc', 'ring', 'chunk', 'cqe', 'wqe', 'frame', 'batch', 'slot'];
const FIELDS = ['ctrl', 'status', 'doorbell', 'intr', 'cfg', 'head', 'tail', 'mask'];

/** Picks the names of a new driver. Different rngs give (almost always) different names. */
export function driverNames(rng: Rng, ordinal: number): DriverNames {
  const prefix = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}${ordinal % 100}`;
  return { prefix, macro: prefix.toUpperCase(), dev: `struct ${prefix}_dev`, req: `struct ${prefix}_req`, dir: `${rng.pick(DIRS)}/${prefix}` };
}

function hex(rng: Rng, max: number): string {
  return `0x${(rng.int(0, max) * 4).toString(16).padStart(2, '0')}`;
}

/** The top of a driver source file: licence tag, a comment, includes, register macros and the two structs. */
export function fileHeader(rng: Rng, n: DriverNames, description: string): string[] {
  // CTRL is always defined: every generated driver writes it.
  const regs = ['ctrl', ...FIELDS.slice(1).filter(() => rng.chance(0.6))];
  const lines = [
    '// SPDX-License-Identifier: GPL-2.0',
    '/*',
    ` * ${n.prefix}: ${description}`,
    ' *',
    ' * Synthetic driver generated for the p2pdma-review benchmark.',
    ' */',
    '',
    '#include <linux/dma-mapping.h>',
    '#include <linux/interrupt.h>',
    '#include <linux/module.h>',
    '#include <linux/pci.h>',
    '#include <linux/pci-p2pdma.h>',
    '#include <linux/rculist.h>',
    '#include <linux/scatterlist.h>',
    '#include <linux/slab.h>',
    '#include <linux/spinlock.h>',
    '',
    `#define ${n.macro}_MAX_SEGS\t${rng.pick([16, 32, 64, 128, 256])}`,
    `#define ${n.macro}_BAR\t\t${rng.int(0, 4)}`,
  ];
  for (const r of regs) lines.push(`#define ${n.macro}_REG_${r.toUpperCase()}\t${hex(rng, 63)}`);
  lines.push(
    `#define ${n.macro}_SEG_ADDR(i)\t(0x1000 + (i) * 16)`,
    `#define ${n.macro}_SEG_LEN(i)\t(0x1008 + (i) * 16)`,
    '',
    `${n.dev} {`,
    '\tstruct pci_dev *pdev;',
    '\tstruct device *dev;',
    '\tvoid __iomem *bar;',
    '\tspinlock_t lock;',
    '\tstruct mutex cfg_lock;',
    '\tstruct list_head pending;',
    `\tstruct ${n.prefix}_ctx __rcu *ctx;`,
    '\tvoid *p2p_buf;',
    '\tsize_t p2p_size;',
    '\tu32 flags;',
    '};',
    '',
    `${n.req} {`,
    '\tstruct list_head node;',
    '\tstruct sg_table sgt;',
    '\tstruct scatterlist *sgl;',
    '\tunsigned int nents;',
    '\tint mapped;',
    '\tdma_addr_t dma;',
    '\tvoid *buf;',
    '\tsize_t len;',
    '\tenum dma_data_direction dir;',
    '};',
    '',
    `struct ${n.prefix}_ctx {`,
    '\tstruct rcu_head rcu;',
    '\tu32 seq;',
    '\tu32 limit;',
    '};',
  );
  return lines;
}

/** The bottom of a driver file: PCI id table, driver struct and module macros. */
export function fileFooter(rng: Rng, n: DriverNames, probe: string, remove: string): string[] {
  return [
    `static const struct pci_device_id ${n.prefix}_ids[] = {`,
    `\t{ PCI_DEVICE(0x${rng.int(0x1000, 0x1fff).toString(16)}, 0x${rng.int(0x1000, 0xffff).toString(16)}) },`,
    '\t{ }',
    '};',
    `MODULE_DEVICE_TABLE(pci, ${n.prefix}_ids);`,
    '',
    `static struct pci_driver ${n.prefix}_driver = {`,
    `\t.name\t\t= "${n.prefix}",`,
    `\t.id_table\t= ${n.prefix}_ids,`,
    `\t.probe\t\t= ${probe},`,
    `\t.remove\t\t= ${remove},`,
    '};',
    `module_pci_driver(${n.prefix}_driver);`,
    '',
    'MODULE_LICENSE("GPL");',
    `MODULE_DESCRIPTION("${n.prefix} synthetic benchmark driver");`,
  ];
}

type Generator = (rng: Rng, n: DriverNames, name: string, buggy: boolean) => GeneratedFunction;

function kdoc(name: string, summary: string, params: string[]): string[] {
  return ['/**', ` * ${name}() - ${summary}`, ...params.map((p) => ` * @${p}`), ' */'];
}

const mapSg: Generator = (rng, n, name, buggy) => {
  const dir = rng.pick(DMA_DIRS);
  const bug = buggy ? rng.pick(['lt0', 'unmap-count']) : undefined;
  const lines = [
    ...kdoc(name, 'map a request for the device and program its segments', ['fd: the device', 'req: the request']),
    `static int ${name}(${n.dev} *fd, ${n.req} *req)`,
    '{',
    '\tstruct scatterlist *sg;',
    '\tint i, count;',
    '',
    `\tcount = dma_map_sg(fd->dev, req->sgl, req->nents, ${dir});`,
    bug === 'lt0' ? '\tif (count < 0)' : '\tif (!count)',
    '\t\treturn -EIO;',
    '',
    `\tif (count > ${n.macro}_MAX_SEGS) {`,
    `\t\tdev_err(fd->dev, "too many segments: %d\\n", count);`,
    bug === 'unmap-count' ? `\t\tdma_unmap_sg(fd->dev, req->sgl, count, ${dir});` : `\t\tdma_unmap_sg(fd->dev, req->sgl, req->nents, ${dir});`,
    '\t\treturn -EINVAL;',
    '\t}',
    '',
    '\tfor_each_sg(req->sgl, sg, count, i) {',
    `\t\twriteq(sg_dma_address(sg), fd->bar + ${n.macro}_SEG_ADDR(i));`,
    `\t\twritel(sg_dma_len(sg), fd->bar + ${n.macro}_SEG_LEN(i));`,
    '\t}',
    '\treq->mapped = count;',
    `\treq->dir = ${dir};`,
    '\treturn 0;',
    '}',
  ];
  return { name, lines, bug };
};

const unmapReq: Generator = (_rng, n, name) => ({
  name,
  lines: [
    `static void ${name}(${n.dev} *fd, ${n.req} *req)`,
    '{',
    '\tif (!req->mapped)',
    '\t\treturn;',
    '\tdma_unmap_sg(fd->dev, req->sgl, req->nents, req->dir);',
    '\treq->mapped = 0;',
    '}',
  ],
});

const buildSgt: Generator = (rng, n, name, buggy) => {
  const gfp = rng.pick(GFP);
  const lines = [
    `static int ${name}(${n.dev} *fd, ${n.req} *req, struct page **pages,`,
    '\t\t\tunsigned int npages)',
    '{',
    '\tstruct scatterlist *sg;',
    '\tunsigned int i;',
    '\tint ret;',
    '',
    `\tret = sg_alloc_table(&req->sgt, npages, ${gfp});`,
    '\tif (ret)',
    '\t\treturn ret;',
    '',
    '\tfor_each_sg(req->sgt.sgl, sg, npages, i) {',
    buggy ? '\t\tsg_set_buf(sg, fd->bar + i * PAGE_SIZE, PAGE_SIZE);' : '\t\tsg_set_page(sg, pages[i], PAGE_SIZE, 0);',
    '\t}',
    '\treq->sgl = req->sgt.sgl;',
    '\treq->nents = req->sgt.orig_nents;',
    '\treq->len = (size_t)npages << PAGE_SHIFT;',
    '\treturn 0;',
    '}',
  ];
  return { name, lines, bug: buggy ? 'iomem-in-sg' : undefined };
};

const mapSingle: Generator = (rng, n, name, buggy) => {
  const dir = rng.pick(DMA_DIRS);
  const err = rng.pick(ERRNO);
  const lines = [
    `static int ${name}(${n.dev} *fd, ${n.req} *req, size_t len)`,
    '{',
    '\tint ret;',
    '',
    `\treq->buf = kzalloc(len, ${rng.pick(GFP)});`,
    '\tif (!req->buf)',
    '\t\treturn -ENOMEM;',
    '\treq->len = len;',
    '',
    `\treq->dma = dma_map_single(fd->dev, req->buf, len, ${dir});`,
  ];
  if (buggy) {
    lines.push(`\twriteq(req->dma, fd->bar + ${n.macro}_SEG_ADDR(0));`, '\treturn 0;');
  } else {
    lines.push(
      '\tif (dma_mapping_error(fd->dev, req->dma)) {',
      `\t\tret = ${err};`,
      '\t\tgoto err_free;',
      '\t}',
      `\twriteq(req->dma, fd->bar + ${n.macro}_SEG_ADDR(0));`,
      '\treturn 0;',
      '',
      'err_free:',
      '\tkfree(req->buf);',
      '\treq->buf = NULL;',
      '\treturn ret;',
    );
  }
  lines.push('}');
  return { name, lines, bug: buggy ? 'unchecked-map-single' : undefined };
};

const queueReq: Generator = (rng, n, name, buggy) => {
  const lines = [
    `static int ${name}(${n.dev} *fd, ${n.req} *req)`,
    '{',
    '\tunsigned long flags;',
    '',
    '\tspin_lock_irqsave(&fd->lock, flags);',
    `\tif (fd->flags & BIT(${rng.int(0, 7)})) {`,
  ];
  if (!buggy) lines.push('\t\tspin_unlock_irqrestore(&fd->lock, flags);');
  lines.push(
    '\t\treturn -ESHUTDOWN;',
    '\t}',
    '\tlist_add_tail(&req->node, &fd->pending);',
    `\twritel(1, fd->bar + ${n.macro}_REG_CTRL);`,
    '\tspin_unlock_irqrestore(&fd->lock, flags);',
    '\treturn 0;',
    '}',
  );
  return { name, lines, bug: buggy ? 'lock-held-on-return' : undefined };
};

const rcuLookup: Generator = (rng, n, name, buggy) => {
  const lines = [
    `static u32 ${name}(${n.dev} *fd)`,
    '{',
    `\tstruct ${n.prefix}_ctx *ctx;`,
    '\tu32 seq;',
    '',
    '\trcu_read_lock();',
    '\tctx = rcu_dereference(fd->ctx);',
    '\tif (!ctx) {',
  ];
  if (!buggy) lines.push('\t\trcu_read_unlock();');
  lines.push('\t\treturn 0;', '\t}', `\tseq = min_t(u32, ctx->seq, ctx->limit + ${rng.int(1, 64)});`, '\trcu_read_unlock();', '\treturn seq;', '}');
  return { name, lines, bug: buggy ? 'rcu-held-on-return' : undefined };
};

const p2pAlloc: Generator = (rng, n, name, buggy) => {
  const dir = rng.pick(DMA_DIRS);
  const lines = [
    `static int ${name}(${n.dev} *fd, ${n.req} *req, struct pci_dev *client)`,
    '{',
    '\tstruct pci_dev *clients[] = { client };',
    '\tint dist;',
    '',
    '\tdist = pci_p2pdma_distance_many(fd->pdev, (struct device **)clients, 1, true);',
    '\tif (dist < 0)',
    '\t\treturn -EREMOTEIO;',
    '',
    `\treq->buf = pci_alloc_p2pmem(fd->pdev, ${rng.pick(['SZ_4K', 'SZ_64K', 'SZ_1M', 'req->len'])});`,
    '\tif (!req->buf)',
    '\t\treturn -ENOMEM;',
  ];
  if (buggy) {
    lines.push(`\treq->dma = dma_map_single(fd->dev, req->buf, req->len, ${dir});`);
  } else {
    lines.push('\treq->dma = pci_p2pmem_virt_to_bus(fd->pdev, req->buf);');
  }
  lines.push('\tif (!req->dma) {', '\t\tpci_free_p2pmem(fd->pdev, req->buf, req->len);', '\t\treturn -EIO;', '\t}', '\treturn 0;', '}');
  return { name, lines, bug: buggy ? 'p2pmem-map-single' : undefined };
};

const irqHandler: Generator = (rng, n, name) => {
  const cases = FIELDS.slice(0, rng.int(2, 4));
  const lines = [
    `static irqreturn_t ${name}(int irq, void *data)`,
    '{',
    `\t${n.dev} *fd = data;`,
    `\t${n.req} *req, *tmp;`,
    '\tu32 status;',
    '',
    `\tstatus = readl(fd->bar + ${n.macro}_REG_CTRL);`,
    '\tif (!status)',
    '\t\treturn IRQ_NONE;',
    '',
    '\tswitch (status & 0xf) {',
  ];
  cases.forEach((c, i) => {
    lines.push(`\tcase ${i + 1}:`, `\t\tdev_dbg(fd->dev, "${c} event %#x\\n", status);`, '\t\tbreak;');
  });
  lines.push(
    '\tdefault:',
    '\t\tbreak;',
    '\t}',
    '',
    '\tspin_lock(&fd->lock);',
    '\tlist_for_each_entry_safe(req, tmp, &fd->pending, node) {',
    '\t\tlist_del(&req->node);',
    '\t\tdma_unmap_sg(fd->dev, req->sgl, req->nents, req->dir);',
    '\t}',
    '\tspin_unlock(&fd->lock);',
    '\treturn IRQ_HANDLED;',
    '}',
  );
  return { name, lines };
};

const sizeHelper: Generator = (rng, _n, name) => {
  const align = rng.pick(['SZ_4K', 'SZ_64K', 'PAGE_SIZE', '512']);
  return {
    name,
    lines: [
      `static inline size_t ${name}(size_t len, unsigned int segs)`,
      '{',
      `\tsize_t seg = ALIGN(len, ${align}) / max_t(unsigned int, segs, 1);`,
      '',
      `\tif (seg > ${rng.pick(['SZ_1M', 'SZ_2M', 'SZ_128K'])})`,
      `\t\tseg = ${rng.pick(['SZ_1M', 'SZ_2M', 'SZ_128K'])};`,
      `\treturn round_down(seg, ${align});`,
      '}',
    ],
  };
};

const stackMap: Generator = (rng, n, name, buggy) => {
  const size = rng.pick([16, 32, 64]);
  const lines = [`static int ${name}(${n.dev} *fd)`, '{'];
  if (buggy) lines.push(`\tu8 cmd[${size}];`);
  else lines.push('\tu8 *cmd;');
  lines.push('\tstruct scatterlist sg;', '\tint ret = 0;', '');
  if (!buggy) lines.push(`\tcmd = kmalloc(${size}, GFP_KERNEL);`, '\tif (!cmd)', '\t\treturn -ENOMEM;');
  lines.push(
    `\tmemset(cmd, 0, ${size});`,
    `\tcmd[0] = ${hex(rng, 60)};`,
    `\tsg_init_one(&sg, cmd, ${size});`,
    '\tif (!dma_map_sg(fd->dev, &sg, 1, DMA_TO_DEVICE)) {',
    '\t\tret = -EIO;',
    '\t\tgoto out;',
    '\t}',
    `\twriteq(sg_dma_address(&sg), fd->bar + ${n.macro}_SEG_ADDR(0));`,
    '\tdma_unmap_sg(fd->dev, &sg, 1, DMA_TO_DEVICE);',
    'out:',
  );
  if (!buggy) lines.push('\tkfree(cmd);');
  lines.push('\treturn ret;', '}');
  return { name, lines, bug: buggy ? 'dma-on-stack' : undefined };
};

const configStore: Generator = (rng, n, name) => ({
  name,
  lines: [
    `static ssize_t ${name}(struct device *dev, struct device_attribute *attr,`,
    '\t\t\tconst char *buf, size_t count)',
    '{',
    `\t${n.dev} *fd = dev_get_drvdata(dev);`,
    '\tunsigned long val;',
    '\tint ret;',
    '',
    '\tret = kstrtoul(buf, 0, &val);',
    '\tif (ret)',
    '\t\treturn ret;',
    `\tif (val > ${rng.pick([255, 1023, 4095])})`,
    '\t\treturn -ERANGE;',
    '',
    '\tmutex_lock(&fd->cfg_lock);',
    `\twritel(val, fd->bar + ${n.macro}_REG_CTRL);`,
    '\tfd->flags |= BIT(0);',
    '\tmutex_unlock(&fd->cfg_lock);',
    '\treturn count;',
    '}',
  ],
});

/** Probe with the usual goto ladder: enable, map the BAR, register P2P memory, request the IRQ. */
export function probeFunction(rng: Rng, n: DriverNames, name: string, irqName: string): GeneratedFunction {
  const size = rng.pick(['SZ_1M', 'SZ_2M', 'SZ_16M']);
  return {
    name,
    lines: [
      `static int ${name}(struct pci_dev *pdev, const struct pci_device_id *id)`,
      '{',
      `\t${n.dev} *fd;`,
      '\tint ret;',
      '',
      '\tfd = devm_kzalloc(&pdev->dev, sizeof(*fd), GFP_KERNEL);',
      '\tif (!fd)',
      '\t\treturn -ENOMEM;',
      '',
      '\tfd->pdev = pdev;',
      '\tfd->dev = &pdev->dev;',
      '\tspin_lock_init(&fd->lock);',
      '\tmutex_init(&fd->cfg_lock);',
      '\tINIT_LIST_HEAD(&fd->pending);',
      '',
      '\tret = pci_enable_device_mem(pdev);',
      '\tif (ret)',
      '\t\treturn ret;',
      '\tpci_set_master(pdev);',
      '',
      '\tret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));',
      '\tif (ret)',
      '\t\tgoto err_disable;',
      '',
      `\tfd->bar = pci_iomap(pdev, ${n.macro}_BAR, 0);`,
      '\tif (!fd->bar) {',
      '\t\tret = -ENOMEM;',
      '\t\tgoto err_disable;',
      '\t}',
      '',
      `\tret = pci_p2pdma_add_resource(pdev, ${n.macro}_BAR, ${size}, 0);`,
      '\tif (ret)',
      '\t\tgoto err_unmap;',
      '\tpci_p2pmem_publish(pdev, true);',
      '',
      `\tret = request_irq(pci_irq_vector(pdev, 0), ${irqName}, IRQF_SHARED, "${n.prefix}", fd);`,
      '\tif (ret)',
      '\t\tgoto err_unmap;',
      '',
      '\tpci_set_drvdata(pdev, fd);',
      '\treturn 0;',
      '',
      'err_unmap:',
      '\tpci_iounmap(pdev, fd->bar);',
      'err_disable:',
      '\tpci_disable_device(pdev);',
      '\treturn ret;',
      '}',
    ],
  };
}

/** Remove: the probe ladder in reverse. */
export function removeFunction(n: DriverNames, name: string): GeneratedFunction {
  return {
    name,
    lines: [
      `static void ${name}(struct pci_dev *pdev)`,
      '{',
      `\t${n.dev} *fd = pci_get_drvdata(pdev);`,
      '',
      '\tfree_irq(pci_irq_vector(pdev, 0), fd);',
      '\tpci_iounmap(pdev, fd->bar);',
      '\tpci_disable_device(pdev);',
      '}',
    ],
  };
}

/** The kinds of body function the generator writes (also the stem of their names). */
export type FunctionKind = 'map' | 'unmap' | 'build_sgt' | 'map_buf' | 'queue' | 'ctx_seq' | 'p2p_alloc' | 'seg_size' | 'send_cmd' | 'limit_store';

/** The body-function generators, weighted by how often such code appears in DMA-heavy drivers. */
const GENERATORS: Array<[Generator, number, FunctionKind]> = [
  [mapSg, 4, 'map'],
  [unmapReq, 2, 'unmap'],
  [buildSgt, 3, 'build_sgt'],
  [mapSingle, 3, 'map_buf'],
  [queueReq, 3, 'queue'],
  [rcuLookup, 2, 'ctx_seq'],
  [p2pAlloc, 2, 'p2p_alloc'],
  [sizeHelper, 2, 'seg_size'],
  [stackMap, 1, 'send_cmd'],
  [configStore, 2, 'limit_store'],
];
const TOTAL_WEIGHT = GENERATORS.reduce((s, [, w]) => s + w, 0);

/** Options of {@link bodyFunction}. */
export interface BodyFunctionOptions {
  /**
   * Probability that the function contains one of the planted mistakes (default 0.12, about one function
   * in eight: most kernel code is fine, and a realistic finding rate keeps the report stage honest).
   */
  bugRate?: number;
  /** Write this kind of function instead of a weighted random one. */
  kind?: FunctionKind;
}

/** One body function with a fresh name (not in `used`, which it is added to). */
export function bodyFunction(rng: Rng, n: DriverNames, used: Set<string>, options: BodyFunctionOptions = {}): GeneratedFunction {
  let chosen = GENERATORS[0];
  if (options.kind) {
    chosen = GENERATORS.find((g) => g[2] === options.kind) ?? chosen;
  } else {
    let r = rng.next() * TOTAL_WEIGHT;
    for (const g of GENERATORS) {
      r -= g[1];
      if (r < 0) {
        chosen = g;
        break;
      }
    }
  }
  const [gen, , stem] = chosen;
  let name = `${n.prefix}_${stem}`;
  // Several functions of one kind get a noun suffix, as drivers do (nvx_map_cmd, nvx_map_ring...).
  for (let k = 0; used.has(name); k++) name = `${n.prefix}_${stem}_${rng.pick(k < 20 ? NOUNS : VERBS)}${k < 20 ? '' : k}`;
  used.add(name);
  return gen(rng, n, name, rng.chance(options.bugRate ?? 0.12));
}

/** The IRQ handler of a driver (always present: probe refers to it). */
export function irqFunction(rng: Rng, n: DriverNames, used: Set<string>): GeneratedFunction {
  const name = `${n.prefix}_irq`;
  used.add(name);
  return irqHandler(rng, n, name, false);
}

/** A complete driver source file of `count` body functions plus IRQ handler, probe and remove. */
export function driverFile(rng: Rng, n: DriverNames, count: number, description: string): { text: string; functions: GeneratedFunction[] } {
  const used = new Set<string>();
  const functions: GeneratedFunction[] = [];
  for (let i = 0; i < count; i++) functions.push(bodyFunction(rng, n, used));
  functions.push(irqFunction(rng, n, used));
  const probe = probeFunction(rng, n, `${n.prefix}_probe`, `${n.prefix}_irq`);
  const remove = removeFunction(n, `${n.prefix}_remove`);
  functions.push(probe, remove);
  const lines = [...fileHeader(rng, n, description)];
  for (const f of functions) lines.push('', ...f.lines);
  lines.push('', ...fileFooter(rng, n, probe.name, remove.name));
  return { text: `${lines.join('\n')}\n`, functions };
}
