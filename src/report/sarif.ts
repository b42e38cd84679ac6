// SARIF 2.1.0 report (for GitHub code scanning and other SARIF viewers), valid against the OASIS schema.

import type * as Sarif from 'sarif';
import type { Finding, InputError, ReviewResult, RuleMeta, Severity } from '../types.js';
import { sortFindings } from './fingerprint.js';

export interface SarifOptions {
  /** The p2pdma-review version (tool.driver.version). */
  toolVersion: string;
  /** Where file paths are rooted (e.g. `file:///src/linux/`); emitted as the `SRCROOT` base id. */
  baseUri?: string;
  /** The project's home page (tool.driver.informationUri); must be an absolute URI. */
  informationUri?: string;
}

/** The partialFingerprints key; bump the version suffix if fingerprintOf's inputs ever change. */
export const SARIF_FINGERPRINT_KEY = 'p2pdmaReview/v1';
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';

/** Tags for code-scanning filters, by catalogue prefix (the domain reference's rule families). */
const CATALOGUE_AREAS: Record<string, string> = {
  SG: 'scatterlist',
  DMA: 'dma-mapping',
  P2P: 'p2pdma',
  MM: 'mm',
  API: 'api-currency',
};

/** Renders a review as a SARIF 2.1.0 log with one run; pure and deterministic (results sorted). */
export function formatSarif(result: ReviewResult, opts: SarifOptions): string {
  const rules = rulesTable(result);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const uriBaseId = opts.baseUri ? SRCROOT : undefined;

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'p2pdma-review',
        version: opts.toolVersion,
        ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
        rules,
      },
    },
    ...(opts.baseUri ? { originalUriBaseIds: { [SRCROOT]: { uri: withTrailingSlash(opts.baseUri) } } } : {}),
    invocations: [invocation(result)],
    results: sortFindings(result.findings).map((f) => resultOf(f, ruleIndex.get(f.ruleId) ?? 0, uriBaseId)),
    properties: { stats: { ...result.stats } },
  };
  const log: Sarif.Log = { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** SARIF levels: info findings are notes. */
export function sarifLevel(severity: Severity): Sarif.Result.level {
  return severity === 'info' ? 'note' : severity;
}

/**
 * Every rule that ran, sorted by id, plus a minimal entry for any finding whose rule sent no metadata
 * (a plugin), because each result's ruleIndex must point into this table.
 */
function rulesTable(result: ReviewResult): Sarif.ReportingDescriptor[] {
  const metas = new Map<string, RuleMeta>();
  for (const r of result.rules) metas.set(r.id, r);
  const ids = new Set([...metas.keys(), ...result.findings.map((f) => f.ruleId)]);
  return [...ids].sort().map((id) => {
    const meta = metas.get(id);
    if (!meta) {
      const severity = result.findings.find((f) => f.ruleId === id)?.severity ?? 'warning';
      return { id, name: ruleName(id), shortDescription: { text: id }, defaultConfiguration: { level: sarifLevel(severity) } };
    }
    return ruleDescriptor(meta);
  });
}

function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const absoluteDocs = isAbsoluteUri(meta.docsUrl);
  const catalogue = meta.catalogue.length > 0 ? ` Catalogue: ${meta.catalogue.join(', ')}.` : '';
  const certainty =
    meta.certainty === 'certain'
      ? ' Findings are certain: the code shows the bug.'
      : ' Findings are likely: they depend on facts the code does not show (platform, caller).';
  const areas = [...new Set(meta.catalogue.map((c) => CATALOGUE_AREAS[c.split('-')[0]]).filter((a): a is string => !!a))];
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${sentence(meta.description)}${catalogue}${certainty}` },
    ...(absoluteDocs ? { helpUri: meta.docsUrl } : {}),
    help: {
      text: `${sentence(meta.description)} Documentation: ${meta.docsUrl}`,
      markdown: `${escapeMarkdown(meta.description)}\n\n[Rule documentation](${meta.docsUrl})`,
    },
    defaultConfiguration: { level: sarifLevel(meta.defaultSeverity) },
    properties: {
      tags: ['correctness', 'linux-kernel', ...areas],
      catalogue: [...meta.catalogue],
      certainty: meta.certainty,
      // GitHub code scanning reads `precision` to rank alerts.
      precision: meta.certainty === 'certain' ? 'very-high' : 'high',
    },
  };
}

function resultOf(f: Finding, ruleIndex: number, uriBaseId: string | undefined): Sarif.Result {
  const fixesFinding = f.kind === 'fixes';
  const artifactLocation = (file: string): Sarif.ArtifactLocation => ({ uri: fileUri(file), ...(uriBaseId ? { uriBaseId } : {}) });
  const startLine = f.startLine !== undefined && f.startLine >= 1 && f.startLine <= f.line ? f.startLine : f.line;
  const region: Sarif.Region = { startLine, endLine: f.line };
  if (f.sourceLine !== undefined && startLine === f.line) region.snippet = { text: f.sourceLine };

  const location: Sarif.Location = { physicalLocation: { artifactLocation: artifactLocation(f.file), region } };
  if (f.function) location.logicalLocations = [{ name: f.function, kind: 'function' }];

  const out: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    // A "this patch removes a violation" finding is not a problem: SARIF requires level none then.
    ...(fixesFinding ? { kind: 'informational' as const, level: 'none' as const } : { level: sarifLevel(f.severity) }),
    message: resultMessage(f),
    locations: [location],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
  };
  if (f.evidence.length > 0) {
    out.relatedLocations = f.evidence.map((e, i) => ({
      id: i + 1,
      physicalLocation: {
        artifactLocation: artifactLocation(e.file),
        ...(e.line >= 1 ? { region: { startLine: e.line } } : {}),
      },
      message: { text: e.side === 'old' ? `${e.note} (before the patch)` : e.note },
    }));
  }
  if (f.suggestion) {
    const s = f.suggestion;
    out.fixes = [
      {
        description: { text: `Replace ${s.startLine === s.endLine ? `line ${s.startLine}` : `lines ${s.startLine}-${s.endLine}`} (${s.safety === 'safe' ? 'behaviour-preserving' : 'needs review'})` },
        artifactChanges: [
          {
            artifactLocation: artifactLocation(s.file),
            // A line-only region ends before the last line's newline, so the inserted text carries none.
            replacements: [{ deletedRegion: { startLine: s.startLine, endLine: s.endLine }, insertedContent: { text: s.replacement.replace(/\n$/, '') } }],
          },
        ],
      },
    ];
  }
  out.properties = {
    certainty: f.certainty,
    quoted: f.quoted,
    input: f.input,
    patch: f.patch,
    side: f.side,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.patchLine !== undefined ? { patchLine: f.patchLine } : {}),
    ...(f.references && f.references.length > 0 ? { references: [...f.references] } : {}),
  };
  return out;
}

/** Plain text for every viewer, markdown for those that render it (GitHub shows the text). */
function resultMessage(f: Finding): Sarif.Message {
  const headline = f.kind === 'fixes' ? `This patch removes: ${f.message}` : f.message;
  const text: string[] = [headline];
  const md: string[] = [escapeMarkdown(headline)];
  if (f.quoted) {
    text.push('(Found in a patch quoted in a reply.)');
    md.push('_(Found in a patch quoted in a reply.)_');
  }
  if (f.why) {
    text.push(`Why: ${f.why}`);
    md.push(`**Why:** ${escapeMarkdown(f.why)}`);
  }
  if (f.instead) {
    text.push(`Instead: ${f.instead}`);
    md.push(`**Instead:** ${escapeMarkdown(f.instead)}`);
  }
  if (f.platformNotes && f.platformNotes.length > 0) {
    text.push(`Platforms: ${f.platformNotes.join(' ')}`);
    md.push(['**Platforms:**', ...f.platformNotes.map((p) => `- ${escapeMarkdown(p)}`)].join('\n'));
  }
  return { text: text.join('\n\n'), markdown: md.join('\n\n') };
}

function invocation(result: ReviewResult): Sarif.Invocation {
  const notify = (level: Sarif.Notification.level) => (e: InputError): Sarif.Notification => ({
    level,
    message: { text: `${e.input}: ${e.message}` },
    properties: { input: e.input },
  });
  const notifications = [...result.errors.map(notify('error')), ...result.notes.map(notify('note'))];
  return {
    // Input errors make the CLI exit 2: the analysis did not cover everything it was given.
    executionSuccessful: result.errors.length === 0,
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
}

/** `sg-nonpage-memory` → `SgNonpageMemory` (SARIF's human-readable rule name). */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** A repository path as a relative URI reference: each segment percent-encoded, `/` kept. */
function fileUri(path: string): string {
  return path
    .replace(/^\.?\/+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function withTrailingSlash(uri: string): string {
  // SARIF §3.14.14: a base URI in originalUriBaseIds must end with "/".
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function isAbsoluteUri(uri: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri);
}

/**
 * Kernel identifiers are full of markdown syntax (`__iomem` renders bold): escape it outside code spans,
 * leaving `backtick spans` as the author wrote them.
 */
function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_[\]<>#|~]/g, '\\$&')))
    .join('');
}
