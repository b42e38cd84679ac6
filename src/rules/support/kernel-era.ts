// Which kernel a patch should be judged against. `--kernel` wins; otherwise the patch's own era: its
// `base-commit:` when the model knows that commit, else the newest release tagged before the patch's Date
// header. A 2019 patch is not wrong for using an API that was removed in 2025; a reviewer at the time would not
// have signed such a finding. Without any of these, the model's current mainline is used.
import type { Patch } from '../../types.js';
import type { ModelView } from '../types.js';
import { memoize2 } from './memo.js';
import { compareVersions, MAINLINE_VERSION, tryParseKernelVersion, versionAtDate, versionForCommit } from '../../model/versions.js';

export interface TargetVersion {
  /** "major.minor". */
  version: string;
  source: 'config' | 'base-commit' | 'date' | 'mainline';
  /** Says where the version came from, for finding messages. */
  note: string;
}

/**
 * The version a patch is judged against (see the file comment for the order). Several rules ask for every image of
 * a patch; the answer depends only on the patch and the model view, so it is worked out (dates parsed, releases
 * searched) once per pair and shared, frozen.
 */
export const targetVersion: (patch: Patch, model: ModelView) => Readonly<TargetVersion> =
  memoize2((patch: Patch, model: ModelView) => Object.freeze(computeTargetVersion(patch, model)));

function computeTargetVersion(patch: Patch, model: ModelView): TargetVersion {
  if (model.kernel) {
    const v = tryParseKernelVersion(model.kernel);
    if (v) return { version: v.text, source: 'config', note: `the configured target kernel ${v.text}` };
  }
  if (patch.baseCommit) {
    const v = versionForCommit(patch.baseCommit);
    const p = v ? tryParseKernelVersion(v) : undefined;
    if (p) return { version: p.text, source: 'base-commit', note: `the patch's base commit (${p.text})` };
  }
  if (patch.date) {
    const v = versionAtDate(patch.date);
    if (v) return { version: v, source: 'date', note: `the tree of the patch's date, ${isoDay(patch.date)}` };
  }
  return { version: tryParseKernelVersion(MAINLINE_VERSION)?.text ?? MAINLINE_VERSION, source: 'mainline', note: `current mainline (${MAINLINE_VERSION})` };
}

function isoDay(date: string): string {
  const t = Date.parse(date);
  return Number.isNaN(t) ? date : new Date(t).toISOString().slice(0, 10);
}

/** True when `version` is at or after `boundary` ("≈6.16" allowed); false when either cannot be read. */
export function atOrAfter(version: string, boundary: string | undefined): boolean {
  if (!boundary) return false;
  const a = tryParseKernelVersion(version);
  const b = tryParseKernelVersion(boundary);
  return !!a && !!b && compareVersions(a, b) >= 0;
}
