// zone-device-pgmap-ref: references on a ZONE_DEVICE dev_pagemap that are leaked, never taken, or not waited
// for. Every page or allocation handed out from a pgmap holds pgmap->ref (a percpu_ref); memunmap_pages()
// (mm/memremap.c) kills that ref and waits for it to drain before it tears down the memmap. So:
//   1. a get_dev_pagemap()/percpu_ref_get()/percpu_ref_tryget*() reference still held where an error path
//      returns never drains, and unbinding the device hangs (the 2025 p2pmem_alloc_mmap() fix);
//   2. memory taken from a pool whose chunks carry the pgmap reference as their owner (gen_pool_add_owner())
//      with plain gen_pool_alloc() holds no reference, so teardown does not wait for it (the 2021 pci_mmap_p2pmem()
//      review: "Waits for all the page refcounts to go to zero?");
//   3. percpu_ref_exit() on a pgmap ref right after percpu_ref_kill(), without waiting for the last put.
import type { Expr, FunctionIR } from '../c/ir.js';
import { walkStmts, type CallSite } from '../analysis/index.js';
import { analyseRefs, refKey, type RefLeak, type RefOp, type RefReport } from '../analysis/refs.js';
import type { Certainty, Evidence } from '../types.js';
import { spanVisible, visibleFromStart } from './support/hunk-spans.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';
import { insertBeforeReturn } from './support/suggest.js';

const ID = 'zone-device-pgmap-ref';

/**
 * The calls that take and drop dev_pagemap references: include/linux/memremap.h (get_dev_pagemap,
 * put_dev_pagemap) and include/linux/percpu-refcount.h (the pgmap's percpu_ref, taken directly by
 * drivers/pci/p2pdma.c).
 */
export const PGMAP_REF_OPS: readonly RefOp[] = [
  { name: 'get_dev_pagemap', kind: 'get', family: 'pgmap', key: 'result', consumes: 1 },
  { name: 'put_dev_pagemap', kind: 'put', family: 'pgmap', key: 0 },
  { name: 'percpu_ref_get', kind: 'get', family: 'percpu_ref', key: 0 },
  { name: 'percpu_ref_get_many', kind: 'get', family: 'percpu_ref', key: 0 },
  { name: 'percpu_ref_tryget', kind: 'tryget', family: 'percpu_ref', key: 0 },
  { name: 'percpu_ref_tryget_many', kind: 'tryget', family: 'percpu_ref', key: 0 },
  { name: 'percpu_ref_tryget_live', kind: 'tryget', family: 'percpu_ref', key: 0 },
  { name: 'percpu_ref_tryget_live_rcu', kind: 'tryget', family: 'percpu_ref', key: 0 },
  { name: 'percpu_ref_put', kind: 'put', family: 'percpu_ref', key: 0 },
  { name: 'percpu_ref_put_many', kind: 'put', family: 'percpu_ref', key: 0 },
];

const PUT_FOR: Record<string, string> = { pgmap: 'put_dev_pagemap', percpu_ref: 'percpu_ref_put' };

/** genalloc calls (include/linux/genalloc.h): pool memory whose chunks may carry an owner reference. */
const GENALLOC = /^gen_pool_(alloc|alloc_owner|alloc_algo|alloc_algo_owner|free|free_owner|dma_alloc\w*)$/;
/** Allocations that do not return the chunk owner (so cannot take the owner's reference). */
const OWNERLESS_ALLOC = new Set(['gen_pool_alloc', 'gen_pool_alloc_algo', 'gen_pool_dma_alloc', 'gen_pool_dma_zalloc']);
/** Waits that let a killed percpu_ref drain (include/linux/completion.h, include/linux/wait.h, wait_bit.h). */
const WAITS = /^(wait_for_completion\w*|wait_event\w*|wait_var_event\w*|percpu_ref_switch_to_atomic_sync|wait_on_bit\w*)$/;
/** Text that shows a file registers or uses ZONE_DEVICE page maps. */
const PGMAP_CONTEXT = /\b(dev_pagemap|pgmap|devm_memremap_pages|memremap_pages|MEMORY_DEVICE_\w+)\b/;

const REFS = [
  'MM-003', 'kernel-model.md §A.2',
  'mm/memremap.c (memunmap_pages: percpu_ref_kill, wait_for_completion(&pgmap->done), percpu_ref_exit)',
  'drivers/pci/p2pdma.c (pci_alloc_p2pmem/pci_free_p2pmem: gen_pool_alloc_owner + percpu_ref_tryget_live_rcu, percpu_ref_put)',
  'linux-pci 2025-12 "PCI/P2PDMA: Release the per-cpu ref of pgmap when vm_insert_page() fails"',
];

export const zoneDevicePgmapRef: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'dev_pagemap references leaked on an error path, not taken for pool memory, or not waited for at teardown',
    catalogue: ['MM-003', '§A.2'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const imageText = [...ctx.image.lineText.values()].join('\n');
    for (const fn of ctx.analysis.functions) {
      const calls = ctx.analysis.calls(fn);
      out.push(...leaksIn(ctx, fn, calls));
      out.push(...killWithoutWait(ctx, fn, calls));
    }
    if (PGMAP_CONTEXT.test(imageText)) out.push(...ownerlessAllocations(ctx));
    return out;
  },
};

// ───────────── 1. references leaked on error paths ─────────────

function leaksIn(ctx: RuleContext, fn: FunctionIR, calls: readonly CallSite[]): RuleReport[] {
  if (!calls.some((c) => PGMAP_REF_OPS.some((o) => o.name === c.call.callee))) return [];
  const out: RuleReport[] = [];
  const report = analyseRefs(fn, PGMAP_REF_OPS);
  for (const leak of report.leaks) {
    if (!spanVisible(ctx.image, leak.held.line, leak.returnLine)) continue;
    if (!qualifies(fn, calls, leak.held.key, leak.held.family)) continue;
    const managed = report.releases.some((r) => r.key === leak.held.key && r.family === leak.held.family);
    const certainty: Certainty = !leak.held.nullable && leak.error && managed ? 'certain' : 'likely';
    out.push(leakReport(ctx, fn, leak, report, certainty, undefined));
  }
  // A hunk fragment may start after the reference was taken: a percpu_ref_get() on a key with no visible
  // acquisition before it shows that a reference is already held (the get is only safe on a live ref).
  const entryKeys = inferredEntryKeys(ctx, fn, report);
  if (entryKeys.length) {
    const entered = analyseRefs(fn, PGMAP_REF_OPS, { entry: entryKeys.map((k) => ({ key: k.key, family: k.family, line: fn.line, call: k.call })) });
    for (const leak of entered.leaks) {
      if (!leak.held.entry || !leak.error) continue;
      const get = entryKeys.find((k) => k.key === leak.held.key)!;
      if (!spanVisible(ctx.image, leak.returnLine, get.line)) continue;
      if (!qualifies(fn, calls, leak.held.key, leak.held.family)) continue;
      // The path must visibly unwind (free what it allocated) while forgetting the reference.
      const unwind = unwindCallBefore(ctx, fn, leak.returnLine);
      if (!unwind) continue;
      out.push(leakReport(ctx, fn, leak, entered, 'likely', { getLine: get.line, getCall: get.call, unwind }));
    }
  }
  return out;
}

/** Keys a fragment takes extra references on (percpu_ref_get) without a visible acquisition before. */
function inferredEntryKeys(ctx: RuleContext, fn: FunctionIR, report: RefReport): { key: string; family: string; line: number; call: string }[] {
  const out: { key: string; family: string; line: number; call: string }[] = [];
  for (const a of report.acquires) {
    if (a.kind !== 'get' || a.family !== 'percpu_ref' || visibleFromStart(ctx.image, fn, a.line)) continue;
    const earlier = report.acquires.some((b) => b.key === a.key && b.line < a.line);
    if (!earlier && !out.some((k) => k.key === a.key)) out.push({ key: a.key, family: a.family, line: a.line, call: a.call });
  }
  return out;
}

/**
 * Whether a key is a dev_pagemap reference: get_dev_pagemap() results always are; a percpu_ref is when its
 * text names a pgmap, when it was assigned from one, or when it is the owner of genalloc pool memory this
 * function allocates or frees (P2PDMA pools carry the pgmap ref as each chunk's owner).
 */
function qualifies(fn: FunctionIR, calls: readonly CallSite[], key: string, family: string): boolean {
  if (family === 'pgmap') return true;
  if (/pgmap|pagemap/i.test(key)) return true;
  let assignedFromPgmap = false;
  walkStmts(fn.body, (s) => {
    if (s.k === 'expr' && s.expr.k === 'assign' && refKey(s.expr.left) === key && /pgmap|pagemap/i.test(s.expr.right.text)) assignedFromPgmap = true;
    if (s.k === 'decl') for (const v of s.vars) if (v.name === key && v.init && /pgmap|pagemap/i.test(v.init.text)) assignedFromPgmap = true;
  });
  if (assignedFromPgmap) return true;
  return calls.some((c) => GENALLOC.test(c.call.callee));
}

/** The first call to a freeing API (model category 'free') in the statements of the block before `line`. */
function unwindCallBefore(ctx: RuleContext, fn: FunctionIR, line: number): { line: number; call: string } | undefined {
  let found: { line: number; call: string } | undefined;
  walkStmts(fn.body, (s, parents) => {
    if (found || s.k !== 'return' || s.line !== line) return;
    const block = parents[parents.length - 1];
    if (block?.k !== 'block') return;
    for (const prior of block.body) {
      if (prior.line >= line) break;
      for (const c of ctx.analysis.calls(fn)) {
        if (c.stmt !== prior) continue;
        if (ctx.model.contract(c.call.callee)?.category === 'free') { found = { line: c.call.line, call: c.call.callee }; return; }
      }
    }
  });
  return found;
}

function leakReport(ctx: RuleContext, fn: FunctionIR, leak: RefLeak, report: RefReport, certainty: Certainty,
  inferred: { getLine: number; getCall: string; unwind: { line: number; call: string } } | undefined): RuleReport {
  const h = leak.held;
  const put = PUT_FOR[h.family] ?? 'the matching put';
  const name = fn.name ? `${fn.name}()` : 'the function';
  const what = h.family === 'pgmap' ? `the dev_pagemap reference in \`${h.key}\`` : `the pgmap reference \`${h.key}\``;
  const releases = report.releases.filter((r) => r.key === h.key && r.family === h.family);
  const evidence: Evidence[] = [];
  if (inferred) {
    evidence.push({ file: ctx.image.path, line: inferred.getLine, note: `${inferred.getCall}(${h.key}) takes another reference: \`${h.key}\` is already held before this hunk` });
    evidence.push({ file: ctx.image.path, line: inferred.unwind.line, note: `the error path unwinds with ${inferred.unwind.call}()` });
  } else {
    evidence.push({ file: ctx.image.path, line: h.line, note: `${h.call}() takes ${what}` });
  }
  if (leak.error) evidence.push({ file: ctx.image.path, line: leak.error.line, note: leak.error.note });
  evidence.push({ file: ctx.image.path, line: leak.returnLine, note: leak.error ? `returns the error with the reference still held` : 'returns without putting the reference or handing it on' });
  for (const r of releases.slice(0, 2)) evidence.push({ file: ctx.image.path, line: r.line, note: `${r.call}() drops it on another path` });
  const where = leak.implicit ? `at the end of ${name}` : `at line ${leak.returnLine}`;
  return {
    line: leak.returnLine,
    startLine: inferred ? undefined : h.line,
    function: fn,
    code: `${h.call}(${h.key})@${fn.name}:${leak.returnText.replace(/\s+/g, ' ')}`,
    certainty,
    message: leak.error
      ? `${name} returns an error ${where} while still holding ${what}${inferred ? '' : ` (taken by ${h.call}() at line ${h.line})`}: this path never calls ${put}().`
      : `${name} drops \`${h.key}\` ${where} without ${put}(): the reference from ${h.call}() at line ${h.line} can never be put.`,
    why: `A dev_pagemap stays alive while its percpu_ref has users: memunmap_pages() (mm/memremap.c) kills pgmap->ref and waits in `
      + `wait_for_completion(&pgmap->done) until every get has been matched by a put. A reference leaked here is never put, so `
      + `removing the device (devm release of the pgmap, PCI unbind) hangs forever.`
      + (inferred ? ` The reference is taken above this hunk: ${inferred.getCall}() at line ${inferred.getLine} adds to it on the success path, which is only safe while it is held, and the error path frees the memory with ${inferred.unwind.call}() but leaves the reference.` : ''),
    instead: `Drop the reference on every failure path after it is taken (${put}(${h.key})), preferably through the same unwind label the other error paths use, so success and failure cannot drift apart.`,
    evidence,
    references: REFS,
    suggestion: leak.error && !leak.implicit ? insertBeforeReturn(ctx, fn, leak.returnLine, `${put}(${h.key});`) : undefined,
  };
}


// ───────────── 2. pool memory allocated without the owner's reference ─────────────

function ownerlessAllocations(ctx: RuleContext): RuleReport[] {
  const owners = ctx.analysis.callsTo(['gen_pool_add_owner']).filter(({ site }) => site.call.args[0]);
  if (!owners.length) return [];
  const out: RuleReport[] = [];
  for (const { fn, site } of ctx.analysis.callsTo(OWNERLESS_ALLOC)) {
    const pool = site.call.args[0];
    if (!pool) continue;
    const owner = owners.find(({ site: o }) => samePool(o.call.args[0], pool));
    if (!owner) continue;
    out.push({
      line: site.call.line,
      function: fn,
      code: site.call.text,
      certainty: 'likely',
      message: `${site.call.callee}(${pool.text}, ...) allocates from a pool whose chunks are added with an owner (gen_pool_add_owner() at line ${owner.site.call.line}), `
        + 'but drops the owner: no pgmap reference is taken for this memory, so device teardown will not wait for it.',
      why: 'In a P2PDMA-style pool each chunk\'s owner is the dev_pagemap\'s percpu_ref. pci_alloc_p2pmem() and p2pmem_alloc_mmap() '
        + '(drivers/pci/p2pdma.c) allocate with gen_pool_alloc_owner() and take that ref with percpu_ref_tryget_live*() (and one per page '
        + 'handed to userspace); the pgmap page_free callback and pci_free_p2pmem() put it. memunmap_pages() waits for those references '
        + 'before the memory goes away. Memory allocated without one (and pages mapped from it) can outlive the device: nothing waits for '
        + 'the page references to drop before the BAR is unmapped.',
      instead: 'Allocate with gen_pool_alloc_owner(pool, size, (void **)&ref), take the reference with percpu_ref_tryget_live_rcu(ref) '
        + '(failing the allocation if the pgmap is dying), take one more per page mapped to userspace, and put it when the memory is freed '
        + '(gen_pool_free_owner() + percpu_ref_put()); or simply use pci_alloc_p2pmem()/pci_free_p2pmem().',
      evidence: [
        { file: ctx.image.path, line: owner.site.call.line, note: 'chunks are added with an owner reference' },
        { file: ctx.image.path, line: site.call.line, note: `${site.call.callee}() returns memory without its owner` },
      ],
      references: REFS,
    });
  }
  return out;
}

/** Two pool expressions name the same pool: the same text, or the same struct field (`p2pdma->pool`). */
function samePool(a: Expr | undefined, b: Expr): boolean {
  if (!a) return false;
  if (refKey(a) === refKey(b)) return true;
  return a.k === 'field' && b.k === 'field' && a.field === b.field;
}

// ───────────── 3. percpu_ref_exit() right after percpu_ref_kill() ─────────────

function killWithoutWait(ctx: RuleContext, fn: FunctionIR, calls: readonly CallSite[]): RuleReport[] {
  const out: RuleReport[] = [];
  for (const kill of calls.filter((c) => c.call.callee === 'percpu_ref_kill' && c.call.args[0])) {
    const key = refKey(kill.call.args[0]);
    if (!/pgmap/i.test(key)) continue;
    const exit = calls.find((c) => c.call.callee === 'percpu_ref_exit' && c.call.args[0] && refKey(c.call.args[0]) === key && c.call.line > kill.call.line);
    if (!exit || !spanVisible(ctx.image, kill.call.line, exit.call.line)) continue;
    const waited = calls.some((c) => c.call.line > kill.call.line && c.call.line < exit.call.line && (WAITS.test(c.call.callee)
      || ctx.model.contract(c.call.callee)?.mightSleep === true && /wait|drain|sync/.test(c.call.callee)));
    if (waited) continue;
    out.push({
      line: exit.call.line,
      startLine: kill.call.line,
      function: fn,
      code: `${exit.call.text}@${fn.name}`,
      certainty: 'certain',
      message: `percpu_ref_exit(${key}) follows percpu_ref_kill() at line ${kill.call.line} without waiting for the outstanding references to drain.`,
      why: 'percpu_ref_kill() only starts the switch to atomic mode and drops the initial reference; pages and allocations of the pgmap '
        + 'still hold theirs. memunmap_pages() (mm/memremap.c) therefore waits in wait_for_completion(&pgmap->done), which the ref\'s '
        + 'release callback completes, before percpu_ref_exit() and before the memmap is removed. Exiting first frees the counter while '
        + 'users still put it and lets the memory disappear under them.',
      instead: 'After percpu_ref_kill(), wait for the release callback (wait_for_completion() on the completion it signals), then call percpu_ref_exit().',
      evidence: [
        { file: ctx.image.path, line: kill.call.line, note: 'percpu_ref_kill() starts the teardown' },
        { file: ctx.image.path, line: exit.call.line, note: 'percpu_ref_exit() with no wait in between' },
      ],
      references: REFS,
    });
  }
  return out;
}
