// dma-on-stack: a stack buffer handed to something the device reads or writes by DMA — a scatterlist entry,
// dma_map_single(), a USB/SPI/SDIO transfer helper, a transfer descriptor's buffer field, or a file-local
// wrapper that passes its buffer parameter on to one of these (SG-004).
import type { Expr, FunctionIR } from '../c/ir.js';
import { exprSitesOfKind } from '../analysis/index.js';
import type { Evidence } from '../types.js';
import { certaintyOf, evidenceOf, splitOrigins } from './support/origins.js';
import { DMA_FIELDS, knownSinkArgs, wrapperSummaries, type DmaSinkArg, type WrapperPath } from './support/dma-sinks.js';
import { removedHeapAllocation } from './support/patch-lines.js';
import { lazy } from './support/memo.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';

const ID = 'dma-on-stack';
const REFS = ['SG-004', 'Documentation/core-api/dma-api-howto.rst ("What memory is DMA\'able?")', 'kernel/dma/debug.c (check_for_stack)'];

/** Callee names that read like a bus-transfer wrapper (used only when the wrapper's body is not visible). */
const TRANSFER_NAME = /(^|_)(ctrl|control|bulk|xfer|transfer|msg|urb|usb|spi|sdio|read|write|recv|send|rx|tx|cmd|reg|io)(_|\d|$)/i;
/** I2C/SMBus adapters copy or use PIO by default: a wrapper named for them is not evidence of DMA. */
const NON_DMA_NAME = /(i2c|smbus|regmap)/i;
/** Subsystems whose driver-local transfer helpers end in USB/SPI/SDIO DMA. */
const BUS_PATH = /(^|\/)(usb|spi|mmc|sdio)(\/|$)|\/(usb|spi|sdio)[^/]*\.c$|^sound\/usb\//;

const isStack = (kind: string) => kind === 'stack';

export const dmaOnStack: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'Stack buffer used for DMA: in a scatterlist, dma_map_single(), a USB/SPI/SDIO transfer or a transfer descriptor',
    catalogue: ['SG-004'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const wrappers = wrapperSummaries(ctx.analysis, ctx.model);
    // The per-platform notes load the platform profiles: compute them only once there is a report.
    const notes = lazy(() => platformNotes(ctx));
    const seen = new Set<string>();
    const push = (r: RuleReport) => {
      const key = `${r.line}:${r.code}`;
      if (!seen.has(key)) { seen.add(key); out.push(r); }
    };
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const direct = knownSinkArgs(call.callee, ctx.model);
        for (const sink of direct) {
          const arg = call.args[sink.index];
          const r = arg && stackReport(ctx, fn, arg, call, sink, undefined, notes);
          if (r) push(r);
        }
        const viaWrapper = call.callee !== fn.name ? wrappers.get(call.callee) ?? [] : [];
        for (const w of viaWrapper) {
          const arg = call.args[w.param];
          const r = arg && stackReport(ctx, fn, arg, call, w.sink, w, notes);
          if (r) push(r);
        }
        if (direct.length === 0 && viaWrapper.length === 0) {
          for (const r of unseenWrapperReports(ctx, fn, call, notes)) push(r);
        }
      }
      for (const r of fieldReports(ctx, fn, notes)) push(r);
    }
    return out;
  },
};

type Call = Extract<Expr, { k: 'call' }>;

/** A report when `arg` may hold stack memory and reaches `sink` (directly or through `wrapper`). */
function stackReport(ctx: RuleContext, fn: FunctionIR, arg: Expr, call: Call, sink: DmaSinkArg,
  wrapper: WrapperPath | undefined, notes: () => string[]): RuleReport | undefined {
  const split = splitOrigins(ctx.analysis.origins(arg, fn), isStack);
  const certainty = certaintyOf(split);
  if (!certainty) return undefined;
  const path: Evidence[] = [];
  if (wrapper) {
    path.push({ file: ctx.image.path, line: wrapper.via.line, note: `${wrapper.fn.name}() passes its parameter \`${wrapper.fn.params[wrapper.param]?.name}\` to ${wrapper.via.callee}()` });
    for (const c of wrapper.chain) path.push({ file: ctx.image.path, line: c.line, note: `${c.fn}() forwards it` });
  }
  const through = wrapper ? `${call.callee}(), which hands it to ${sink.callee}() as ${sink.what}` : `${call.callee}() as ${sink.what}`;
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty,
    message: `\`${arg.text}\` ${certainty === 'certain' ? 'is' : 'may be'} stack memory and is passed to ${through}: the device accesses it by DMA.`,
    why: whyFor(sink),
    instead: insteadFor(sink),
    platformNotes: notes(),
    evidence: [...evidenceOf(split.bad), ...path, { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: [...REFS, sink.source],
  };
}

/**
 * A callee whose body this file does not show, called with a stack buffer that the same patch turned from a
 * heap allocation into a local array: the pattern of a driver-local transfer helper losing its DMA-safe
 * buffer. Reported as likely: the wrapper's use of the buffer is inferred, not seen.
 */
function unseenWrapperReports(ctx: RuleContext, fn: FunctionIR, call: Call, notes: () => string[]): RuleReport[] {
  if (ctx.analysis.provenance.functionNamed(call.callee) || ctx.model.contract(call.callee)) return [];
  if (NON_DMA_NAME.test(call.callee)) return [];
  if (!TRANSFER_NAME.test(call.callee) && !BUS_PATH.test(ctx.image.path)) return [];
  const out: RuleReport[] = [];
  for (const arg of call.args) {
    const origins = ctx.analysis.origins(arg, fn);
    const stack = origins.filter((o) => isStack(o.kind));
    if (stack.length === 0 || stack.length !== origins.length) continue;
    const name = bufferName(arg);
    if (!name) continue;
    const heap = ctx.side === 'new' ? removedHeapAllocation(ctx.file, name, ctx.model, { start: fn.line, end: fn.endLine }) : undefined;
    if (!heap) continue;
    out.push({
      line: call.line,
      function: fn,
      code: call.text,
      certainty: 'likely',
      message: `\`${arg.text}\` is now a stack buffer, but this patch removes its ${heap.allocator}() allocation while still passing it to the transfer helper ${call.callee}(): such helpers hand the buffer to the bus core, which DMAs into it.`,
      why: `${whyFor(BUS_PATH.test(ctx.image.path) ? busSinkFor(ctx.image.path) : undefined)} The buffer used to come from ${heap.allocator}() (removed line ${heap.line}: \`${heap.text}\`); heap memory is what makes a transfer buffer DMA-able, which is why drivers allocate even two-byte buffers.`,
      instead: insteadFor(undefined),
      platformNotes: notes(),
      evidence: [...evidenceOf(stack), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}() (its body is not part of this diff)` }],
      references: [...REFS, 'drivers/usb/core/message.c (usb_control_msg)'],
    });
  }
  return out;
}

/** `struct spi_transfer t = { .tx_buf = buf }`, `xfer.rx_buf = buf`, `urb->transfer_buffer = buf` with stack memory. */
function fieldReports(ctx: RuleContext, fn: FunctionIR, notes: () => string[]): RuleReport[] {
  const out: RuleReport[] = [];
  const scope = ctx.analysis.provenance.scope(fn);
  const typeOf = (name: string) => scope.locals.get(name)?.type ?? scope.params.get(name)?.type ?? '';
  const report = (value: Expr, field: string, struct: string, source: string, line: number, code: string) => {
    const split = splitOrigins(ctx.analysis.origins(value, fn), isStack);
    const certainty = certaintyOf(split);
    if (!certainty) return;
    const sink: DmaSinkArg = { callee: `struct ${struct}`, index: 0, what: `${struct}.${field}`, source };
    out.push({
      line, function: fn, code, certainty,
      message: `\`${value.text}\` ${certainty === 'certain' ? 'is' : 'may be'} stack memory and is stored in ${struct}.${field}, which the bus core maps for DMA.`,
      why: whyFor(sink),
      instead: insteadFor(sink),
      platformNotes: notes(),
      evidence: [...evidenceOf(split.bad), { file: ctx.image.path, line, note: `stored in .${field}` }],
      references: [...REFS, source],
    });
  };
  for (const v of scope.locals.values()) {
    const spec = DMA_FIELDS.find((d) => v.type.includes(d.struct));
    if (!spec || !v.init || v.init.k !== 'init') continue;
    for (const field of spec.fields) {
      const m = new RegExp(`\\.\\s*${field}\\s*=\\s*([^,}]+)`).exec(v.init.text);
      const item = m && v.init.items.find((it) => it.text.trim() === m[1].trim());
      if (item) report(item, field, spec.struct, spec.source, item.line, `${v.name}.${field} = ${item.text}`);
    }
  }
  for (const { expr: e } of exprSitesOfKind(fn, 'assign')) {
    const left = e.left;
    if (e.op !== '=' || left.k !== 'field') continue;
    const base = rootName(left.base);
    const spec = base && DMA_FIELDS.find((d) => d.fields.includes(left.field) && typeOf(base).includes(d.struct));
    if (spec) report(e.right, left.field, spec.struct, spec.source, e.line, e.text);
  }
  return out;
}

/** The variable an lvalue path starts from (`t` for `t.tx_buf`, `xfer` for `xfer[0].rx_buf`). */
function rootName(e: Expr): string | undefined {
  let cur = e;
  while (cur.k === 'field' || cur.k === 'index' || cur.k === 'cast' || cur.k === 'deref' || cur.k === 'addr') {
    cur = cur.k === 'field' || cur.k === 'index' ? cur.base : cur.arg;
  }
  return cur.k === 'ident' ? cur.name : undefined;
}

/** The local the argument names (`buf`, `&buf[0]`, `buf + 1`). */
function bufferName(arg: Expr): string | undefined {
  let cur = arg;
  while (cur.k === 'cast' || (cur.k === 'binary' && (cur.op === '+' || cur.op === '-')) || (cur.k === 'addr' && cur.arg.k === 'index')) {
    cur = cur.k === 'cast' ? cur.arg : cur.k === 'binary' ? cur.left : (cur.arg as Extract<Expr, { k: 'index' }>).base;
  }
  return cur.k === 'ident' ? cur.name : undefined;
}

/** The bus a driver path belongs to, as a stand-in sink for explanations. */
function busSinkFor(path: string): DmaSinkArg | undefined {
  const bus = /usb/.test(path) ? 'usb_' : /spi/.test(path) ? 'spi_' : /mmc|sdio/.test(path) ? 'sdio_' : undefined;
  return bus ? { callee: bus, index: 0, what: '', source: '' } : undefined;
}

/** What VMAP_STACK means on each configured platform (the model decides where the stack lives). */
function platformNotes(ctx: RuleContext): string[] {
  return ctx.model.kindOnPlatforms('stack', 'linear').map(({ platform, value }) => value
    ? `${platform}: VMAP_STACK=n, the stack is in the linear map, but DMA into it still shares cache lines with live stack data and outlives the frame.`
    : `${platform}: VMAP_STACK=y, the stack is vmalloc memory: virt_to_page()/sg_set_buf() give a bogus page and dma_map_single() rejects it.`);
}

function whyFor(sink: DmaSinkArg | undefined): string {
  const how = sink?.callee.startsWith('usb_') || sink?.callee === 'struct urb'
    ? 'The USB core maps transfer buffers with dma_map_single()/dma_map_sg() for the host controller (usb_hcd_map_urb_for_dma).'
    : sink?.callee.startsWith('spi_') || sink?.callee === 'struct spi_transfer'
      ? 'SPI controllers with DMA map tx_buf/rx_buf through the scatterlist API (spi_map_buf), which needs linear-map memory.'
      : sink?.callee.startsWith('sdio_')
        ? 'The SDIO core builds the data stage with sg_init_one() on the caller\'s buffer, and the host controller DMA-maps that scatterlist.'
        : 'The buffer is turned into a DMA address through its struct page (sg_set_buf()/dma_map_single() use virt_to_page()).';
  return `Stack memory must never be used for DMA (dma-api-howto.rst). ${how} With CONFIG_VMAP_STACK the stack is vmalloc memory, so the page lookup yields a bogus struct page and DMA debug reports "device driver maps memory from stack"; without it the buffer still shares cache lines with other stack data (corrupted by cache maintenance on non-coherent platforms) and may be reused as soon as the function returns.`;
}

function insteadFor(sink: DmaSinkArg | undefined): string {
  const base = 'Allocate the buffer with kmalloc()/kzalloc() and free it after the transfer, or keep it in a kmalloc()ed driver structure (____cacheline_aligned so it does not share cache lines with CPU-written fields).';
  if (sink?.callee === 'usb_control_msg') return `${base} For small control transfers, usb_control_msg_recv()/usb_control_msg_send() bounce through their own heap copy and accept stack buffers.`;
  if (sink?.callee === 'spi_write' || sink?.callee === 'spi_read' || sink?.callee === 'struct spi_transfer') return `${base} For short register accesses, spi_write_then_read() copies through a DMA-safe bounce buffer and accepts stack buffers.`;
  return base;
}

