// rcu-sleep: a call that may sleep inside an RCU read-side section: a GFP_KERNEL/GFP_NOFS/GFP_NOIO allocation
// or any call passing such a mask (xa_store(..., GFP_KERNEL)), mutex_lock, synchronize_rcu, msleep, kmap,
// copy_*_user, or a same-file helper that does one of these. The 2024 p2pdma fix ("Fix a sleeping issue in a
// RCU read section") replaced GFP_KERNEL with GFP_ATOMIC in exactly such an xa_store().
import type { SleepInSection } from '../analysis/locks.js';
import { gfpArgument, type CallSite } from '../analysis/index.js';
import type { Certainty, Evidence } from '../types.js';
import { irMissesRcuCalls, RCU_NO_SLEEP, rcuLockFacts, sectionName, spanVisible } from './support/rcu-sections.js';
import { docsUrl, type Rule, type RuleContext, type RuleReport, type RuleSuggestion } from './types.js';

const ID = 'rcu-sleep';

const REFS = [
  'include/linux/rcupdate.h (rcu_read_lock kerneldoc: "it is illegal to block while in an RCU read-side critical section")',
  'Documentation/RCU/whatisRCU.rst',
  'include/linux/gfp_types.h (GFP_KERNEL may enter direct reclaim)',
  'linux-pci 2024-01 "PCI/P2PDMA: Fix a sleeping issue in a RCU read section"',
];

export const rcuSleep: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'A call that may sleep (GFP_KERNEL allocation, mutex_lock, synchronize_rcu, msleep, ...) inside an RCU read-side section',
    catalogue: ['§F.1'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    const { facts, summaries } = rcuLockFacts(ctx);
    for (const { fn, report, entered } of facts) {
      const calls = ctx.analysis.calls(fn);
      if (irMissesRcuCalls(fn, calls)) continue;
      const seen = new Set<string>();
      const judge = (s: SleepInSection, inferred: boolean) => {
        const rcu = (s.sections ?? [{ cls: s.cls, line: s.sectionLine, call: s.sectionCall, entry: s.entry }])
          .find((sec) => RCU_NO_SLEEP.has(sec.cls));
        if (!rcu || seen.has(`${s.line}:${s.call}`)) return;
        let closeLine: number | undefined;
        if (rcu.entry) {
          // The section was opened above the hunk: the code from the sleeping call to the visible unlock must be
          // on screen without a gap, or the lock could sit in between.
          closeLine = unlockAfter(calls, s.line, rcu.cls, summaries.model);
          if (closeLine === undefined || !spanVisible(ctx.image, s.line, closeLine)) return;
        } else if (!spanVisible(ctx.image, rcu.line, s.line)) {
          return;
        }
        const site = calls.find((c) => c.call.line === s.line && c.call.callee === s.call);
        const helper = ctx.model.contract(s.call) ? undefined : summaries.sleepOf(s.call);
        // A helper summary names a same-file function: it says nothing about `ops->same_name(...)` calls.
        if (helper && site?.call.calleeExpr && site.call.calleeExpr.k !== 'ident') return;
        // A helper that sleeps only under a condition of its own (a flag, an ops hook, `if (can_block)`) is usually
        // called under RCU with that condition false; the caller's arguments would have to be followed to know.
        if (helper?.conditional) return;
        seen.add(`${s.line}:${s.call}`);
        const certainty: Certainty = inferred || rcu.entry ? 'likely' : 'certain';
        const name = sectionName(rcu.cls);
        const evidence: Evidence[] = [
          rcu.entry
            ? { file: ctx.image.path, line: closeLine!, note: `${rcu.call.replace(/lock/, 'unlock')}() here closes an ${name} opened above the hunk, so the code before it runs inside the section` }
            : { file: ctx.image.path, line: rcu.line, note: `${rcu.call}() opens the ${name}` },
          { file: ctx.image.path, line: s.line, note: s.why },
          ...(helper ? [{ file: ctx.image.path, line: helper.line, note: `inside ${helper.helper}(): ${helper.why}` }] : []),
        ];
        out.push({
          line: s.line,
          function: fn,
          code: site?.call.text ?? s.call,
          certainty,
          message: (helper ? `${s.call}() calls ${helper.call}() (line ${helper.line}), which may sleep, ` : `${s.call}() may sleep, `)
            + `but it runs inside the ${name} `
            + (rcu.entry ? `that ends at line ${closeLine}.` : `opened at line ${rcu.line} (${rcu.call}()).`),
          why: `${helper ? `${helper.why} (in ${helper.helper}())` : s.why}. Blocking is illegal inside an RCU read-side critical section: with CONFIG_PREEMPT_RCU=n the section runs with `
            + `preemption disabled ("BUG: sleeping function called from invalid context" / "scheduling while atomic"), and with `
            + `preemptible RCU a reader that sleeps stalls every grace period behind it. SRCU is the variant whose readers may sleep.`,
          instead: insteadFor(s, site),
          evidence,
          references: REFS,
          suggestion: site ? atomicGfp(ctx, site) : undefined,
        });
      };
      for (const s of report.sleepInSection) judge(s, false);
      for (const s of entered?.sleepInSection ?? []) if (s.entry || s.sections?.some((x) => x.entry)) judge(s, true);
    }
    return out;
  },
};

/** The first release of `cls` at or after `line` in the function. */
function unlockAfter(calls: readonly CallSite[], line: number, cls: string, model: { contract(n: string): { lock?: { cls: string; op: string } } | undefined }): number | undefined {
  const lines = calls.filter((c) => c.call.line >= line && model.contract(c.call.callee)?.lock?.op === 'release'
    && model.contract(c.call.callee)?.lock?.cls === cls).map((c) => c.call.line);
  return lines.length ? Math.min(...lines) : undefined;
}

function insteadFor(s: SleepInSection, site: CallSite | undefined): string {
  const gfp = site ? gfpArgument(site.call) : undefined;
  if (gfp) {
    return `Use a non-blocking mask here (GFP_ATOMIC, or GFP_NOWAIT when failure is cheap to handle), or move the ${s.call}() call `
      + 'out of the section: allocate before rcu_read_lock(), or take a reference on the object under RCU and do the blocking work after rcu_read_unlock().';
  }
  return `Move ${s.call}() out of the read-side section: finish the RCU lookup, take a reference on what you need `
    + '(kref_get_unless_zero(), percpu_ref_tryget_live()), call rcu_read_unlock(), then do the blocking work. If the readers must block, '
    + 'the data structure needs SRCU or a sleeping lock instead of RCU.';
}

/** GFP_KERNEL/GFP_NOFS/GFP_NOIO → GFP_ATOMIC on the line that carries the mask (a reviewed, not a safe, edit). */
function atomicGfp(ctx: RuleContext, site: CallSite): RuleSuggestion | undefined {
  const gfp = gfpArgument(site.call);
  if (!gfp || !/^\s*GFP_(KERNEL|NOFS|NOIO)\s*$/.test(gfp)) return undefined;
  for (let l = site.call.line; l <= site.call.endLine; l++) {
    const text = ctx.image.lineText.get(l);
    if (text && /\bGFP_(KERNEL|NOFS|NOIO)\b/.test(text)) {
      return { startLine: l, endLine: l, replacement: text.replace(/\bGFP_(KERNEL|NOFS|NOIO)\b/, 'GFP_ATOMIC'), safety: 'review' };
    }
  }
  return undefined;
}

