// Parses patch subjects such as `[PATCH v5 03/24] subsys: title` into SubjectInfo.

import type { SubjectInfo } from '../types.js';

/** Reply/forward markers mailers prepend, in several languages (Re, Fwd, AW, SV, Antw...). */
const REPLY_MARK = /^\s*(?:re|fwd?|aw|sv|antw|vs)\s*(?:\[\d+\])?\s*:\s*/i;
const LEADING_BRACKET = /^\s*\[([^\]]*)\]\s*/;

/** True when the subject starts with a reply marker (`Re:`), i.e. the mail answers a patch. */
export function isReplySubject(raw: string): boolean {
  return REPLY_MARK.test(raw);
}

/**
 * Breaks a subject into prefixes, version, index/total and title. Reply markers (`Re:`, `Fwd:`)
 * are stripped first, however often they repeat. Only the leading bracket groups are parsed, so
 * a title that itself contains brackets keeps them. Understood forms include `[PATCH v5 03/24]`,
 * `[RFC PATCH 2/5]`, `[-mm PATCH v4 14/18]`, `[PATCHv2 1/3]`, `[PATCH 1/3 v2]`,
 * `[RFC][PATCH 1/2]`, `[PATCH net-next v2]` and patchwork's bare `[14/15]`.
 */
export function parseSubject(raw: string): SubjectInfo {
  const unfolded = raw.replace(/\s*\n\s*/g, ' ').trim();
  let rest = unfolded;
  for (let m = REPLY_MARK.exec(rest); m; m = REPLY_MARK.exec(rest)) rest = rest.slice(m[0].length);

  const info: SubjectInfo = { raw: unfolded, title: '', prefixes: [], isCover: false };
  for (let m = LEADING_BRACKET.exec(rest); m; m = LEADING_BRACKET.exec(rest)) {
    rest = rest.slice(m[0].length);
    for (const token of m[1].split(/[\s,]+/).filter(Boolean)) readToken(token, info);
    // A reply marker may also follow the brackets: "[PATCH] Re: foo" is rare but seen.
    for (let r = REPLY_MARK.exec(rest); r; r = REPLY_MARK.exec(rest)) rest = rest.slice(r[0].length);
  }
  info.title = rest.trim();
  info.isCover = info.index === 0 && (info.total ?? 0) > 0;
  return info;
}

function readToken(token: string, info: SubjectInfo): void {
  const series = /^(\d+)\/(\d+)$/.exec(token);
  if (series) {
    info.index = Number(series[1]);
    info.total = Number(series[2]);
    return;
  }
  const version = /^v(\d+)$/i.exec(token);
  if (version) {
    info.version = Number(version[1]);
    return;
  }
  // `PATCHv2` glues the version to the word.
  const glued = /^([A-Za-z-]+)v(\d+)$/.exec(token);
  if (glued && /^(patch|rfc|resend)$/i.test(glued[1])) {
    info.prefixes.push(glued[1]);
    info.version = Number(glued[2]);
    return;
  }
  info.prefixes.push(token);
}
