// Decides, without I/O, what a review run posts: which findings become inline comments, which go to
// the review body, which were posted before (never twice) and which earlier findings are now resolved.
import type { Finding, Severity } from '../types.js';
import { anchorFinding, type Anchor } from './anchor.js';
import type { DiffIndex } from './diff-index.js';
import { markerId, parseMarkers } from './markers.js';

/**
 * What happens to a finding in this run:
 * - `inline`: posted now as an inline review comment;
 * - `body`: posted now in the review body, because the diff does not show its line;
 * - `overflow`: posted now in the review body, because the inline comment limit was reached;
 * - `posted`: an earlier review already carries it (same fingerprint), so it is not repeated;
 * - `held`: new, but this head commit already has our review (one review per head SHA), so it is
 *   reported in the check run only.
 */
export type FindingStatus = 'inline' | 'body' | 'overflow' | 'posted' | 'held';

export interface PlannedFinding {
  finding: Finding;
  status: FindingStatus;
  anchor?: Anchor;
}

/** A finding an earlier review reported that the current head no longer produces. */
export interface ResolvedFinding {
  id: string;
  ruleId?: string;
  path?: string;
  line?: number;
}

/** What earlier runs of this bot left on the pull request, read back from the hidden markers. */
export interface PriorState {
  /** Findings posted and not yet reported resolved, by marker id. */
  open: Map<string, ResolvedFinding>;
  /** Head commits that already have a review from us. */
  reviewedHeads: Set<string>;
}

export interface ReviewPlan {
  items: PlannedFinding[];
  resolved: ResolvedFinding[];
  /** Whether a review is created at all (never for a commit that has one, never when nothing is new). */
  postReview: boolean;
}

/** The fields of a review comment (`pulls.listReviewComments`) the planner reads. */
export interface PriorComment {
  id: number;
  body: string;
  path: string;
  line?: number | null;
  original_line?: number | null;
  created_at: string;
  user: { login: string; type?: string } | null;
}

/** The fields of a review (`pulls.listReviews`) the planner reads. */
export interface PriorReview {
  id: number;
  body: string | null;
  submitted_at?: string | null;
  user: { login: string; type?: string } | null;
}

/**
 * Whether a comment's or review's author is a bot account. GitHub marks bots with `type: 'Bot'`, and
 * their logins end in `[bot]` (a suffix no user login can have).
 */
export function isBotUser(user: { login: string; type?: string } | null | undefined): boolean {
  return user != null && (user.type === 'Bot' || /\[bot\]$/.test(user.login));
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders findings the way a reviewer reads them: errors first, then by file and line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}

/**
 * Rebuilds what this bot posted before. Only comments and reviews authored by `botLogin` count:
 * anyone can type a marker into their own comment, and that must not silence a finding. When the
 * bot's login is unknown (GitHub did not say which app created our check run), bot accounts count.
 * Events are replayed in time order so a finding that was resolved and later reintroduced is open again.
 */
export function collectPriorState(
  comments: PriorComment[],
  reviews: PriorReview[],
  botLogin: string | undefined,
): PriorState {
  const ours = (user: { login: string; type?: string } | null) =>
    botLogin === undefined ? isBotUser(user) : user !== null && user.login.toLowerCase() === botLogin.toLowerCase();
  type Event = { at: string; order: number; apply: (s: PriorState) => void };
  const events: Event[] = [];

  for (const c of comments.filter((c) => ours(c.user))) {
    const { fingerprints } = parseMarkers(c.body);
    const line = c.line ?? c.original_line ?? undefined;
    events.push({
      at: c.created_at,
      order: c.id,
      apply: (s) => {
        for (const id of fingerprints) s.open.set(id, { id, ruleId: ruleIdOf(c.body), path: c.path, line });
      },
    });
  }
  for (const r of reviews.filter((r) => ours(r.user))) {
    const body = r.body ?? '';
    const markers = parseMarkers(body);
    events.push({
      at: r.submitted_at ?? '',
      order: r.id,
      apply: (s) => {
        for (const sha of markers.heads) s.reviewedHeads.add(sha);
        for (const id of markers.resolved) s.open.delete(id);
        for (const id of markers.fingerprints) s.open.set(id, { id, ...bulletDetails(body, id) });
      },
    });
  }
  events.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  const state: PriorState = { open: new Map(), reviewedHeads: new Set() };
  for (const e of events) e.apply(state);
  return state;
}

/** Options of {@link planReview}. */
export interface PlanOptions {
  headSha: string;
  /** At most this many inline comments per review (`config.github.maxComments`). */
  maxComments: number;
}

/** Classifies every finding of this run and works out which earlier findings are resolved. */
export function planReview(findings: Finding[], prior: PriorState, index: DiffIndex, opts: PlanOptions): ReviewPlan {
  const alreadyReviewed = prior.reviewedHeads.has(markerId(opts.headSha));
  const seen = new Set<string>();
  const items: PlannedFinding[] = [];
  let inline = 0;

  for (const finding of [...findings].sort(compareFindings)) {
    const id = markerId(finding.fingerprint);
    if (seen.has(id)) continue; // the same finding reported twice (e.g. two inputs) is posted once
    seen.add(id);
    const anchor = anchorFinding(finding, index);
    if (prior.open.has(id)) {
      items.push({ finding, status: 'posted', anchor });
    } else if (alreadyReviewed) {
      items.push({ finding, status: 'held', anchor });
    } else if (!anchor) {
      items.push({ finding, status: 'body' });
    } else if (inline < opts.maxComments) {
      inline++;
      items.push({ finding, status: 'inline', anchor });
    } else {
      items.push({ finding, status: 'overflow', anchor });
    }
  }

  const resolved = [...prior.open.values()].filter((p) => !seen.has(p.id)).sort((a, b) => a.id.localeCompare(b.id));
  const postsSomething = items.some((i) => i.status === 'inline' || i.status === 'body' || i.status === 'overflow');
  return { items, resolved, postReview: !alreadyReviewed && (postsSomething || resolved.length > 0) };
}

// The first line of every comment we render names the rule in backticks: "**error** `rule-id` ...".
function ruleIdOf(body: string): string | undefined {
  return /`([a-z0-9][a-z0-9-]*)`/.exec(body.split('\n', 1)[0])?.[1];
}

// Body bullets read "- **error** `rule-id` at `path:line`: message <!-- marker -->".
function bulletDetails(body: string, id: string): Omit<ResolvedFinding, 'id'> {
  const line = body.split('\n').find((l) => parseMarkers(l).fingerprints.includes(id));
  if (!line) return {};
  const m = /`([a-z0-9][a-z0-9-]*)` at `([^`]+):(\d+)`/.exec(line);
  return m ? { ruleId: m[1], path: m[2], line: Number(m[3]) } : { ruleId: ruleIdOf(line) };
}
