// dist/src/config/glob.js
var GlobSyntaxError = class extends Error {
  pattern;
  constructor(pattern, reason) {
    super(`invalid glob "${pattern}": ${reason}`);
    this.pattern = pattern;
    this.name = "GlobSyntaxError";
  }
};
var MAX_EXPANSIONS = 256;
var cache = /* @__PURE__ */ new Map();
function globToRegExp(pattern) {
  const cached = cache.get(pattern);
  if (cached)
    return cached;
  const alternatives = expandBraces(pattern, normalisePattern(pattern)).map((p) => compileExpanded(pattern, p));
  const re = new RegExp(`^(?:${alternatives.join("|")})$`);
  cache.set(pattern, re);
  return re;
}
function globMatches(pattern, path) {
  return globToRegExp(pattern).test(normalisePath(path));
}
function normalisePath(path) {
  return path.replace(/^(?:\.\/|\/)+/, "");
}
function normalisePattern(pattern) {
  const p = normalisePath(pattern);
  return p.endsWith("/") ? `${p}**` : p;
}
function expandBraces(original, pattern) {
  const open = findUnescaped(pattern, "{", 0);
  const strayClose = findUnescaped(pattern, "}", 0);
  if (open < 0) {
    if (strayClose >= 0)
      throw new GlobSyntaxError(original, `"}" at offset ${strayClose} has no matching "{"`);
    return [pattern];
  }
  if (strayClose >= 0 && strayClose < open) {
    throw new GlobSyntaxError(original, `"}" at offset ${strayClose} has no matching "{"`);
  }
  let depth = 0;
  const commas = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "{")
      depth++;
    else if (ch === "}") {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (ch === "," && depth === 1)
      commas.push(i);
  }
  if (close < 0)
    throw new GlobSyntaxError(original, `"{" at offset ${open} is never closed`);
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const tails = expandBraces(original, tail);
  let options;
  if (commas.length === 0) {
    options = expandBraces(original, pattern.slice(open + 1, close)).map((o) => `\\{${o}\\}`);
  } else {
    const bounds = [open, ...commas, close];
    options = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      options.push(...expandBraces(original, pattern.slice(bounds[k] + 1, bounds[k + 1])));
    }
  }
  const out = [];
  for (const o of options) {
    for (const t of tails) {
      out.push(head + o + t);
      if (out.length > MAX_EXPANSIONS) {
        throw new GlobSyntaxError(original, `expands to more than ${MAX_EXPANSIONS} alternatives`);
      }
    }
  }
  return out;
}
function findUnescaped(s, ch, from) {
  for (let i = from; i < s.length; i++) {
    if (s[i] === "\\")
      i++;
    else if (s[i] === ch)
      return i;
  }
  return -1;
}
function compileExpanded(original, pattern) {
  const segments = pattern.split("/");
  let out = "";
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (seg === "**") {
      out += last ? ".*" : "(?:[^/]+/)*";
      continue;
    }
    out += compileSegment(original, seg);
    if (!last)
      out += "/";
  }
  return out;
}
function compileSegment(original, seg) {
  let out = "";
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === "\\") {
      if (i + 1 >= seg.length)
        throw new GlobSyntaxError(original, 'ends with a lone "\\"');
      out += escapeRegExp(seg[++i]);
    } else if (ch === "*") {
      while (seg[i + 1] === "*")
        i++;
      out += "[^/]*";
    } else if (ch === "?") {
      out += "[^/]";
    } else if (ch === "[") {
      const end = seg.indexOf("]", i + 2);
      if (end < 0)
        throw new GlobSyntaxError(original, `"[" at "${seg}" is never closed`);
      let body = seg.slice(i + 1, end);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated)
        body = body.slice(1);
      if (body === "")
        throw new GlobSyntaxError(original, `"[${seg.slice(i + 1, end)}]" is an empty class`);
      const cls = body.replace(/[\\\]^[]/g, "\\$&");
      out += negated ? `(?!/)[^${cls}]` : `(?!/)[${cls}]`;
      i = end;
    } else {
      out += escapeRegExp(ch);
    }
  }
  return out;
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

// dist/src/config/paths.js
function pathIncluded(config, path) {
  const p = normalisePath(path);
  return config.paths.include.some((g) => globToRegExp(g).test(p)) && !config.paths.exclude.some((g) => globToRegExp(g).test(p));
}

export {
  GlobSyntaxError,
  globToRegExp,
  globMatches,
  pathIncluded
};
