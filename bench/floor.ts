// The benchmark's floor: a process that only starts Node, loads tree-sitter-c and parses the C text the
// reviewed patches carry (post-image lines of each .c/.h file diff), once each. Nothing the review does can
// be cheaper than this, so the CLI's time is reported as a multiple of it.
// Usage: node dist/bench/floor.js <file|dir>...
//   prints {"inputs":N,"files":N,"bytes":N,"parseMs":N,"withErrors":N} on stdout (files: C texts parsed).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'tree-sitter';
import C from 'tree-sitter-c';

const EXTENSIONS = ['.patch', '.diff', '.eml', '.mbox', '.txt'];

function expand(path: string, out: string[]): void {
  if (!statSync(path).isDirectory()) {
    out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(path, name);
    if (statSync(full).isDirectory()) expand(full, out);
    else if (EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) out.push(full);
  }
}

function main(args: string[]): void {
  const files: string[] = [];
  for (const a of args) expand(a, files);
  const parser = new Parser();
  parser.setLanguage(C as unknown as Parser.Language);
  let bytes = 0;
  let parsed = 0;
  let errors = 0;
  const t = performance.now();
  for (const f of files) {
    for (const text of collect(readFileSync(f, 'utf8'))) {
      if (text.length === 0) continue;
      // Same buffer sizing as src/c/parser.ts: one chunk for the whole text.
      const tree = parser.parse(text, undefined, { bufferSize: Math.max(1 << 20, text.length * 2 + 1) });
      if (tree.rootNode.hasError) errors++;
      bytes += text.length;
      parsed++;
    }
  }
  process.stdout.write(`${JSON.stringify({ inputs: files.length, files: parsed, bytes, parseMs: performance.now() - t, withErrors: errors })}\n`);
}

/**
 * The post-image text (context and added lines) of every C file diff in `text`, each joined into one
 * string. A plain line scan: it does not decode MIME or strip quote prefixes, so for mails that need either
 * it parses less than the pipeline does, which only makes the floor lower (the comparison stricter).
 */
function collect(text: string): string[] {
  const out: string[] = [];
  let current: string[] | undefined;
  let inHunk = false;
  const flush = () => {
    if (current) out.push(current.join('\n'));
    current = undefined;
    inHunk = false;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('+++ ')) {
      flush();
      const path = line.slice(4).trim();
      if (/\.[ch]$/.test(path)) current = [];
      continue;
    }
    if (line.startsWith('diff --git ') || line.startsWith('From ')) {
      flush();
      continue;
    }
    if (line.startsWith('@@')) {
      inHunk = current !== undefined;
      continue;
    }
    if (!inHunk || !current) continue;
    if (line.startsWith('+') || line.startsWith(' ') || line === '') current.push(line.slice(1));
    else if (!line.startsWith('-') && !line.startsWith('\\')) inHunk = false;
  }
  flush();
  return out;
}

main(process.argv.slice(2));
