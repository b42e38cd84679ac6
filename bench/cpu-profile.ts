// Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) into self-time hot spots by function and by module,
// mapping compiled dist/ positions back to the TypeScript sources through the emitted source maps.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';

/** The parts of the `.cpuprofile` format the summary reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** One function's self time. */
export interface HotSpot {
  function: string;
  /** `src/ingest/mbox.ts:42`, `node_modules/tree-sitter/index.js:120`, or a V8 pseudo-frame such as `(garbage collector)`. */
  location: string;
  module: string;
  selfMs: number;
  /** Share of all sampled time, 0..1. */
  share: number;
}

/** Self time summed per module (a src/ directory, a package, Node internals, GC). */
export interface ModuleTime {
  module: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  /** The .cpuprofile summarised (open it in Chrome DevTools for the call tree). */
  file?: string;
  totalMs: number;
  functions: HotSpot[];
  modules: ModuleTime[];
  /** Self time per source file (`src/rules/removed-api.ts`), largest first: which rule or pass to look at. */
  files: ModuleTime[];
}

/** The package a path inside node_modules belongs to (`@scope/name` or `name`). */
const PACKAGE = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/;

/** Which bucket a script URL belongs to: `src/ingest`, `tree-sitter`, `node:internal`, `(garbage collector)`. */
export function moduleOf(url: string, functionName: string, repoRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const rel = relative(repoRoot, path).split(sep).join('/');
  const pkg = PACKAGE.exec(rel);
  if (pkg) return pkg[1];
  const src = /^dist\/((?:src|bench|scripts)\/[^/]+)/.exec(rel);
  if (src) return src[1].replace(/\.js$/, '.ts');
  return rel.startsWith('..') ? path : rel;
}

/** The module of a mapped location (`src/rules/x.ts:12` is `src/rules`, `node_modules/diff/...` is `diff`), if any. */
export function moduleOfLocation(location: string): string | undefined {
  const pkg = PACKAGE.exec(location);
  if (pkg) return pkg[1];
  return /^((?:src|bench|scripts)\/[^/:]+)/.exec(location)?.[1];
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(path: string): SourceMap | null {
  if (!maps.has(path)) {
    const file = `${path}.map`;
    let map: SourceMap | null = null;
    if (existsSync(file)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        map = null;
      }
    }
    maps.set(path, map);
  }
  return maps.get(path) ?? null;
}

/** `src/x.ts:line` for a compiled position when its source map says so, else `dist/...js:line`. */
function locate(url: string, line0: number, col0: number, repoRoot: string): string {
  if (!url) return '';
  if (!url.startsWith('file://')) return `${url}:${line0 + 1}`;
  const path = fileURLToPath(url);
  // Packages are named from node_modules/ on, wherever the tree resolved them from.
  const pkg = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (pkg >= 0) return `${path.slice(pkg + 1).split(sep).join('/')}:${line0 + 1}`;
  const map = path.includes(`${sep}dist${sep}`) ? sourceMapFor(path) : null;
  const entry = map?.findEntry(line0, col0) as { originalSource?: string; originalLine?: number } | undefined;
  if (entry?.originalSource && entry.originalLine !== undefined) {
    const original = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    const abs = original.startsWith('/') ? original : `${path.slice(0, path.lastIndexOf(sep))}${sep}${original}`;
    return `${relative(repoRoot, abs).split(sep).join('/')}:${entry.originalLine + 1}`;
  }
  return `${relative(repoRoot, path).split(sep).join('/')}:${line0 + 1}`;
}

/** Self time per function and per module, largest first; `top` limits the function list. */
export function summarizeProfile(profile: CpuProfile, repoRoot: string, top = 15): ProfileSummary {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = Math.max(0, profile.timeDeltas[i] ?? 0);
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
    totalUs += dt;
  }
  const fns = new Map<string, { function: string; location: string; module: string; us: number }>();
  const mods = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byNode.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const location = locate(url, lineNumber, columnNumber, repoRoot);
    // A bundle (dist/cli/) mixes many modules in one file: its source map names the module each frame is from.
    const module = moduleOfLocation(location) ?? moduleOf(url, functionName, repoRoot);
    mods.set(module, (mods.get(module) ?? 0) + us);
    if (functionName === '(idle)') continue;
    const key = `${functionName}@${url}:${lineNumber}:${columnNumber}`;
    const entry = fns.get(key) ?? { function: functionName || '(anonymous)', location, module, us: 0 };
    entry.us += us;
    fns.set(key, entry);
    // Frames without a script (GC, native code) are grouped under their module name: `(native)`, `(program)`.
    const file = entry.location ? entry.location.replace(/:\d+$/, '') : module;
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const share = (us: number) => (totalUs > 0 ? us / totalUs : 0);
  return {
    totalMs: totalUs / 1000,
    functions: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ function: f.function, location: f.location, module: f.module, selfMs: f.us / 1000, share: share(f.us) })),
    modules: [...mods.entries()].sort((a, b) => b[1] - a[1]).map(([module, us]) => ({ module, selfMs: us / 1000, share: share(us) })),
    files: [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([module, us]) => ({ module, selfMs: us / 1000, share: share(us) })),
  };
}
