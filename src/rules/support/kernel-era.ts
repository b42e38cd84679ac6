// Which kernel a patch should be judged against. `--kernel` wins; otherwise the patch's own era: its
// `base-commit:` when the model knows that commit, else the newest release tagged before the patch's Date
// header. A 2019 patch is not wrong for using an API that was removed in 2025; a reviewer at the time would not
// have signed such a finding. Without any of these, the model's current mainline is used.
import type { Patch } from '../../types.js';
import type { ModelView } from '../types.js';
import { compareVersions, MAINLINE_VERSION, tryParseKernelVersion, versionForCommit } from '../../model/versions.js';

export interface TargetVersion {
  /** "major.minor". */
  version: string;
  source: 'config' | 'base-commit' | 'date' | 'mainline';
  /** Says where the version came from, for finding messages. */
  note: string;
}

/**
 * Release dates of mainline kernels (the day Linus tagged vX.Y), oldest first. Dates up to 6.17 are from the
 * tags; 6.18 and later are approximate (the model's "≈"). Used only to place a patch in its era.
 */
const RELEASES: readonly [string, string][] = [
  ['4.0', '2015-04-12'], ['4.1', '2015-06-21'], ['4.2', '2015-08-30'], ['4.3', '2015-11-01'], ['4.4', '2016-01-10'],
  ['4.5', '2016-03-13'], ['4.6', '2016-05-15'], ['4.7', '2016-07-24'], ['4.8', '2016-10-02'], ['4.9', '2016-12-11'],
  ['4.10', '2017-02-19'], ['4.11', '2017-04-30'], ['4.12', '2017-07-02'], ['4.13', '2017-09-03'], ['4.14', '2017-11-12'],
  ['4.15', '2018-01-28'], ['4.16', '2018-04-01'], ['4.17', '2018-06-03'], ['4.18', '2018-08-12'], ['4.19', '2018-10-22'],
  ['4.20', '2018-12-23'], ['5.0', '2019-03-03'], ['5.1', '2019-05-05'], ['5.2', '2019-07-07'], ['5.3', '2019-09-15'],
  ['5.4', '2019-11-24'], ['5.5', '2020-01-26'], ['5.6', '2020-03-29'], ['5.7', '2020-05-31'], ['5.8', '2020-08-02'],
  ['5.9', '2020-10-11'], ['5.10', '2020-12-13'], ['5.11', '2021-02-14'], ['5.12', '2021-04-25'], ['5.13', '2021-06-27'],
  ['5.14', '2021-08-29'], ['5.15', '2021-10-31'], ['5.16', '2022-01-09'], ['5.17', '2022-03-20'], ['5.18', '2022-05-22'],
  ['5.19', '2022-07-31'], ['6.0', '2022-10-02'], ['6.1', '2022-12-11'], ['6.2', '2023-02-19'], ['6.3', '2023-04-23'],
  ['6.4', '2023-06-25'], ['6.5', '2023-08-27'], ['6.6', '2023-10-30'], ['6.7', '2024-01-07'], ['6.8', '2024-03-10'],
  ['6.9', '2024-05-12'], ['6.10', '2024-07-14'], ['6.11', '2024-09-15'], ['6.12', '2024-11-17'], ['6.13', '2025-01-19'],
  ['6.14', '2025-03-24'], ['6.15', '2025-05-25'], ['6.16', '2025-07-27'], ['6.17', '2025-09-28'], ['6.18', '2025-11-30'],
  ['6.19', '2026-02-08'], ['7.0', '2026-04-12'],
];

/** Length of the merge window: two weeks after a release, the tree is the next release's -rc1. */
const MERGE_WINDOW_MS = 14 * 24 * 3600 * 1000;

/**
 * The kernel a patch written on `date` was developed against: the newest release tagged before it, or the next
 * release once that one's merge window has closed (its -rc tree already lacks what the merge window removed).
 * Undefined when the date is unreadable or older than 4.0.
 */
export function versionAtDate(date: string): string | undefined {
  const t = Date.parse(date);
  if (Number.isNaN(t)) return undefined;
  let found: number | undefined;
  RELEASES.forEach(([, d], i) => { if (Date.parse(`${d}T00:00:00Z`) <= t) found = i; });
  if (found === undefined) return undefined;
  const tagged = Date.parse(`${RELEASES[found][1]}T00:00:00Z`);
  const next = RELEASES[found + 1];
  return next && t >= tagged + MERGE_WINDOW_MS ? next[0] : RELEASES[found][0];
}

/** The version a patch is judged against (see the file comment for the order). */
export function targetVersion(patch: Patch, model: ModelView): TargetVersion {
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
