// Where a buffer ends up being DMA'd from: streaming-DMA and scatterlist APIs (asked of the model's contracts),
// the bus helpers that hand the caller's buffer to a host controller (USB, SPI, SDIO), transfer-descriptor
// fields the bus core maps, and file-local wrappers that pass one of their parameters on to any of these.
import type { Expr, FunctionIR } from '../../c/ir.js';
import { exprSitesOfKind, stripCasts, type FileAnalysis } from '../../analysis/index.js';
import type { ModelView } from '../types.js';

type Call = Extract<Expr, { k: 'call' }>;

/** One argument of one API that the device reads or writes by DMA. */
export interface DmaSinkArg {
  callee: string;
  index: number;
  /** What the buffer becomes there ("the data stage of a USB control transfer"). */
  what: string;
  /** The kernel file that establishes it. */
  source: string;
}

/**
 * Bus helpers that DMA straight from the caller's buffer. The model's contract catalogue covers the DMA and
 * scatterlist APIs; these bus wrappers are listed here because they define this rule's pattern.
 * - drivers/usb/core/message.c: usb_control_msg/usb_bulk_msg/usb_interrupt_msg hand `data` to the HCD, which
 *   DMA-maps it (the _send/_recv variants kmemdup() first and are safe, so they are absent on purpose).
 * - include/linux/usb.h: usb_fill_*_urb store the buffer in urb->transfer_buffer / setup_packet.
 * - include/linux/spi/spi.h: spi_write/spi_read put `buf` in spi_transfer.tx_buf/rx_buf ("DMA-safe memory");
 *   spi_write_then_read() copies into a bounce buffer and is absent on purpose.
 * - drivers/mmc/core/sdio_ops.c: mmc_io_rw_extended() builds the data stage with sg_init_one(buf).
 * I2C does not DMA from the caller's buffer by default (i2c_get_dma_safe_msg_buf is opt-in), so it is absent.
 */
const BUS_SINKS: readonly DmaSinkArg[] = [
  { callee: 'usb_control_msg', index: 6, what: 'the data stage of a USB control transfer', source: 'drivers/usb/core/message.c' },
  { callee: 'usb_bulk_msg', index: 2, what: 'a USB bulk transfer buffer', source: 'drivers/usb/core/message.c' },
  { callee: 'usb_bulk_msg_killable', index: 2, what: 'a USB bulk transfer buffer', source: 'drivers/usb/core/message.c' },
  { callee: 'usb_interrupt_msg', index: 2, what: 'a USB interrupt transfer buffer', source: 'drivers/usb/core/message.c' },
  { callee: 'usb_fill_bulk_urb', index: 3, what: "an URB's transfer_buffer", source: 'include/linux/usb.h' },
  { callee: 'usb_fill_int_urb', index: 3, what: "an URB's transfer_buffer", source: 'include/linux/usb.h' },
  { callee: 'usb_fill_control_urb', index: 3, what: "an URB's setup packet", source: 'include/linux/usb.h' },
  { callee: 'usb_fill_control_urb', index: 4, what: "an URB's transfer_buffer", source: 'include/linux/usb.h' },
  { callee: 'spi_write', index: 1, what: 'spi_transfer.tx_buf (DMA-safe memory)', source: 'include/linux/spi/spi.h' },
  { callee: 'spi_read', index: 1, what: 'spi_transfer.rx_buf (DMA-safe memory)', source: 'include/linux/spi/spi.h' },
  { callee: 'sdio_memcpy_fromio', index: 1, what: 'the data stage of an SDIO CMD53 (sg_init_one of the buffer)', source: 'drivers/mmc/core/sdio_ops.c' },
  { callee: 'sdio_memcpy_toio', index: 2, what: 'the data stage of an SDIO CMD53 (sg_init_one of the buffer)', source: 'drivers/mmc/core/sdio_ops.c' },
  { callee: 'sdio_readsb', index: 1, what: 'the data stage of an SDIO CMD53 (sg_init_one of the buffer)', source: 'drivers/mmc/core/sdio_ops.c' },
  { callee: 'sdio_writesb', index: 2, what: 'the data stage of an SDIO CMD53 (sg_init_one of the buffer)', source: 'drivers/mmc/core/sdio_ops.c' },
];

/** Transfer-descriptor fields the bus core DMA-maps, by the struct that holds them. */
export const DMA_FIELDS: readonly { struct: string; fields: readonly string[]; source: string }[] = [
  { struct: 'spi_transfer', fields: ['tx_buf', 'rx_buf'], source: 'include/linux/spi/spi.h (struct spi_transfer: "DMA-safe memory")' },
  { struct: 'urb', fields: ['transfer_buffer', 'setup_packet'], source: 'include/linux/usb.h (struct urb, mapped by usb_hcd_map_urb_for_dma)' },
];

/** Contract categories whose buffer parameters the device accesses by DMA. */
const DMA_CATEGORIES = new Set(['dma-map', 'sg']);

/**
 * The DMA-sink arguments of a known API: model contracts (dma-map/sg buffer parameters that do not accept
 * stack memory) first, then the bus helpers above.
 */
export function knownSinkArgs(callee: string, model: ModelView): DmaSinkArg[] {
  const out: DmaSinkArg[] = [];
  const c = model.contract(callee);
  if (c?.category && DMA_CATEGORIES.has(c.category)) {
    c.params?.forEach((p, index) => {
      if (p.role === 'buffer' && p.accepts && !p.accepts.includes('stack')) {
        out.push({ callee, index, what: `the ${p.name} buffer of ${callee}()`, source: c.source ?? 'contract' });
      }
    });
  }
  out.push(...BUS_SINKS.filter((s) => s.callee === callee));
  return out;
}

/** How one parameter of a file-local function reaches a DMA sink. */
export interface WrapperPath {
  fn: FunctionIR;
  param: number;
  /** The call inside `fn` that receives the parameter, and what it does with it. */
  via: Call;
  sink: DmaSinkArg;
  /** Nested wrappers, outermost first (empty when `via` is the known API). */
  chain: { fn: string; line: number }[];
}

/** The parameter name a (possibly cast, offset or address-of-element) argument expression forwards. */
function forwardedParam(e: Expr, fn: FunctionIR): number {
  let cur = stripCasts(e);
  // `buf + off` and `&buf[i]` still point into the caller's buffer.
  while (true) {
    if (cur.k === 'binary' && (cur.op === '+' || cur.op === '-')) cur = stripCasts(cur.left);
    else if (cur.k === 'addr' && cur.arg.k === 'index') cur = stripCasts(cur.arg.base);
    else break;
  }
  if (cur.k !== 'ident') return -1;
  const name = cur.name;
  return fn.params.findIndex((p) => p.name === name);
}

/** True when a parameter is reassigned in the function body (then it no longer names the caller's buffer). */
function reassigned(fn: FunctionIR, name: string): boolean {
  return exprSitesOfKind(fn, 'assign').some(({ expr: e }) => e.left.k === 'ident' && e.left.name === name);
}

/**
 * Summaries of the functions defined in this file: which parameter reaches a DMA sink, directly or through
 * other wrappers of the same file (computed to a fixpoint). Synthetic fragment headers are skipped: their
 * parameter list is git's hunk context, not necessarily the function the body belongs to.
 */
export function wrapperSummaries(analysis: FileAnalysis, model: ModelView): Map<string, WrapperPath[]> {
  const summaries = new Map<string, WrapperPath[]>();
  const fns = analysis.functions.filter((f) => f.name && !f.synthetic);
  let changed = true;
  for (let round = 0; changed && round < 5; round++) {
    changed = false;
    for (const fn of fns) {
      const have = summaries.get(fn.name) ?? [];
      for (const site of analysis.calls(fn)) {
        const call = site.call;
        const direct = knownSinkArgs(call.callee, model);
        const nested = call.callee !== fn.name ? summaries.get(call.callee) ?? [] : [];
        const sinks: { index: number; path: WrapperPath | undefined; sink: DmaSinkArg }[] = [
          ...direct.map((s) => ({ index: s.index, path: undefined, sink: s })),
          ...nested.map((w) => ({ index: w.param, path: w, sink: w.sink })),
        ];
        for (const s of sinks) {
          const arg = call.args[s.index];
          if (!arg) continue;
          const param = forwardedParam(arg, fn);
          if (param < 0 || reassigned(fn, fn.params[param].name)) continue;
          if (have.some((h) => h.param === param)) continue;
          const chain = s.path ? [{ fn: s.path.fn.name, line: s.path.via.line }, ...s.path.chain] : [];
          have.push({ fn, param, via: call, sink: s.sink, chain });
          changed = true;
        }
      }
      if (have.length) summaries.set(fn.name, have);
    }
  }
  return summaries;
}
