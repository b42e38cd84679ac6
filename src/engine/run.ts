// Runs the rules over one patch: parse each touched C file once per side, analyse it once, let every enabled
// rule read the result, then decide which findings the patch introduces and which violations it removes.
import { parseImage } from '../c/source.js';
import type { SourceImage } from '../c/images.js';
import { FileAnalysis } from '../analysis/index.js';
import { pathIncluded } from '../config/paths.js';
import type { Config, FileDiff, Finding, InputError, Patch } from '../types.js';
import type { ModelView, Rule, RuleReport } from '../rules/types.js';
import { toFinding } from './findings.js';
import { imagesFor, type ApplyHunks, type TreeReader } from './images.js';
import { MESSAGE_PATH, messageExampleImage } from './message-examples.js';

export interface EngineOptions {
  config: Config;
  rules: Rule[];
  model: ModelView;
  tree?: TreeReader;
  apply: ApplyHunks;
}

export interface PatchReview {
  findings: Finding[];
  errors: InputError[];
  notes: InputError[];
  timings: { parse: number; analyse: number; rules: number };
}

interface Checked {
  image: SourceImage;
  findings: Finding[];
  /** Rules that threw on this image: their findings on the file's other image are not compared against it. */
  failedRules: Set<string>;
}

function now(): number {
  return performance.now();
}

/**
 * Why analysing code failed, for the user. V8 reports an exhausted stack as "Maximum call stack size exceeded":
 * what that means here is code nested deeper than the analysis can follow.
 */
function failureReason(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return 'the code nests too deeply to analyse (the JavaScript stack ran out)';
  }
  return (err as Error)?.message ?? String(err);
}

/**
 * Runs every rule over one image; a rule that throws is an error naming it, and the others still run. When the
 * image cannot be parsed or analysed at all, that is an error naming the file, and the result is undefined.
 */
function checkImage(patch: Patch, file: FileDiff, image: SourceImage, opts: EngineOptions, out: PatchReview): Checked | undefined {
  let t = now();
  let ir: ReturnType<typeof parseImage>;
  let analysis: FileAnalysis;
  try {
    ir = parseImage(image);
    out.timings.parse += now() - t;
    t = now();
    analysis = new FileAnalysis(ir, opts.model);
    out.timings.analyse += now() - t;
  } catch (err) {
    out.errors.push({ input: patch.input, message: `could not analyse ${image.path} (${image.side === 'new' ? 'after' : 'before'} the patch): ${failureReason(err)}; no rule checked this file` });
    return undefined;
  }
  t = now();
  const findings: Finding[] = [];
  const failedRules = new Set<string>();
  const ctx = { patch, file, side: image.side, image, ir, analysis, model: opts.model };
  for (const rule of opts.rules) {
    let reports: RuleReport[];
    try {
      reports = rule.check(ctx);
    } catch (err) {
      out.errors.push({ input: patch.input, message: `rule ${rule.meta.id} failed on ${image.path}: ${failureReason(err)}` });
      failedRules.add(rule.meta.id);
      continue;
    }
    for (const r of reports) findings.push(toFinding(rule, r, patch, image, opts.config));
  }
  out.timings.rules += now() - t;
  return { image, findings, failedRules };
}

/** Lines of the finding that make it part of the change, per filter mode. */
function touches(f: Finding, image: SourceImage, withContext: boolean): boolean {
  const lines = [f.line, ...(f.startLine ? [f.startLine] : []),
    ...f.evidence.filter((e) => e.file === image.path && (e.side ?? image.side) === image.side).map((e) => e.line)];
  return lines.some((l) => image.changed.has(l) || (withContext && image.context.has(l)));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.fingerprint}:${f.side}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reviews one patch (all of its files). */
export async function reviewPatch(patch: Patch, opts: EngineOptions): Promise<PatchReview> {
  const out: PatchReview = { findings: [], errors: [], notes: [], timings: { parse: 0, analyse: 0, rules: 0 } };
  const mode = opts.config.filter;
  for (const file of patch.files) {
    const path = file.newPath ?? file.oldPath;
    if (!path || !pathIncluded(opts.config, path)) continue;
    const images = await imagesFor(file, patch.input, opts.tree, opts.apply);
    out.notes.push(...images.notes);
    const post = images.post ? checkImage(patch, file, images.post, opts, out) : undefined;
    const pre = images.pre ? checkImage(patch, file, images.pre, opts, out) : undefined;
    // Findings are judged by comparing the two images: with one of them unanalysed (its error is reported),
    // every finding of the other would look introduced or fixed by the patch. The same holds per rule.
    if ((images.post && !post) || (images.pre && !pre)) continue;
    const failed = new Set([...(post?.failedRules ?? []), ...(pre?.failedRules ?? [])]);
    if (post && failed.size) post.findings = post.findings.filter((f) => !failed.has(f.ruleId));
    if (pre && failed.size) pre.findings = pre.findings.filter((f) => !failed.has(f.ruleId));
    // A violation present after the patch and absent before it, on code the diff shows, is the patch's even
    // when no added line is part of it (the patch deleted the check that kept it correct).
    const before = new Set(pre?.findings.map((f) => f.fingerprint) ?? []);
    if (post) {
      for (const f of post.findings) {
        const introduced = touches(f, post.image, false)
          || (pre !== undefined && !before.has(f.fingerprint) && touches(f, post.image, true));
        if (mode === 'nofilter' || mode === 'file' || introduced || (mode === 'diff_context' && touches(f, post.image, true))) {
          out.findings.push(introduced ? f : { ...f, kind: 'existing' });
        }
      }
    }
    if (pre) {
      // A violation present before the patch and gone after it, on code the diff shows, is what the patch fixes.
      const after = new Set(post?.findings.map((f) => f.fingerprint) ?? []);
      for (const f of pre.findings) {
        if (after.has(f.fingerprint) || !touches(f, pre.image, true)) continue;
        out.findings.push({ ...f, kind: 'fixes', severity: 'info' });
      }
    }
  }
  // Code the commit message presents as the intended usage (e.g. "as in the following example") is reviewed
  // like added code: a patch that makes a bad usage work is judged by that usage too.
  const example = messageExampleImage(patch);
  if (example) {
    const file: FileDiff = { oldPath: null, newPath: MESSAGE_PATH, status: 'added', binary: false, hunks: [] };
    out.findings.push(...(checkImage(patch, file, example, opts, out)?.findings ?? []));
  }
  out.findings = dedupe(out.findings);
  return out;
}
