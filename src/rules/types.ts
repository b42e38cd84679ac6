// The rule plugin interface: a rule is metadata plus a pure check over a read-only context that returns
// reports as data. Rules never do I/O; the engine turns reports into findings (severity, fingerprint, filter).
import type { FileIR, FunctionIR } from '../c/ir.js';
import type { SourceImage } from '../c/images.js';
import type { FileAnalysis, ModelLookup } from '../analysis/index.js';
import type { Certainty, Evidence, FileDiff, Patch, RuleMeta, Side } from '../types.js';

/** Memory-kind properties as the model states them (true/false, or 'depends' on the platform). */
export type Tri = boolean | 'depends';

export interface KindInfo {
  id: string;
  label: string;
  hasStructPage: Tri;
  linear: Tri;
  cpuAccess: 'normal' | 'mmio' | 'none';
  sgSetPage: Tri;
  sgSetBuf: Tri;
  dmaMapSingle: Tri;
  dmaHow: string;
  sources: string[];
}

/** What a P2P transfer between a platform's canonical provider and client ends up as. */
export interface PlatformP2p {
  platform: string;
  mapType: string;
  outcome: string;
  explanation: string;
}

/** The model as rules see it: kind properties, contracts, versions and platforms. */
export interface ModelView extends ModelLookup {
  kind(id: string): KindInfo | undefined;
  /** Per-platform answer for a kind property, e.g. is 'stack' linear on each configured platform. */
  kindOnPlatforms(id: string, prop: keyof KindInfo): { platform: string; value: boolean }[];
  /** Target kernel version (undefined: current mainline). */
  kernel?: string;
  apiStatus(name: string): { exists: boolean; since?: string; removedIn?: string; replacement?: string; message?: string } | undefined;
  /** Identifiers removed or renamed for the target version (names to look for in added code). */
  removedIdentifiers(): string[];
  /** P2P outcome on each configured platform. */
  p2p(): PlatformP2p[];
}

export interface RuleContext {
  readonly patch: Patch;
  readonly file: FileDiff;
  /** 'new' for the post-image; 'old' when the engine re-checks the pre-image to report what a patch fixes. */
  readonly side: Side;
  readonly image: SourceImage;
  readonly ir: FileIR;
  readonly analysis: FileAnalysis;
  readonly model: ModelView;
}

export interface RuleSuggestion {
  startLine: number;
  endLine: number;
  replacement: string;
  safety: 'safe' | 'review';
}

/** What a rule returns: one violation, located on the image's side of the file. */
export interface RuleReport {
  /** The flagged line. */
  line: number;
  /** First line of a multi-line span. */
  startLine?: number;
  message: string;
  why?: string;
  instead?: string;
  /** Defaults to the rule's certainty. `likely` reports become warnings. */
  certainty?: Certainty;
  /** The chain from the memory's source to the flagged use; lines here make a finding belong to the patch. */
  evidence?: Evidence[];
  /** The flagged code, for the fingerprint (normalised by the engine). */
  code: string;
  function?: FunctionIR;
  platformNotes?: string[];
  references?: string[];
  suggestion?: RuleSuggestion;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleReport[];
}

/** Builds a rule's docs URL from its id (docs live in docs/rules/<id>.md in the repository). */
export function docsUrl(id: string): string {
  return `https://github.com/p2pdma-review/p2pdma-review/blob/main/docs/rules/${id}.md`;
}
