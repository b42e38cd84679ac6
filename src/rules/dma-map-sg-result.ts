// dma-map-sg-result: dma_map_sg() returns an unsigned count with 0 as its only failure value; dma_map_sgtable()
// returns 0 or a negative errno. Testing the count with `< 0` or dma_mapping_error(), ignoring it, or using the
// sgtable status as a count are the mistakes reviewers keep rejecting (kernel/dma/mapping.c).
import { docsUrl, type Rule, type RuleContext, type RuleReport } from './types.js';
import { argumentOf, inCondition, parentOf, resultTarget, signTest, usesAfter, zeroTest } from './support/uses.js';

const ID = 'dma-map-sg-result';
const REFS = ['DMA-001', 'DMA-002', 'kernel/dma/mapping.c (dma_map_sg_attrs, dma_map_sgtable)', 'Documentation/core-api/dma-api.rst'];

export const dmaMapSgResult: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    certainty: 'certain',
    description: 'dma_map_sg() result ignored, tested with < 0 or dma_mapping_error(); dma_map_sgtable() status used as a count',
    catalogue: ['DMA-001', 'DMA-002'],
    docsUrl: docsUrl(ID),
  },
  check(ctx: RuleContext): RuleReport[] {
    const out: RuleReport[] = [];
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const contract = ctx.model.contract(call.callee);
        const convention = contract?.category === 'dma-map' ? contract.returns?.error : undefined;
        // The 0-or-errno convention is shared by many APIs (dma_set_mask, sg_alloc_table): only a map of an
        // sg_table reports its segment count elsewhere, so only that status can be mistaken for a count.
        const mapsTable = contract?.params?.some((p) => p.role === 'sgt') ?? false;
        const base = { function: fn, code: call.text, references: REFS };
        if (convention === 'zero-count') {
          const direct = parentOf(site);
          if (direct?.k === 'call' && direct.callee === 'dma_mapping_error') {
            out.push({ ...base, line: call.line, message: mappingErrorMsg(call.callee), why: countWhy(call.callee), instead: countInstead() });
            continue;
          }
          const sign = signTest(direct, call);
          if (sign) {
            out.push({ ...base, line: call.line, message: `\`${sign}\` can never be true: ${call.callee}() returns an unsigned count and 0 on failure.`, why: countWhy(call.callee), instead: countInstead() });
            continue;
          }
          const target = resultTarget(site);
          if (target === 'discarded') {
            out.push({ ...base, line: call.line, message: `The result of ${call.callee}() is ignored: a failed mapping (0 entries) goes unnoticed and the device is programmed with undefined DMA addresses.`, why: countWhy(call.callee), instead: countInstead() });
            continue;
          }
          if (target === 'other') continue;
          const uses = usesAfter(ctx.analysis, fn, target.key, target.line);
          let reported = false;
          let tested = false;
          for (const u of uses) {
            const p = parentOf(u);
            const arg = argumentOf(u);
            if (arg?.call.callee === 'dma_mapping_error') {
              out.push({ ...base, line: u.expr.line, message: mappingErrorMsg(call.callee, target.key), why: countWhy(call.callee), instead: countInstead(),
                evidence: [{ file: ctx.image.path, line: call.line, note: `${target.key} = ${call.callee}(): a segment count` }] });
              reported = true;
              break;
            }
            const s = signTest(p, u.expr) ?? (arg?.call.callee === 'IS_ERR_VALUE' ? arg.call.text : undefined);
            if (s) {
              out.push({ ...base, line: u.expr.line, message: `\`${s}\` never detects a failed ${call.callee}(): it returns an unsigned count, 0 on failure, never a negative errno.`, why: countWhy(call.callee), instead: countInstead(),
                evidence: [{ file: ctx.image.path, line: call.line, note: `${target.key} = ${call.callee}()` }] });
              reported = true;
              break;
            }
            if (inCondition(u) || zeroTest(p, u.expr)) tested = true;
          }
          // In a hunk-only fragment the reads may lie outside the hunk: only a whole function can prove "never".
          if (!reported && !tested && !ctx.image.complete && (fn.synthetic || uses.length > 0)) continue;
          if (!reported && !tested) {
            out.push({ ...base, line: call.line, certainty: uses.length ? 'likely' : 'certain',
              message: `The count returned by ${call.callee}() in \`${target.key}\` is never tested for 0 (failure).`, why: countWhy(call.callee), instead: countInstead() });
          }
        } else if (convention === 'zero-success-negative-errno' && mapsTable) {
          const target = resultTarget(site);
          const direct = parentOf(site);
          if (zeroTest(direct, call)) {
            out.push({ ...base, line: call.line, message: `\`${direct!.text}\` treats success as failure: ${call.callee}() returns 0 on success and a negative errno on failure.`, why: sgtableWhy(call.callee), instead: sgtableInstead() });
            continue;
          }
          if (typeof target !== 'object') continue;
          for (const u of usesAfter(ctx.analysis, fn, target.key, target.line)) {
            const p = parentOf(u);
            const arg = argumentOf(u);
            const asCount = arg && /^(for_each_sg|dma_unmap_sg|dma_unmap_sg_attrs|dma_sync_sg_for_cpu|dma_sync_sg_for_device|sg_next)$/.test(arg.call.callee);
            if (zeroTest(p, u.expr) || asCount) {
              out.push({ ...base, line: u.expr.line,
                message: asCount
                  ? `\`${target.key}\` (the status from ${call.callee}()) is used as a segment count in ${arg!.call.callee}(); on success it is 0.`
                  : `\`${p!.text}\` treats success as failure: ${call.callee}() returns 0 on success and a negative errno on failure.`,
                why: sgtableWhy(call.callee), instead: sgtableInstead(),
                evidence: [{ file: ctx.image.path, line: call.line, note: `${target.key} = ${call.callee}(): 0 or -errno` }] });
              break;
            }
          }
        }
      }
    }
    return out;
  },
};

function mappingErrorMsg(callee: string, key?: string): string {
  return `dma_mapping_error() is applied to ${key ? `\`${key}\`, ` : ''}the segment count returned by ${callee}(); it only recognises DMA_MAPPING_ERROR addresses, so a failed mapping (0) is never detected.`;
}

function countWhy(callee: string): string {
  return `${callee}() returns unsigned int: the number of DMA segments, 0 on any error; negative values are squashed to 0 internally (kernel/dma/mapping.c). dma_mapping_error() is for dma_map_single/page/resource addresses.`;
}

function countInstead(): string {
  return 'Test `if (!count) { ret = -ENOMEM; goto err; }`, program the hardware with the returned count, and use dma_map_sgtable() if the caller needs the reason (e.g. -EREMOTEIO for P2PDMA).';
}

function sgtableWhy(callee: string): string {
  return `${callee}() returns 0 on success (the mapped count is in sgt->nents) or -EINVAL/-ENOMEM/-EIO/-EREMOTEIO (kernel/dma/mapping.c).`;
}

function sgtableInstead(): string {
  return '`ret = dma_map_sgtable(dev, sgt, dir, 0); if (ret) goto err;` and iterate the mapped segments with for_each_sgtable_dma_sg().';
}
