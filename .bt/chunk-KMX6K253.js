// dist/src/ingest/read-inputs.js
import { readFileSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
var PATCH_FILE_EXTENSIONS = [".patch", ".diff", ".eml", ".mbox", ".txt"];
async function readInputs(args, opts = {}) {
  const listed = await listInputs(args, opts);
  const sources = [];
  for (const input of listed.inputs) {
    const data = await input.read();
    if (data !== void 0)
      sources.push({ name: input.name, data });
  }
  return { sources, errors: listed.errors() };
}
async function listInputs(args, opts = {}) {
  const inputs = [];
  const found = [];
  let position = 0;
  const report = (at, error) => void found.push({ at, error });
  const names = /* @__PURE__ */ new Set();
  const pending = (name, load, what) => {
    const at = position++;
    return {
      name,
      read: async () => {
        try {
          return await load();
        } catch (err) {
          report(at, { input: name, message: `${what}: ${osReason(err)}` });
          return void 0;
        }
      }
    };
  };
  const add = (name) => {
    if (names.has(name))
      return;
    names.add(name);
    inputs.push(pending(name, async () => readFileSync(name), "cannot read"));
  };
  const fail = (error) => report(position++, error);
  for (const arg of args) {
    if (arg === "-") {
      if (names.has("-"))
        continue;
      names.add("-");
      inputs.push(pending("-", () => readStream(opts.stdin ?? process.stdin), "cannot read standard input"));
      continue;
    }
    let isDir;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch (err) {
      fail({ input: arg, message: `cannot read: ${osReason(err)}` });
      continue;
    }
    if (!isDir) {
      add(arg);
      continue;
    }
    const files = [];
    const walkErrors = [];
    await walk(arg, files, walkErrors, /* @__PURE__ */ new Set());
    for (const e of walkErrors)
      fail(e);
    if (files.length === 0) {
      fail({ input: arg, message: `directory contains no ${PATCH_FILE_EXTENSIONS.map((e) => `*${e}`).join(", ")} files` });
      continue;
    }
    files.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
    for (const file of files)
      add(file);
  }
  return { inputs, errors: () => [...found].sort((a, b) => a.at - b.at).map((f) => f.error) };
}
async function walk(dir, files, errors, visited) {
  let entries;
  try {
    const real = await realpath(dir);
    if (visited.has(real))
      return;
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    errors.push({ input: dir, message: `cannot read directory: ${osReason(err)}` });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith("."))
      continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = await stat(path);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        if (hasPatchExtension(entry.name))
          errors.push({ input: path, message: `cannot read: ${osReason(err)}` });
        continue;
      }
    }
    if (isDir)
      await walk(path, files, errors, visited);
    else if (isFile && hasPatchExtension(entry.name))
      files.push(path);
  }
}
function hasPatchExtension(name) {
  const lower = name.toLowerCase();
  return PATCH_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
async function readStream(stream) {
  const chunks = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
function osReason(err) {
  const e = err;
  const message = (e?.message ?? String(err)).replace(/, \w+ '.*'$/, "");
  return e?.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message;
}

// node_modules/diff/libesm/patch/parse.js
function parsePatch(uniDiff) {
  const diffstr = uniDiff.split(/\n/), list = [];
  let i = 0;
  function isGitDiffHeader(line) {
    return /^diff --git /.test(line);
  }
  function isDiffHeader(line) {
    return isGitDiffHeader(line) || /^Index:\s/.test(line) || /^diff(?: -r \w+)+\s/.test(line);
  }
  function isFileHeader(line) {
    return /^(---|\+\+\+)\s/.test(line);
  }
  function isHunkHeader(line) {
    return /^@@\s/.test(line);
  }
  function parseIndex() {
    var _a;
    const index = {};
    index.hunks = [];
    list.push(index);
    let seenDiffHeader = false;
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isFileHeader(line) || isHunkHeader(line)) {
        break;
      }
      if (isGitDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        index.isGit = true;
        const paths = parseGitDiffHeader(line);
        if (paths) {
          index.oldFileName = paths.oldFileName;
          index.newFileName = paths.newFileName;
        }
        i++;
        while (i < diffstr.length) {
          const extLine = diffstr[i];
          if (isFileHeader(extLine) || isHunkHeader(extLine) || isDiffHeader(extLine)) {
            break;
          }
          const renameFromMatch = /^rename from (.*)/.exec(extLine);
          if (renameFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(renameFromMatch[1]);
            index.isRename = true;
          }
          const renameToMatch = /^rename to (.*)/.exec(extLine);
          if (renameToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(renameToMatch[1]);
            index.isRename = true;
          }
          const copyFromMatch = /^copy from (.*)/.exec(extLine);
          if (copyFromMatch) {
            index.oldFileName = "a/" + unquoteIfQuoted(copyFromMatch[1]);
            index.isCopy = true;
          }
          const copyToMatch = /^copy to (.*)/.exec(extLine);
          if (copyToMatch) {
            index.newFileName = "b/" + unquoteIfQuoted(copyToMatch[1]);
            index.isCopy = true;
          }
          const newFileModeMatch = /^new file mode (\d+)/.exec(extLine);
          if (newFileModeMatch) {
            index.isCreate = true;
            index.newMode = newFileModeMatch[1];
          }
          const deletedFileModeMatch = /^deleted file mode (\d+)/.exec(extLine);
          if (deletedFileModeMatch) {
            index.isDelete = true;
            index.oldMode = deletedFileModeMatch[1];
          }
          const oldModeMatch = /^old mode (\d+)/.exec(extLine);
          if (oldModeMatch) {
            index.oldMode = oldModeMatch[1];
          }
          const newModeMatch = /^new mode (\d+)/.exec(extLine);
          if (newModeMatch) {
            index.newMode = newModeMatch[1];
          }
          if (/^Binary files /.test(extLine)) {
            index.isBinary = true;
          }
          i++;
        }
        continue;
      } else if (isDiffHeader(line)) {
        if (seenDiffHeader) {
          return;
        }
        seenDiffHeader = true;
        const headerMatch = /^(?:Index:|diff(?: -r \w+)+)\s+/.exec(line);
        if (headerMatch) {
          index.index = line.substring(headerMatch[0].length).trim();
        }
      }
      i++;
    }
    parseFileHeader(index);
    parseFileHeader(index);
    if (index.oldFileName === void 0 !== (index.newFileName === void 0)) {
      throw new Error("Missing " + (index.oldFileName !== void 0 ? '"+++ ..."' : '"--- ..."') + " file header for " + ((_a = index.oldFileName) !== null && _a !== void 0 ? _a : index.newFileName));
    }
    while (i < diffstr.length) {
      const line = diffstr[i];
      if (isDiffHeader(line) || isFileHeader(line) || /^===================================================================/.test(line)) {
        break;
      } else if (isHunkHeader(line)) {
        index.hunks.push(parseHunk());
      } else {
        i++;
      }
    }
  }
  function parseGitDiffHeader(line) {
    const rest = line.substring("diff --git ".length);
    if (rest.startsWith('"')) {
      const oldPath = parseQuotedFileName(rest);
      if (oldPath === null) {
        return null;
      }
      const afterOld = rest.substring(oldPath.rawLength + 1);
      let newFileName;
      if (afterOld.startsWith('"')) {
        const newPath = parseQuotedFileName(afterOld);
        if (newPath === null) {
          return null;
        }
        newFileName = newPath.fileName;
      } else {
        newFileName = afterOld;
      }
      return {
        oldFileName: oldPath.fileName,
        newFileName
      };
    }
    const quoteIdx = rest.indexOf('"');
    if (quoteIdx > 0) {
      const oldFileName = rest.substring(0, quoteIdx - 1);
      const newPath = parseQuotedFileName(rest.substring(quoteIdx));
      if (newPath === null) {
        return null;
      }
      return {
        oldFileName,
        newFileName: newPath.fileName
      };
    }
    if (rest.startsWith("a/")) {
      const splits = [];
      let idx = 0;
      while (true) {
        idx = rest.indexOf(" b/", idx + 1);
        if (idx === -1) {
          break;
        }
        splits.push(idx);
      }
      if (splits.length > 0) {
        const mid = splits[Math.floor(splits.length / 2)];
        return {
          oldFileName: rest.substring(0, mid),
          newFileName: rest.substring(mid + 1)
        };
      }
    }
    return null;
  }
  function unquoteIfQuoted(s) {
    if (s.startsWith('"')) {
      const parsed = parseQuotedFileName(s);
      if (parsed) {
        return parsed.fileName;
      }
    }
    return s;
  }
  function parseQuotedFileName(s) {
    if (!s.startsWith('"')) {
      return null;
    }
    let result = "";
    let j = 1;
    while (j < s.length) {
      if (s[j] === '"') {
        return { fileName: result, rawLength: j + 1 };
      }
      if (s[j] === "\\" && j + 1 < s.length) {
        j++;
        switch (s[j]) {
          case "a":
            result += "\x07";
            break;
          case "b":
            result += "\b";
            break;
          case "f":
            result += "\f";
            break;
          case "n":
            result += "\n";
            break;
          case "r":
            result += "\r";
            break;
          case "t":
            result += "	";
            break;
          case "v":
            result += "\v";
            break;
          case "\\":
            result += "\\";
            break;
          case '"':
            result += '"';
            break;
          case "0":
          case "1":
          case "2":
          case "3":
          case "4":
          case "5":
          case "6":
          case "7": {
            if (j + 2 >= s.length || s[j + 1] < "0" || s[j + 1] > "7" || s[j + 2] < "0" || s[j + 2] > "7") {
              return null;
            }
            const bytes = [parseInt(s.substring(j, j + 3), 8)];
            j += 3;
            while (s[j] === "\\" && s[j + 1] >= "0" && s[j + 1] <= "7") {
              if (j + 3 >= s.length || s[j + 2] < "0" || s[j + 2] > "7" || s[j + 3] < "0" || s[j + 3] > "7") {
                return null;
              }
              bytes.push(parseInt(s.substring(j + 1, j + 4), 8));
              j += 4;
            }
            result += new TextDecoder("utf-8").decode(new Uint8Array(bytes));
            continue;
          }
          // Note that in C, there are also three kinds of hex escape sequences:
          // - \xhh
          // - \uhhhh
          // - \Uhhhhhhhh
          // We do not bother to parse them here because, so far as we know,
          // they are never emitted by any tools that generate unified diff
          // format diffs, and so for now jsdiff does not consider them legal.
          default:
            return null;
        }
      } else {
        result += s[j];
      }
      j++;
    }
    return null;
  }
  function parseFileHeader(index) {
    const fileHeaderMatch = /^(---|\+\+\+)\s+/.exec(diffstr[i]);
    if (fileHeaderMatch) {
      const prefix = fileHeaderMatch[1], data = diffstr[i].substring(3).trim().split("	", 2), header2 = (data[1] || "").trim();
      let fileName = data[0];
      if (fileName.startsWith('"')) {
        fileName = unquoteIfQuoted(fileName);
      } else {
        fileName = fileName.replace(/\\\\/g, "\\");
      }
      if (prefix === "---") {
        index.oldFileName = fileName;
        index.oldHeader = header2;
      } else {
        index.newFileName = fileName;
        index.newHeader = header2;
      }
      i++;
    }
  }
  function parseHunk() {
    var _a;
    const chunkHeaderIndex = i, chunkHeaderLine = diffstr[i++], chunkHeader = chunkHeaderLine.split(/@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/);
    const hunk = {
      oldStart: +chunkHeader[1],
      oldLines: typeof chunkHeader[2] === "undefined" ? 1 : +chunkHeader[2],
      newStart: +chunkHeader[3],
      newLines: typeof chunkHeader[4] === "undefined" ? 1 : +chunkHeader[4],
      lines: []
    };
    if (hunk.oldLines === 0) {
      hunk.oldStart += 1;
    }
    if (hunk.newLines === 0) {
      hunk.newStart += 1;
    }
    let addCount = 0, removeCount = 0;
    for (; i < diffstr.length && (removeCount < hunk.oldLines || addCount < hunk.newLines || ((_a = diffstr[i]) === null || _a === void 0 ? void 0 : _a.startsWith("\\"))); i++) {
      const operation = diffstr[i].length == 0 && i != diffstr.length - 1 ? " " : diffstr[i][0];
      if (operation === "+" || operation === "-" || operation === " " || operation === "\\") {
        hunk.lines.push(diffstr[i]);
        if (operation === "+") {
          addCount++;
        } else if (operation === "-") {
          removeCount++;
        } else if (operation === " ") {
          addCount++;
          removeCount++;
        }
      } else {
        throw new Error(`Hunk at line ${chunkHeaderIndex + 1} contained invalid line ${diffstr[i]}`);
      }
    }
    if (!addCount && hunk.newLines === 1) {
      hunk.newLines = 0;
    }
    if (!removeCount && hunk.oldLines === 1) {
      hunk.oldLines = 0;
    }
    if (addCount !== hunk.newLines) {
      throw new Error("Added line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (removeCount !== hunk.oldLines) {
      throw new Error("Removed line count did not match for hunk at line " + (chunkHeaderIndex + 1));
    }
    if (i < diffstr.length && diffstr[i] && /^[+ -]/.test(diffstr[i]) && !isFileHeader(diffstr[i])) {
      throw new Error("Hunk at line " + (chunkHeaderIndex + 1) + " has more lines than expected (expected " + hunk.oldLines + " old lines and " + hunk.newLines + " new lines)");
    }
    return hunk;
  }
  while (i < diffstr.length) {
    parseIndex();
  }
  return list;
}

// dist/src/ingest/file-header.js
var DEV_NULL = "/dev/null";
function readFileHeader(headerLines, git) {
  let parsed;
  try {
    parsed = parsePatch(headerLines.join("\n") + "\n")[0];
  } catch {
    parsed = void 0;
  }
  let oldName = parsed?.oldFileName;
  let newName = parsed?.newFileName;
  if ((oldName === void 0 || newName === void 0) && git) {
    const m = /^diff --git (\S+) (\S+)/.exec(headerLines[0] ?? "");
    oldName ??= m?.[1];
    newName ??= m?.[2];
  }
  const oldPath = oldName === void 0 || oldName === DEV_NULL ? null : stripPrefix(oldName, git);
  const newPath = newName === void 0 || newName === DEV_NULL ? null : stripPrefix(newName, git);
  let status = "modified";
  if (parsed?.isCreate || oldName === DEV_NULL && newPath !== null)
    status = "added";
  else if (parsed?.isDelete || newName === DEV_NULL && oldPath !== null)
    status = "deleted";
  else if (parsed?.isRename)
    status = "renamed";
  else if (parsed?.isCopy)
    status = "copied";
  const binary = parsed?.isBinary === true || headerLines.some((l) => l === "GIT binary patch");
  return {
    oldPath: status === "added" ? null : oldPath,
    newPath: status === "deleted" ? null : newPath,
    status,
    binary
  };
}
function stripPrefix(name, git) {
  const bare = name.replace(/\s+\d{4}-\d\d-\d\d[ T]\d\d:\d\d.*$/, "");
  if (git) {
    return /^[abciow]\//.test(bare) ? bare.slice(2) : bare;
  }
  const slash = bare.indexOf("/");
  return slash > 0 ? bare.slice(slash + 1) : bare;
}

// dist/src/ingest/quote.js
var UNQUOTED = { depth: 0, end: 0 };
function parseQuote(line) {
  if (line.charCodeAt(0) !== 62)
    return UNQUOTED;
  let depth = 0;
  let i = 0;
  for (; ; ) {
    if (line.charCodeAt(i) === 62) {
      depth++;
      i++;
    } else if (line.charCodeAt(i) === 32 && line.charCodeAt(i + 1) === 62) {
      i++;
    } else {
      break;
    }
  }
  return { depth, end: i };
}
function styleOf(line) {
  const q = parseQuote(line);
  return { depth: q.depth, spaced: q.depth > 0 && line.charCodeAt(q.end) === 32 };
}
function unquote(line, style) {
  if (style.depth === 0)
    return line.charCodeAt(0) === 62 ? void 0 : line;
  const q = parseQuote(line);
  if (q.depth !== style.depth)
    return void 0;
  if (style.spaced && line.charCodeAt(q.end) === 32)
    return line.slice(q.end + 1);
  return line.slice(q.end);
}

// dist/src/ingest/diff-scan.js
var HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;
var EXTENDED_HEADER = /^(?:old mode |new mode |deleted file mode |new file mode |copy from |copy to |rename from |rename to |similarity index |dissimilarity index |index [0-9a-fA-F]+\.\.[0-9a-fA-F]+|Binary files )/;
var ATTRIBUTION = /\bwrote:\s*$/;
var STRAY_BODY_LINE = /^(?:\+(?!\+\+ )|-(?!-- |- ?$|--$)| )/;
function scanDiffs(lines, firstLine) {
  const n = lines.length;
  const groups = [];
  const groupPaths = [];
  const issues = [];
  let combinedDiffs = 0;
  const lineNo = (index) => firstLine + index;
  const issue = (quoted, message, forceNote = false) => {
    issues.push({ severity: quoted || forceNote ? "note" : "error", message });
  };
  const isBodyLine = (t) => /^[ +\-\\]/.test(t) && !/^(?:--- |\+\+\+ )/.test(t);
  const findResume = (from, style) => {
    for (let s = from; s < n; s++) {
      const t = unquote(lines[s], style);
      if (t === void 0)
        continue;
      if (s === from)
        return -1;
      if (t === "") {
        const next = s + 1 < n ? unquote(lines[s + 1], style) : void 0;
        return next !== void 0 && next !== "" && isBodyLine(next) ? s : -1;
      }
      return isBodyLine(t) ? s : -1;
    }
    return -1;
  };
  const describeStop = (j) => j >= n ? "the end of the input" : `line ${lineNo(j)} (${JSON.stringify(truncate(lines[j]))})`;
  const parseHunk = (k, m, style, file, path) => {
    const quoted = style.depth > 0;
    const headerText = truncate(unquote(lines[k], style) ?? lines[k]);
    const oldCount = m[2] === void 0 ? 1 : Number(m[2]);
    const newCount = m[4] === void 0 ? 1 : Number(m[4]);
    const hunk = {
      oldStart: Number(m[1]),
      oldLines: oldCount,
      newStart: Number(m[3]),
      newLines: newCount,
      section: m[5].trim(),
      lines: []
    };
    const out = hunk.lines;
    let remOld = oldCount;
    let remNew = newCount;
    let oldNo = hunk.oldStart;
    let newNo = hunk.newStart;
    let firstSegmentEnd = -1;
    const skipped = [];
    let stop;
    let j = k + 1;
    while (remOld > 0 || remNew > 0) {
      if (j >= n) {
        stop = describeStop(j);
        break;
      }
      const t = unquote(lines[j], style);
      if (t !== void 0) {
        const ch = t.length === 0 ? " " : t[0];
        const text = t.length === 0 ? "" : t.slice(1);
        const patchLine = lineNo(j);
        if (ch === " " && remOld > 0 && remNew > 0) {
          out.push({ kind: "ctx", text, oldLine: oldNo++, newLine: newNo++, patchLine });
          remOld--;
          remNew--;
          j++;
          continue;
        }
        if (ch === "-" && remOld > 0) {
          out.push({ kind: "del", text, oldLine: oldNo++, patchLine });
          remOld--;
          j++;
          continue;
        }
        if (ch === "+" && remNew > 0) {
          out.push({ kind: "add", text, newLine: newNo++, patchLine });
          remNew--;
          j++;
          continue;
        }
        if (ch === "\\" && out.length > 0) {
          out[out.length - 1].noNewlineAtEof = true;
          j++;
          continue;
        }
      }
      if (quoted && out.length > 0) {
        const resume = findResume(j, style);
        if (resume >= 0) {
          if (firstSegmentEnd < 0)
            firstSegmentEnd = out.length;
          skipped.push([j, resume - 1]);
          j = resume;
          continue;
        }
      }
      stop = describeStop(j);
      break;
    }
    const where = `${path}: hunk ${JSON.stringify(headerText)} at line ${lineNo(k)}`;
    if (stop === void 0) {
      const t = j < n ? unquote(lines[j], style) : void 0;
      if (t !== void 0 && t.startsWith("\\") && out.length > 0) {
        out[out.length - 1].noNewlineAtEof = true;
        j++;
      }
      if (!quoted) {
        let s = j;
        while (s < n && STRAY_BODY_LINE.test(lines[s]))
          s++;
        if (s > j) {
          issue(false, `${where} has more lines than its header counts (${oldCount} old, ${newCount} new): unexpected ${describeStop(j)}; hunk skipped`);
          return s;
        }
      }
      if (skipped.length > 0) {
        const ranges = skipped.map(([a, b]) => a === b ? `${lineNo(a)}` : `${lineNo(a)}-${lineNo(b)}`).join(", ");
        issue(true, `${where}: reply text inside the quoted hunk (line ${ranges}) skipped; the quoted lines complete the hunk, so line numbers are exact`);
      }
      file.hunks.push(hunk);
      return j;
    }
    const found = `${oldCount - remOld} old / ${newCount - remNew} new`;
    if (!quoted) {
      issue(false, `${where} is truncated or miscounted: its header counts ${oldCount} old / ${newCount} new lines but ${found} were found before ${stop}; hunk skipped`);
      return j;
    }
    if (firstSegmentEnd >= 0) {
      const dropped = out.length - firstSegmentEnd;
      out.length = firstSegmentEnd;
      issue(true, `${where}: ${dropped} quoted line(s) after reply text at line ${lineNo(skipped[0][0])} dropped: the quote is incomplete, so their line numbers cannot be known`);
    }
    while (out.length > 0 && out[out.length - 1].kind === "ctx" && out[out.length - 1].text === "")
      out.pop();
    if (out.length === 0) {
      issue(true, `${where}: quoted hunk has no lines; ignored`);
      return j;
    }
    const keptOld = out.filter((l) => l.kind !== "add").length;
    const keptNew = out.filter((l) => l.kind !== "del").length;
    issue(true, `${where}: quoted hunk is cut short (${keptOld} old / ${keptNew} new of ${oldCount} old / ${newCount} new lines, quote ends at ${stop}); kept as quoted`);
    file.hunks.push(hunk);
    return j;
  };
  const skipToQuotedHunk = (k, style) => {
    for (let s = k; s < n; s++) {
      const t = unquote(lines[s], style);
      if (t === void 0 || t.trim() === "")
        continue;
      return HUNK_HEADER.test(t) ? s : k;
    }
    return k;
  };
  const skipBinaryData = (k, style) => {
    for (; k < n; k++) {
      const t = unquote(lines[k], style);
      if (t === void 0)
        break;
      if (t === "" || /^(?:literal|delta) \d+$/.test(t) || isBase85Line(t))
        continue;
      break;
    }
    return k;
  };
  const addFile = (file, start, end, style) => {
    const path = file.newPath ?? file.oldPath ?? "";
    const last = groups[groups.length - 1];
    const paths = groupPaths[groupPaths.length - 1];
    const sameBlock = last !== void 0 && last.style.depth === style.depth && !paths.has(path) && !hasAttributionBetween(lines, last.end, start, style.depth);
    if (sameBlock) {
      last.files.push(file);
      last.end = end;
      paths.add(path);
      return;
    }
    groups.push({ style, start, end, files: [file] });
    groupPaths.push(/* @__PURE__ */ new Set([path]));
  };
  const parseFile = (start, style, git) => {
    const quoted = style.depth > 0;
    const headerLines = [];
    let k = start;
    if (git) {
      headerLines.push(unquote(lines[k], style) ?? "");
      k++;
      while (k < n) {
        const t = unquote(lines[k], style);
        if (t === void 0 || t.startsWith("@@ "))
          break;
        if (t.startsWith("--- ")) {
          const t2 = k + 1 < n ? unquote(lines[k + 1], style) : void 0;
          if (t2 !== void 0 && t2.startsWith("+++ ")) {
            headerLines.push(t, t2);
            k += 2;
          }
          break;
        }
        if (t === "GIT binary patch") {
          headerLines.push(t);
          k = skipBinaryData(k + 1, style);
          continue;
        }
        if (!EXTENDED_HEADER.test(t))
          break;
        headerLines.push(t);
        k++;
      }
    } else {
      headerLines.push(unquote(lines[k], style) ?? "", unquote(lines[k + 1], style) ?? "");
      k += 2;
    }
    const info = readFileHeader(headerLines, git);
    const file = { oldPath: info.oldPath, newPath: info.newPath, status: info.status, binary: info.binary, hunks: [] };
    const path = file.newPath ?? file.oldPath ?? "(unnamed file)";
    let sawHunkHeader = false;
    while (k < n) {
      if (quoted && sawHunkHeader)
        k = skipToQuotedHunk(k, style);
      const t = unquote(lines[k] ?? "", style);
      const m = t === void 0 ? null : HUNK_HEADER.exec(t);
      if (!m)
        break;
      sawHunkHeader = true;
      k = parseHunk(k, m, style, file, path);
    }
    if (file.binary) {
      issue(quoted, `${path}: binary file change at line ${lineNo(start)}; its contents are not reviewed`, true);
    } else if (!git && !sawHunkHeader) {
      issue(quoted, `${path}: file header at line ${lineNo(start)} is not followed by a hunk`);
    }
    addFile(file, start, k, style);
    return k;
  };
  let i = 0;
  while (i < n) {
    const line = lines[i];
    const c = line.charCodeAt(0);
    if (c !== 100 && c !== 45 && c !== 62 && c !== 64) {
      i++;
      continue;
    }
    const style = styleOf(line);
    const t = unquote(line, style) ?? "";
    if (t.startsWith("diff --git ")) {
      i = parseFile(i, style, true);
      continue;
    }
    if (t.startsWith("--- ") && i + 1 < n && unquote(lines[i + 1], style)?.startsWith("+++ ")) {
      i = parseFile(i, style, false);
      continue;
    }
    if (t.startsWith("diff --cc ") || t.startsWith("diff --combined ")) {
      issue(style.depth > 0, `combined (merge) diff at line ${lineNo(i)} is not supported; skipped`, true);
      combinedDiffs++;
      i = skipCombinedDiff(lines, i + 1, style);
      continue;
    } else if (HUNK_HEADER.test(t)) {
      issue(style.depth > 0, `hunk ${JSON.stringify(truncate(t))} at line ${lineNo(i)} has no file header before it; skipped`);
    }
    i++;
  }
  return { groups, issues, combinedDiffs };
}
function skipCombinedDiff(lines, k, style) {
  const part = /^(?:index |mode |new file mode |deleted file mode |--- |\+\+\+ |@@@+ |[ +-][ +-]|\\)/;
  while (k < lines.length) {
    const t = unquote(lines[k], style);
    if (t === void 0 || !part.test(t))
      break;
    k++;
  }
  return k;
}
function hasAttributionBetween(lines, from, to, depth) {
  if (depth === 0)
    return false;
  for (let k = from; k < to; k++) {
    if (parseQuote(lines[k]).depth < depth && ATTRIBUTION.test(lines[k]))
      return true;
  }
  return false;
}
function isBase85Line(t) {
  const c = t.charCodeAt(0);
  let bytes;
  if (c >= 65 && c <= 90)
    bytes = c - 65 + 1;
  else if (c >= 97 && c <= 122)
    bytes = c - 97 + 27;
  else
    return false;
  return t.length === 1 + Math.ceil(bytes / 4) * 5 && /^[0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]+$/.test(t);
}
function truncate(s, max = 80) {
  return s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
}
function countDiffLines(files) {
  let total = 0;
  for (const f of files)
    for (const h of f.hunks)
      total += h.lines.length;
  return total;
}

// dist/src/ingest/headers.js
var FIELD = /^([!-9;-~]+):[ \t]?(.*)$/;
function isHeaderLine(line) {
  return FIELD.test(line);
}
function parseHeaderLines(lines) {
  const map = /* @__PURE__ */ new Map();
  let name;
  let value = "";
  const flush = () => {
    if (name === void 0)
      return;
    const list = map.get(name);
    if (list)
      list.push(value.trim());
    else
      map.set(name, [value.trim()]);
    name = void 0;
  };
  for (const rawLine of lines) {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if ((line.startsWith(" ") || line.startsWith("	")) && name !== void 0) {
      value += line;
      continue;
    }
    flush();
    const m = FIELD.exec(line);
    if (m) {
      name = m[1].toLowerCase();
      value = m[2];
    }
  }
  flush();
  return map;
}
function header(map, name) {
  return map.get(name.toLowerCase())?.[0];
}
var ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;
function decodeEncodedWords(value) {
  if (!value.includes("=?"))
    return value;
  const out = [];
  let last = 0;
  let pending;
  const flushPending = () => {
    if (!pending)
      return;
    out.push(decodeBytes(pending.charset, Uint8Array.from(pending.bytes)));
    pending = void 0;
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const start = m.index ?? 0;
    const between = value.slice(last, start);
    const charset = m[1].replace(/\*.*$/, "").toLowerCase();
    const bytes = m[2].toLowerCase() === "b" ? [...Buffer.from(m[3], "base64")] : decodeQ(m[3]);
    if (pending && /^\s*$/.test(between) && pending.charset === charset) {
      pending.bytes.push(...bytes);
    } else {
      flushPending();
      if (!(out.length > 0 && /^\s*$/.test(between) && last !== 0))
        out.push(between);
      pending = { charset, bytes };
    }
    last = start + m[0].length;
  }
  flushPending();
  out.push(value.slice(last));
  return out.join("");
}
function decodeQ(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "_")
      bytes.push(32);
    else if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else
      bytes.push(c.charCodeAt(0) & 255);
  }
  return bytes;
}
function decodeBytes(charset, bytes) {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString("latin1");
  }
}
function normaliseAddress(value) {
  const decoded = decodeEncodedWords(value).replace(/\s+/g, " ").trim();
  const m = /^"((?:[^"\\]|\\.)*)"\s*(<[^>]*>)$/.exec(decoded);
  return m ? `${m[1].replace(/\\(.)/g, "$1")} ${m[2]}` : decoded;
}
function normaliseMessageId(value) {
  const v = value.trim();
  const m = /<[^>]+>/.exec(v);
  if (m)
    return m[0];
  return `<${v.split(/\s+/)[0]}>`;
}
function parseContentType(value) {
  const params = /* @__PURE__ */ new Map();
  if (!value)
    return { type: "text/plain", params };
  const [typePart, ...rest] = splitParams(value);
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq <= 0)
      continue;
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2)
      v = v.slice(1, -1).replace(/\\(.)/g, "$1");
    params.set(p.slice(0, eq).trim().toLowerCase(), v);
  }
  return { type: typePart.trim().toLowerCase() || "text/plain", params };
}
function splitParams(value) {
  const parts = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && quoted) {
      cur += c + (value[i + 1] ?? "");
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      cur += c;
    } else if (c === ";" && !quoted) {
      parts.push(cur);
      cur = "";
    } else
      cur += c;
  }
  parts.push(cur);
  return parts;
}

// dist/src/ingest/page.js
var PATCH_TITLE = /\[[^\]]*(?:PATCH|RFC|\d+\/\d+)[^\]]*\]/i;
var PATCHWORK_SUBMITTER = /^(.+?)\s+((?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4},\s+.*UTC)\s*$/;
function readPageMeta(lines) {
  const meta = {};
  const limit = Math.min(lines.length, 80);
  let title;
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (line.startsWith(">") || line.startsWith("diff --git "))
      break;
    let m;
    if (meta.subject === void 0 && (m = /^Subject:\s*(.*)$/.exec(line))) {
      let subject = m[1];
      while (i + 1 < limit && /^[ \t]+\S/.test(lines[i + 1]))
        subject += lines[++i];
      meta.subject = subject.replace(/\s+/g, " ").trim();
    } else if (meta.author === void 0 && (m = /^From:\s*(.+)$/.exec(line))) {
      meta.author = normaliseAddress(m[1]);
    } else if (meta.date === void 0 && (m = /^Date:\s*(.+)$/.exec(line))) {
      meta.date = m[1].replace(/\s+/g, " ").trim();
    } else if (meta.messageId === void 0 && (m = /^Message[- ]I[dD]:?\s+(\S+)/.exec(line))) {
      meta.messageId = normaliseMessageId(m[1]);
    } else if (line.trim() === "diff mbox" && title === void 0) {
      const next = lines.slice(i + 1, limit).find((l) => l.trim() !== "");
      if (next)
        title = next.trim();
    } else if (line.trim() === "Commit Message" && meta.author === void 0) {
      const next = lines.slice(i + 1, limit).find((l) => l.trim() !== "");
      const s = next ? PATCHWORK_SUBMITTER.exec(next.trim()) : null;
      if (s) {
        meta.author = s[1];
        meta.date ??= s[2];
      }
    } else if (title === void 0 && i < 10 && PATCH_TITLE.test(line)) {
      title = line.trim();
    }
  }
  meta.subject ??= title;
  return meta;
}
function findAttribution(lines, start, depth) {
  let k = start - 1;
  while (k >= 0 && (parseQuote(lines[k]).depth >= depth || lines[k].trim() === ""))
    k--;
  if (k < 0)
    return void 0;
  const strip = (l) => l.slice(parseQuote(l).end).trim();
  let text = strip(lines[k]);
  if (!ATTRIBUTION.test(text))
    return void 0;
  if (!/^On\s/.test(text) && k > 0 && /^On\s/.test(strip(lines[k - 1])))
    text = `${strip(lines[k - 1])} ${text}`;
  const on = /^On\s+(.+),\s*([^,]+?)\s+wrote:\s*$/.exec(text);
  if (on)
    return { author: normaliseAddress(on[2]), date: on[1].trim(), index: k };
  const plain = /^(.+?)\s+wrote:\s*$/.exec(text);
  return { author: plain ? normaliseAddress(plain[1].replace(/^Quoting\s+/i, "")) : void 0, index: k };
}
var COMMIT_LINE = /^commit ([0-9a-f]{7,64})(?:\s|$)/;
function splitGitLog(lines) {
  const isCommitStart = (i) => COMMIT_LINE.test(lines[i]) && /^(?:Author|Merge):\s/.test(lines[i + 1] ?? "");
  if (lines.length === 0 || !isCommitStart(0))
    return void 0;
  const commits = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isCommitStart(i))
      continue;
    if (commits.length > 0)
      commits[commits.length - 1].end = i;
    const meta = {};
    let k = i + 1;
    for (; k < lines.length && lines[k] !== ""; k++) {
      const m = /^(Author|AuthorDate|Date):\s*(.*)$/.exec(lines[k]);
      if (m?.[1] === "Author")
        meta.author = m[2].trim();
      else if (m && meta.date === void 0)
        meta.date = m[2].trim();
    }
    const message = [];
    for (k++; k < lines.length && (lines[k].startsWith("    ") || lines[k] === ""); k++)
      message.push(lines[k].slice(4));
    while (message.length > 0 && message[message.length - 1] === "")
      message.pop();
    meta.subject = message[0]?.trim();
    meta.body = message.join("\n");
    commits.push({ start: i, end: lines.length, meta });
  }
  return commits;
}

// dist/src/ingest/subject.js
var REPLY_MARK = /^\s*(?:re|fwd?|aw|sv|antw|vs)\s*(?:\[\d+\])?\s*:\s*/i;
var LEADING_BRACKET = /^\s*\[([^\]]*)\]\s*/;
function isReplySubject(raw) {
  return REPLY_MARK.test(raw);
}
function parseSubject(raw) {
  const unfolded = raw.replace(/\s*\n\s*/g, " ").trim();
  let rest = unfolded;
  for (let m = REPLY_MARK.exec(rest); m; m = REPLY_MARK.exec(rest))
    rest = rest.slice(m[0].length);
  const info = { raw: unfolded, title: "", prefixes: [], isCover: false };
  for (let m = LEADING_BRACKET.exec(rest); m; m = LEADING_BRACKET.exec(rest)) {
    rest = rest.slice(m[0].length);
    for (const token of m[1].split(/[\s,]+/).filter(Boolean))
      readToken(token, info);
    for (let r = REPLY_MARK.exec(rest); r; r = REPLY_MARK.exec(rest))
      rest = rest.slice(r[0].length);
  }
  info.title = rest.trim();
  info.isCover = info.index === 0 && (info.total ?? 0) > 0;
  return info;
}
function readToken(token, info) {
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
  const glued = /^([A-Za-z-]+)v(\d+)$/.exec(token);
  if (glued && /^(patch|rfc|resend)$/i.test(glued[1])) {
    info.prefixes.push(glued[1]);
    info.version = Number(glued[2]);
    return;
  }
  info.prefixes.push(token);
}

// dist/src/ingest/assemble.js
var BASE_COMMIT = /^base-commit:\s*([0-9a-f]{7,64})\s*$/;
var UNQUOTED2 = { depth: 0, spaced: false };
function assembleMessage(message, ctx) {
  const outcome = { patches: [], errors: [...message.errors], notes: [...message.notes] };
  const subject = parseSubject(message.meta.subject ?? "");
  if (subject.isCover) {
    outcome.cover = { subject, baseCommit: findBaseCommit(message.segments) };
    outcome.notes.push(`cover letter ${JSON.stringify(subject.raw)}: no diff expected`);
    return outcome;
  }
  const baseCommit = findBaseCommit(message.segments);
  const multiSegment = message.segments.length > 1;
  let own;
  let sawDiff = false;
  let combinedDiffs = 0;
  let carried = [];
  for (const segment of message.segments) {
    const scan = scanDiffs(segment.lines, segment.firstLine);
    combinedDiffs += scan.combinedDiffs;
    const prefix = multiSegment ? `${segment.label}: ` : "";
    for (const issue of scan.issues) {
      (issue.severity === "error" ? outcome.errors : outcome.notes).push(prefix + issue.message);
    }
    let previousEnd = 0;
    for (const group of scan.groups) {
      sawDiff = true;
      if (group.style.depth === 0) {
        if (own && !sharesPath(own.files, group.files)) {
          own.files.push(...group.files);
        } else {
          own = ownPatch(message, [...carried, ...quotedText(segment.lines, previousEnd, group.start, UNQUOTED2)], subject, baseCommit, group);
          carried = [];
          outcome.patches.push(own);
        }
      } else {
        outcome.patches.push(quotedPatch(message, segment, group, previousEnd, subject));
      }
      previousEnd = group.end;
    }
    if (scan.groups.length === 0)
      carried.push(...quotedText(segment.lines, 0, segment.lines.length, UNQUOTED2));
  }
  outcome.patches = outcome.patches.filter((patch) => keepNewHunks(patch, ctx.seen, outcome.notes));
  const unreadable = message.segments.length === 0 && message.errors.length > 0;
  if (!sawDiff && !unreadable) {
    if (combinedDiffs > 0)
      outcome.errors.push("only combined (merge) diffs found; nothing to review");
    else if (ctx.multiMessage && isReplySubject(subject.raw))
      outcome.notes.push("reply without a diff; nothing to review");
    else
      outcome.errors.push("no diff found");
  }
  return outcome;
}
function ownPatch(message, bodyLines, subject, baseCommit, group) {
  let author = message.meta.author;
  let k = bodyLines.findIndex((l) => l.trim() !== "");
  if (k >= 0) {
    const start = k;
    for (let m = /^From:\s*(.+)$/.exec(bodyLines[k]); m; m = /^From:\s*(.+)$/.exec(bodyLines[k] ?? "")) {
      author = m[1].trim();
      k++;
    }
    while (k < bodyLines.length && /^(?:Date|Subject):\s/.test(bodyLines[k]) && k > start)
      k++;
    if (k > start)
      bodyLines.splice(start, k - start);
  }
  return {
    subject,
    author,
    date: message.meta.date,
    messageId: message.meta.messageId,
    baseCommit,
    quoted: false,
    body: message.meta.body ?? commitMessage(bodyLines),
    files: group.files
  };
}
function quotedPatch(message, segment, group, from, subject) {
  const attribution = findAttribution(segment.lines, group.start, group.style.depth);
  const start = attribution ? Math.max(from, attribution.index + 1) : from;
  return {
    subject,
    author: attribution?.author,
    date: attribution?.date,
    // The quoting message is where this copy of the patch lives.
    messageId: message.meta.messageId,
    quoted: true,
    body: commitMessage(quotedText(segment.lines, start, group.start, group.style)),
    files: group.files
  };
}
function quotedText(lines, from, to, style) {
  const out = [];
  for (let k = from; k < to; k++) {
    const t = unquote(lines[k], style);
    if (t !== void 0)
      out.push(t);
  }
  return out;
}
function commitMessage(lines) {
  const sep2 = lines.indexOf("---");
  const msg = sep2 >= 0 ? lines.slice(0, sep2) : lines;
  let a = 0;
  let b = msg.length;
  while (a < b && msg[a].trim() === "")
    a++;
  while (b > a && msg[b - 1].trim() === "")
    b--;
  return msg.slice(a, b).join("\n");
}
function findBaseCommit(segments) {
  for (const s of segments) {
    for (const line of s.lines) {
      if (line.charCodeAt(0) !== 98)
        continue;
      const m = BASE_COMMIT.exec(line);
      if (m)
        return m[1];
    }
  }
  return void 0;
}
function sharesPath(a, b) {
  const paths = new Set(a.map(pathOf));
  return b.some((f) => paths.has(pathOf(f)));
}
function pathOf(f) {
  return f.newPath ?? f.oldPath ?? "";
}
function keepNewHunks(patch, seen, notes) {
  let dropped = 0;
  const files = [];
  for (const file of patch.files) {
    const path = pathOf(file);
    const kept = [];
    for (const hunk of file.hunks) {
      const key = `${path}
${hunk.oldStart},${hunk.newStart}`;
      const earlier = seen.get(key);
      if (patch.quoted && earlier?.some((prev) => repeats(hunk, prev))) {
        dropped++;
        continue;
      }
      if (earlier)
        earlier.push(hunk);
      else
        seen.set(key, [hunk]);
      kept.push(hunk);
    }
    if (kept.length > 0 || file.hunks.length === 0)
      files.push({ ...file, hunks: kept });
  }
  if (dropped > 0) {
    const line = patch.files[0]?.hunks[0]?.lines[0]?.patchLine;
    const what = files.length === 0 ? "quoted patch" : `${dropped} hunk(s) of a quoted patch`;
    notes.push(`${what} near line ${line ?? "?"} repeat(s) a diff quoted earlier in this input; skipped`);
  }
  patch.files = files;
  return files.length > 0;
}
function repeats(quoted, earlier) {
  if (quoted.lines.length > earlier.lines.length)
    return false;
  return quoted.lines.every((l, i) => l.kind === earlier.lines[i].kind && squash(l.text) === squash(earlier.lines[i].text));
}
function squash(text) {
  return text.replace(/\s+/g, " ").trim();
}

// dist/src/ingest/decode.js
import { isUtf8 } from "node:buffer";
function findNulByte(buf) {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(0);
}
function decodeText(buf, baseOffset = 0) {
  if (buf.length >= 2 && buf[0] === 255 && buf[1] === 254) {
    return { text: normaliseNewlines(new TextDecoder("utf-16le").decode(buf.subarray(2))) };
  }
  if (buf.length >= 2 && buf[0] === 254 && buf[1] === 255) {
    return { text: normaliseNewlines(new TextDecoder("utf-16be").decode(buf.subarray(2))) };
  }
  let body = buf;
  let offset = baseOffset;
  if (buf.length >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191) {
    body = buf.subarray(3);
    offset += 3;
  }
  const text = normaliseNewlines(body.toString("utf8"));
  if (isUtf8(body))
    return { text };
  return { text, invalidUtf8At: offset + firstInvalidUtf8(body) };
}
function firstInvalidUtf8(buf) {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let min;
    if (b >= 194 && b <= 223) {
      need = 1;
      min = 128;
    } else if (b >= 224 && b <= 239) {
      need = 2;
      min = 2048;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      min = 65536;
    } else {
      return i;
    }
    let cp = b & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === void 0 || (c & 192) !== 128)
        return i;
      cp = cp << 6 | c & 63;
    }
    if (cp < min || cp >= 55296 && cp <= 57343 || cp > 1114111)
      return i;
    i += need + 1;
  }
  return n;
}
function normaliseNewlines(text) {
  return text.indexOf("\r") === -1 ? text : text.replace(/\r\n/g, "\n");
}
function splitLines(text) {
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "")
    lines.pop();
  return lines;
}

// dist/src/ingest/mail.js
import { isAscii, isUtf8 as isUtf83 } from "node:buffer";

// dist/src/ingest/mbox.js
var MAIL_FIELDS = /^(from|subject|date|message-id|received|return-path|delivered-to|mime-version|in-reply-to|x-mailer|content-type|to|cc):/i;
var MBOX_SEPARATOR = /^From \S+ +\S/;
function looksLikeMail(raw) {
  const head = raw.slice(0, 64 * 1024);
  const lines = head.split("\n", 200).map((l) => l.endsWith("\r") ? l.slice(0, -1) : l);
  let i = 0;
  if (MBOX_SEPARATOR.test(lines[0] ?? "")) {
    if (!isHeaderLine(lines[1] ?? ""))
      return false;
    i = 1;
  }
  let sawMailField = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === "")
      return sawMailField;
    if (line.startsWith(" ") || line.startsWith("	")) {
      if (i === 0)
        return false;
      continue;
    }
    if (!isHeaderLine(line))
      return false;
    if (MAIL_FIELDS.test(line))
      sawMailField = true;
  }
  return sawMailField;
}
function splitMbox(raw) {
  const messages = [];
  let pos = 0;
  let line = 1;
  let prevBlank = true;
  let current;
  while (pos < raw.length) {
    let nl = raw.indexOf("\n", pos);
    if (nl === -1)
      nl = raw.length;
    const isBlank = nl === pos || nl === pos + 1 && raw.charCodeAt(pos) === 13;
    if (prevBlank && raw.startsWith("From ", pos)) {
      const text = raw.slice(pos, nl).replace(/\r$/, "");
      const nextEnd = raw.indexOf("\n", nl + 1);
      const next = raw.slice(nl + 1, nextEnd === -1 ? raw.length : nextEnd).replace(/\r$/, "");
      if (MBOX_SEPARATOR.test(text) && isHeaderLine(next)) {
        if (current)
          current.end = pos;
        current = { start: nl + 1, end: raw.length, firstLine: line + 1, fromMbox: true };
        messages.push(current);
      }
    }
    if (!current) {
      current = { start: 0, end: raw.length, firstLine: 1, fromMbox: false };
      messages.push(current);
    }
    prevBlank = isBlank;
    pos = nl + 1;
    line++;
  }
  if (messages.length === 0)
    messages.push({ start: 0, end: raw.length, firstLine: 1, fromMbox: false });
  return messages;
}
function unescapeFromLines(lines) {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.charCodeAt(0) === 62 && /^>+From /.test(l))
      lines[i] = l.slice(1);
  }
}

// dist/src/ingest/mime.js
import { isUtf8 as isUtf82 } from "node:buffer";
var KNOWN_ENCODINGS = /* @__PURE__ */ new Set(["7bit", "8bit", "binary", "quoted-printable", "base64"]);
function checkMime(raw) {
  const problems = { errors: [], notes: [] };
  checkEntity(raw, "message", problems, 0);
  return problems;
}
function checkEntity(raw, where, problems, depth) {
  if (problems.fatal || depth > 20)
    return;
  const { headerLines, body } = splitEntity(raw);
  const headers = parseHeaderLines(headerLines);
  const ct = parseContentType(header(headers, "content-type"));
  const cte = (header(headers, "content-transfer-encoding") ?? "7bit").toLowerCase().trim();
  if (!KNOWN_ENCODINGS.has(cte)) {
    problems.fatal = `${where}: unsupported Content-Transfer-Encoding "${cte}"`;
    return;
  }
  if (ct.type.startsWith("multipart/")) {
    checkMultipart(ct, body, where, problems, depth);
    return;
  }
  if (cte === "base64") {
    const bad = /[^A-Za-z0-9+/=\s]/.exec(body);
    if (bad) {
      problems.fatal = `${where}: invalid base64 (character ${JSON.stringify(bad[0])} at offset ${bad.index} of the part body)`;
      return;
    }
  }
  const charset = ct.params.get("charset");
  if (charset && ct.type.startsWith("text/") && !isKnownCharset(charset)) {
    problems.errors.push(`${where}: unknown charset "${charset}", decoded as UTF-8`);
  }
}
function checkMultipart(ct, body, where, problems, depth) {
  const boundary = ct.params.get("boundary");
  if (!boundary) {
    problems.fatal = `${where}: ${ct.type} without a boundary parameter`;
    return;
  }
  const delimiter = `--${boundary}`;
  const parts = [];
  let partStart = -1;
  let pos = 0;
  let closed = false;
  while (pos <= body.length) {
    let nl = body.indexOf("\n", pos);
    if (nl === -1)
      nl = body.length;
    const line = body.slice(pos, nl).replace(/[\r \t]+$/, "");
    if (line === delimiter || line === `${delimiter}--`) {
      if (partStart >= 0)
        parts.push(body.slice(partStart, pos));
      if (line !== delimiter) {
        closed = true;
        break;
      }
      partStart = nl + 1;
    }
    pos = nl + 1;
  }
  if (!closed && partStart >= 0)
    parts.push(body.slice(partStart));
  if (parts.length === 0) {
    problems.fatal = `${where}: ${ct.type} boundary "${boundary}" never occurs in the body`;
    return;
  }
  if (!closed)
    problems.notes.push(`${where}: ${ct.type} is not closed by "${delimiter}--" (truncated mail?)`);
  parts.forEach((p, i) => checkEntity(p, `${where} part ${i + 1}`, problems, depth + 1));
}
function splitEntity(raw) {
  const m = /\r?\n\r?\n/.exec(raw);
  const headEnd = m ? m.index : raw.length;
  const bodyStart = m ? m.index + m[0].length : raw.length;
  if (/^\r?\n/.test(raw))
    return { headerLines: [], body: raw.replace(/^\r?\n/, "") };
  return { headerLines: raw.slice(0, headEnd).split(/\r?\n/), body: raw.slice(bodyStart) };
}
function isKnownCharset(charset) {
  try {
    new TextDecoder(charset.trim());
    return true;
  } catch {
    return false;
  }
}
function isTextual(att) {
  const type = att.contentType.toLowerCase();
  if (type === "text/html")
    return false;
  if (type.startsWith("text/") || type === "message/rfc822")
    return true;
  return /\.(patch|diff|txt|eml|mbox)$/i.test(att.filename ?? "");
}
async function decodeMime(message) {
  const { simpleParser } = await import("./mailparser-DRJH65KA.js");
  const parsed = await simpleParser(message, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true
  });
  const segments = [];
  if (parsed.text)
    segments.push({ text: normaliseNewlines(parsed.text), label: "body" });
  for (const att of parsed.attachments) {
    if (!isTextual(att))
      continue;
    const segment = {
      text: normaliseNewlines(att.content.toString("utf8")),
      label: `attachment ${JSON.stringify(att.filename ?? att.contentType)}`
    };
    if (!isUtf82(att.content)) {
      segment.invalidUtf8At = firstInvalidUtf8(att.content);
    }
    segments.push(segment);
  }
  const from = parsed.from?.value?.[0];
  const rawDate = parsed.headerLines.find((h) => h.key === "date")?.line.replace(/^date:\s*/i, "");
  return {
    subject: parsed.subject,
    from: from ? from.name ? `${from.name} <${from.address ?? ""}>` : from.address : void 0,
    date: rawDate?.replace(/\s+/g, " ").trim(),
    messageId: parsed.messageId,
    segments
  };
}

// dist/src/ingest/mail.js
var UTF8_CHARSETS = /* @__PURE__ */ new Set(["utf-8", "utf8", "us-ascii", "ascii"]);
var PLAIN_ENCODINGS = /* @__PURE__ */ new Set(["7bit", "8bit", "binary"]);
async function readMailMessage(raw, latin1, msg) {
  const { headEnd, bodyStart } = findHeaderEnd(latin1, msg.start, msg.end);
  const headerBytes = raw.subarray(msg.start, headEnd);
  const headerText = normaliseNewlines(headerBytes.toString(isUtf83(headerBytes) ? "utf8" : "latin1"));
  const headers = parseHeaderLines(headerText.split("\n"));
  const ct = parseContentType(header(headers, "content-type"));
  const cte = (header(headers, "content-transfer-encoding") ?? "7bit").trim().toLowerCase();
  const charset = ct.params.get("charset")?.toLowerCase();
  const body = raw.subarray(bodyStart, msg.end);
  const meta = {
    subject: optional(header(headers, "subject"), (v) => decodeEncodedWords(v).replace(/\s+/g, " ").trim()),
    author: optional(header(headers, "from"), normaliseAddress),
    date: optional(header(headers, "date"), (d) => d.replace(/\s+/g, " ").trim()),
    messageId: optional(header(headers, "message-id"), normaliseMessageId)
  };
  const plain = ct.type === "text/plain" && PLAIN_ENCODINGS.has(cte) && ct.params.get("format")?.toLowerCase() !== "flowed" && (charset === void 0 || UTF8_CHARSETS.has(charset) || isAscii(body));
  if (plain) {
    const decoded = decodeText(body, bodyStart);
    const errors = [];
    if (decoded.invalidUtf8At !== void 0) {
      errors.push(`invalid UTF-8 at byte offset ${decoded.invalidUtf8At}; undecodable bytes were replaced with U+FFFD`);
    }
    const lines = splitLines(decoded.text);
    if (msg.fromMbox)
      unescapeFromLines(lines);
    const headerLineCount = countNewlines(latin1, msg.start, headEnd) + 1;
    const firstLine = bodyStart >= msg.end ? msg.firstLine : msg.firstLine + headerLineCount + 1;
    return { meta, segments: [{ lines, firstLine, label: "body" }], errors, notes: [] };
  }
  return readMimeMessage(raw, latin1, msg, meta);
}
async function readMimeMessage(raw, latin1, msg, headerMeta) {
  let text = latin1.slice(msg.start, msg.end);
  if (msg.fromMbox)
    text = text.replace(/^>(>*From )/gm, "$1");
  const errors = [];
  const notes = [];
  const problems = checkMime(text);
  if (problems.fatal) {
    return { meta: headerMeta, segments: [], errors: [`undecodable MIME: ${problems.fatal}`], notes };
  }
  errors.push(...problems.errors.map((e) => `MIME: ${e}`));
  notes.push(...problems.notes.map((e) => `MIME: ${e}`));
  const messageBytes = Buffer.from(text, "latin1");
  const mime = await decodeMime(messageBytes);
  const rawMessage = raw.subarray(msg.start, msg.end);
  if (!isUtf83(rawMessage) && mime.segments.some((s) => s.text.includes("\uFFFD"))) {
    errors.push(`invalid UTF-8 at byte offset ${msg.start + firstInvalidUtf8(rawMessage)}; undecodable bytes were replaced with U+FFFD`);
  }
  for (const s of mime.segments) {
    if (s.invalidUtf8At !== void 0) {
      errors.push(`${s.label}: invalid UTF-8 at byte offset ${s.invalidUtf8At} of the decoded part; undecodable bytes were replaced with U+FFFD`);
    }
  }
  const rawText = normaliseNewlines(messageBytes.toString("utf8"));
  const located = [];
  let from = Math.max(0, rawText.search(/\n\n/));
  for (const s of mime.segments) {
    const body = s.text.replace(/\n+$/, "");
    const at = body.length > 0 ? rawText.indexOf(body, from) : -1;
    if (at < 0)
      break;
    located.push(msg.firstLine + countNewlines(rawText, 0, at));
    from = at + body.length;
  }
  const exact = located.length === mime.segments.length;
  if (!exact && mime.segments.length > 0) {
    notes.push("line numbers (#N) count lines of the decoded MIME text (body, then attachments), not of the raw mail");
  }
  const segments = [];
  let decodedLine = 1;
  mime.segments.forEach((s, i) => {
    const lines = splitLines(s.text);
    segments.push({ lines, firstLine: exact ? located[i] : decodedLine, label: s.label });
    decodedLine += lines.length;
  });
  return {
    meta: {
      subject: mime.subject?.replace(/\s+/g, " ").trim(),
      author: mime.from,
      date: mime.date,
      messageId: optional(mime.messageId, normaliseMessageId)
    },
    segments,
    errors,
    notes
  };
}
function findHeaderEnd(s, start, end) {
  let pos = start;
  while (pos < end) {
    const nl = s.indexOf("\n", pos);
    if (nl === -1 || nl >= end)
      break;
    const next = nl + 1;
    if (s.charCodeAt(next) === 10)
      return { headEnd: nl, bodyStart: next + 1 };
    if (s.charCodeAt(next) === 13 && s.charCodeAt(next + 1) === 10)
      return { headEnd: nl, bodyStart: next + 2 };
    pos = next;
  }
  return { headEnd: end, bodyStart: end };
}
function countNewlines(s, from, to) {
  let count = 0;
  for (let i = s.indexOf("\n", from); i !== -1 && i < to; i = s.indexOf("\n", i + 1))
    count++;
  return count;
}
function optional(value, f) {
  return value === void 0 ? void 0 : f(value);
}

// dist/src/ingest/ingest.js
async function ingest(sources) {
  const progress = emptyIngestProgress();
  const patches = [];
  for await (const patch of ingestStream(sources, progress))
    patches.push(patch);
  return { patches, ...progress };
}
function emptyIngestProgress() {
  return {
    errors: [],
    notes: [],
    stats: { inputs: 0, patches: 0, quotedPatches: 0, coverLetters: 0, files: 0, hunks: 0, linesChecked: 0 }
  };
}
async function* ingestStream(sources, progress) {
  const { stats } = progress;
  for (const source of sources) {
    const data = "data" in source ? source.data : await source.read();
    if (data === void 0)
      continue;
    stats.inputs++;
    try {
      for await (const patch of ingestSource({ name: source.name, data }, progress)) {
        stats.patches++;
        if (patch.quoted)
          stats.quotedPatches++;
        stats.files += patch.files.length;
        for (const file of patch.files)
          stats.hunks += file.hunks.length;
        stats.linesChecked += countDiffLines(patch.files);
        yield patch;
      }
    } catch (err) {
      progress.errors.push({ input: source.name, message: `internal error while reading this input: ${err.message}` });
    }
  }
}
async function* ingestSource(source, result) {
  const input = source.name;
  const fail = (message) => void result.errors.push({ input, message });
  let data = source.data;
  if (data.length === 0)
    return fail("empty input: no diff found");
  const utf16 = data.length >= 2 && (data[0] === 255 && data[1] === 254 || data[0] === 254 && data[1] === 255);
  if (utf16) {
    data = Buffer.from(decodeText(data).text, "utf8");
  } else {
    const nul = findNulByte(data);
    if (nul >= 0)
      return fail(`binary data (NUL byte at byte offset ${nul}): not a patch, mail or text file`);
  }
  const { count, messages } = readMessages(data, result.errors, input);
  const seen = /* @__PURE__ */ new Map();
  const multiMessage = count > 1;
  let ordinal = 0;
  let cover;
  for await (const { text, label } of messages) {
    const outcome = assembleMessage(text, { multiMessage, seen });
    const prefix = label ? `${label}: ` : "";
    for (const message of outcome.errors)
      result.errors.push({ input, message: prefix + message });
    for (const message of outcome.notes)
      result.notes.push({ input, message: prefix + message });
    if (outcome.cover) {
      result.stats.coverLetters++;
      cover = outcome.cover;
    }
    for (const draft of outcome.patches) {
      const inSeries = cover && !draft.quoted && draft.subject.total === cover.subject.total && draft.subject.version === cover.subject.version;
      const patch = {
        id: `${input}#${ordinal}`,
        input,
        ordinal,
        ...draft,
        baseCommit: draft.baseCommit ?? (inSeries ? cover?.baseCommit : void 0)
      };
      for (const key of ["author", "date", "messageId", "baseCommit"])
        if (patch[key] === void 0)
          delete patch[key];
      ordinal++;
      yield patch;
    }
  }
}
function readMessages(data, errors, input) {
  const latin1 = data.toString("latin1");
  if (looksLikeMail(latin1)) {
    const parts = splitMbox(latin1);
    async function* decode() {
      for (let i = 0; i < parts.length; i++) {
        const text = await readMailMessage(data, latin1, parts[i]);
        const subject = text.meta.subject ? ` (${JSON.stringify(text.meta.subject)})` : "";
        const line = parts[i].fromMbox ? parts[i].firstLine - 1 : parts[i].firstLine;
        yield { text, label: parts.length > 1 ? `message ${i + 1}${subject} at line ${line}` : "" };
      }
    }
    return { count: parts.length, messages: decode() };
  }
  const decoded = decodeText(data);
  if (decoded.invalidUtf8At !== void 0) {
    errors.push({ input, message: `invalid UTF-8 at byte offset ${decoded.invalidUtf8At}; undecodable bytes were replaced with U+FFFD` });
  }
  const lines = splitLines(decoded.text);
  const commits = splitGitLog(lines);
  if (commits) {
    const messages = commits.map((c) => ({
      text: { meta: c.meta, segments: [{ lines: lines.slice(c.start, c.end), firstLine: c.start + 1, label: "commit" }], errors: [], notes: [] },
      label: commits.length > 1 ? `commit at line ${c.start + 1}` : ""
    }));
    return { count: messages.length, messages };
  }
  return { count: 1, messages: [{ text: { meta: readPageMeta(lines), segments: [{ lines, firstLine: 1, label: "text" }], errors: [], notes: [] }, label: "" }] };
}

// dist/src/ingest/apply.js
function applyHunks(preImage, file) {
  const path = file.newPath ?? file.oldPath ?? "(unnamed file)";
  if (file.binary)
    return { error: `${path}: binary file; hunks cannot be applied` };
  const pre = preImage.includes("\r") ? preImage.replace(/\r\n/g, "\n") : preImage;
  const endsWithNewline = pre === "" || pre.endsWith("\n");
  const src = pre === "" ? [] : (endsWithNewline ? pre.slice(0, -1) : pre).split("\n");
  const out = [];
  let pos = 0;
  let drift = 0;
  let newline = endsWithNewline;
  for (let index = 0; index < file.hunks.length; index++) {
    const hunk = file.hunks[index];
    const oldSide = [];
    for (const l of hunk.lines)
      if (l.kind !== "add")
        oldSide.push(l.text);
    const declared = oldSide.length === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const at = findBlock(src, oldSide, declared + drift, pos);
    if (at < 0)
      return { error: `hunk ${index + 1} does not apply at line ${hunk.oldStart}` };
    drift = at - declared;
    for (let k = pos; k < at; k++)
      out.push(src[k]);
    for (const l of hunk.lines)
      if (l.kind !== "del")
        out.push(l.text);
    pos = at + oldSide.length;
    if (pos === src.length)
      newline = !lastNewSideLine(hunk)?.noNewlineAtEof;
  }
  for (let k = pos; k < src.length; k++)
    out.push(src[k]);
  if (out.length === 0)
    return { text: "" };
  return { text: out.join("\n") + (newline ? "\n" : "") };
}
function findBlock(src, block, expected, min) {
  const last = src.length - block.length;
  if (last < min)
    return -1;
  const start = Math.min(Math.max(expected, min), last);
  if (block.length === 0)
    return start;
  const maxDelta = Math.max(start - min, last - start);
  for (let delta = 0; delta <= maxDelta; delta++) {
    const before = start - delta;
    if (before >= min && matchesAt(src, block, before))
      return before;
    const after = start + delta;
    if (delta > 0 && after <= last && matchesAt(src, block, after))
      return after;
  }
  return -1;
}
function matchesAt(src, block, at) {
  for (let k = 0; k < block.length; k++)
    if (src[at + k] !== block[k])
      return false;
  return true;
}
function lastNewSideLine(hunk) {
  for (let k = hunk.lines.length - 1; k >= 0; k--)
    if (hunk.lines[k].kind !== "del")
      return hunk.lines[k];
  return void 0;
}

// dist/src/ingest/tree.js
import { readFile, realpath as realpath2, stat as stat2 } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
async function readTreeFile(treeDir, path) {
  if (path === "" || path.includes("\0") || isAbsolute(path))
    return void 0;
  const root = resolve(treeDir);
  const full = resolve(root, path);
  if (!isInside(root, full))
    return void 0;
  try {
    const realRoot = await realpath2(root);
    const realFull = await realpath2(full);
    if (!isInside(realRoot, realFull))
      return void 0;
    if (!(await stat2(realFull)).isFile())
      return void 0;
    return await readFile(realFull, "utf8");
  } catch {
    return void 0;
  }
}
function isInside(root, full) {
  const rel = relative(root, full);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

export {
  parsePatch,
  PATCH_FILE_EXTENSIONS,
  readInputs,
  listInputs,
  scanDiffs,
  countDiffLines,
  isReplySubject,
  parseSubject,
  ingest,
  emptyIngestProgress,
  ingestStream,
  applyHunks,
  readTreeFile
};
