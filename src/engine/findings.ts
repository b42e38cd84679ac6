// Turns rule reports into findings: severity from certainty and configuration, the evidence chain, the
// source line, the checkpatch `#N` patch line, and the stable fingerprint.
import type { SourceImage } from '../c/images.js';
import { fingerprintOf } from '../report/fingerprint.js';
import type { Config, Finding, Patch, Severity } from '../types.js';
import type { Rule, RuleReport } from '../rules/types.js';

function patchLineOf(patch: Patch, path: string, line: number, side: 'new' | 'old'): number | undefined {
  for (const f of patch.files) {
    if ((side === 'new' ? f.newPath : f.oldPath) !== path) continue;
    for (const h of f.hunks) {
      for (const l of h.lines) {
        if ((side === 'new' ? l.newLine : l.oldLine) === line && (side === 'new' ? l.kind !== 'del' : l.kind !== 'add')) {
          return l.patchLine;
        }
      }
    }
  }
  return undefined;
}

export function severityOf(rule: Rule, report: RuleReport, config: Config): Severity {
  const override = config.rules[rule.meta.id]?.severity;
  if (override) return override;
  const certainty = report.certainty ?? rule.meta.certainty;
  return certainty === 'likely' ? 'warning' : rule.meta.defaultSeverity;
}

/** Builds the finding for one report on one image. */
export function toFinding(rule: Rule, report: RuleReport, patch: Patch, image: SourceImage, config: Config): Finding {
  const fnName = report.function?.name || undefined;
  const certainty = report.certainty ?? rule.meta.certainty;
  const evidence = (report.evidence ?? []).map((e) => ({ ...e, side: e.side ?? image.side }));
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: severityOf(rule, report, config),
    certainty,
    message: report.message,
    why: report.why,
    instead: report.instead,
    platformNotes: report.platformNotes?.length ? report.platformNotes : undefined,
    references: report.references ?? rule.meta.catalogue,
    input: patch.input,
    patch: patch.subject.raw,
    patchId: patch.id,
    file: image.path,
    line: report.line,
    side: image.side,
    startLine: report.startLine,
    patchLine: patchLineOf(patch, image.path, report.line, image.side),
    sourceLine: image.lineText.get(report.line),
    quoted: patch.quoted,
    evidence,
    kind: 'introduces',
    function: fnName,
    fingerprint: fingerprintOf({ ruleId: rule.meta.id, file: image.path, function: fnName, code: report.code }),
  };
  if (report.suggestion) finding.suggestion = { file: image.path, ...report.suggestion };
  return finding;
}
