// Kernel version strings: parsing, comparison, and the base-commit → version data we have.

/** The newest kernel the model describes ("current mainline" when no version is given). */
export const MAINLINE_VERSION = '7.0';

/** A parsed kernel version. `approx` is set when the text carried "≈" or "~". */
export interface KernelVersion {
  major: number;
  minor: number;
  patch?: number;
  rc?: number;
  approx: boolean;
  /** Canonical "major.minor" text. */
  text: string;
}

const VERSION_RE = /^(?:v|linux-)?(\d+)\.(\d+)(?:\.(\d+))?(?:-rc(\d+))?(?:[-+.~].*)?$/i;

/**
 * Parse "6.12", "v6.12", "6.12.5", "v6.13-rc3", "≈6.16", "6.12.0-rc1+". Throws an Error naming the
 * input when it is not a kernel version.
 */
export function parseKernelVersion(s: string): KernelVersion {
  const v = tryParseKernelVersion(s);
  if (!v) {
    throw new Error(
      `"${s}" is not a kernel version: expected MAJOR.MINOR[.PATCH][-rcN], e.g. 6.12 or v6.13-rc3`,
    );
  }
  return v;
}

/** Like {@link parseKernelVersion} but returns undefined instead of throwing. */
export function tryParseKernelVersion(s: string): KernelVersion | undefined {
  let t = s.trim();
  let approx = false;
  if (t.startsWith('≈') || t.startsWith('~')) {
    approx = true;
    t = t.slice(1).trim();
  }
  const m = VERSION_RE.exec(t);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major < 2 || major > 99 || minor > 99) return undefined;
  const v: KernelVersion = { major, minor, approx, text: `${major}.${minor}` };
  if (m[3] !== undefined) v.patch = Number(m[3]);
  if (m[4] !== undefined) v.rc = Number(m[4]);
  return v;
}

/**
 * Compare two versions by major.minor only: features land in the merge window, so a
 * "-rc1" of 6.16 already has everything "since 6.16", and stable patch levels never add or
 * remove the APIs this model tracks.
 */
export function compareVersions(a: KernelVersion | string, b: KernelVersion | string): number {
  const va = typeof a === 'string' ? parseKernelVersion(a) : a;
  const vb = typeof b === 'string' ? parseKernelVersion(b) : b;
  return va.major !== vb.major ? va.major - vb.major : va.minor - vb.minor;
}

/** Known commits (full SHA-1) → the version of a tree based on them. Only release tags we verified. */
const COMMIT_VERSIONS: readonly { sha: string; version: string; label: string }[] = [
  { sha: 'e783362eb54cd99b2cac8b3a9aeac942e6f6ac07', version: '5.17-rc1', label: 'Linux 5.17-rc1' },
  { sha: '4fe89d07dcc2804c8b562f6c7896a45643d34b2f', version: '6.0', label: 'Linux 6.0' },
  { sha: 'ffc253263a1375a65fa6c9f62a893e9767fbebfa', version: '6.6', label: 'Linux 6.6' },
  { sha: 'adc218676eef25575469234709c2d87185ca223a', version: '6.12', label: 'Linux 6.12' },
];

/**
 * The kernel version of a `base-commit:` SHA (full or an unambiguous prefix of ≥ 7 hex digits),
 * when the model has data for it; otherwise undefined.
 */
export function versionForCommit(sha: string): string | undefined {
  const s = sha.trim().toLowerCase();
  if (!/^[0-9a-f]{7,40}$/.test(s)) return undefined;
  const hits = COMMIT_VERSIONS.filter((c) => c.sha.startsWith(s));
  return hits.length === 1 ? hits[0]!.version : undefined;
}
