// Which kernel a patch is meant for, when that is known: the configured target version, else the version of
// the patch's `base-commit:`. Rules about renamed fields or version-dependent facts stay silent without one:
// a 2015 patch reviewed against "current mainline" would otherwise be told about a 2025 rename.
import { compareVersions, tryParseKernelVersion, versionForCommit } from '../../model/versions.js';
import type { RuleContext } from '../types.js';

/** The explicit target version of this review, and where it came from. */
export interface TargetKernel {
  version: string;
  from: 'config' | 'base-commit';
}

/** The configured kernel version, or the version of the patch's base commit; undefined when neither is known. */
export function explicitTargetKernel(ctx: Pick<RuleContext, 'model' | 'patch'>): TargetKernel | undefined {
  if (ctx.model.kernel) return { version: ctx.model.kernel, from: 'config' };
  const base = ctx.patch.baseCommit && versionForCommit(ctx.patch.baseCommit);
  return base ? { version: base, from: 'base-commit' } : undefined;
}

/** `version >= boundary` (major.minor; "≈" prefixes are accepted); false when either does not parse. */
export function atOrAfter(version: string, boundary: string): boolean {
  const v = tryParseKernelVersion(version);
  const b = tryParseKernelVersion(boundary);
  return !!v && !!b && compareVersions(v, b) >= 0;
}
