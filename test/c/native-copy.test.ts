// The native tree copier (native/tree_copy.c, src/c/native-copy.ts) against the cursor copy (copyTree): the
// same CNode tree, node for node, on hand-written edge cases, generated drivers and the C of every fixture patch;
// its argument checks; one parser per worker thread; and the switch that turns it off. (test/c/syntax.test.ts
// compares whatever parseSyntax uses with node-tree-sitter's own tree.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { parseSyntax, parseSyntaxByCursor, syntaxCopyMode } from '../../src/c/parser.js';
import { loadTreeCopyAddon, NATIVE_ENV, switchedOff } from '../../src/c/native-copy.js';
import type { CNode } from '../../src/c/syntax.js';
import { createRng } from '../../bench/prng.js';
import { driverFile, driverNames } from '../../bench/synthetic/c-gen.js';

const require = createRequire(import.meta.url);
const nativeOff = switchedOff(process.env[NATIVE_ENV]);

/** The first difference between two copies, as a path of child indices and what differs; null when equal. */
function firstDifference(a: CNode, b: CNode, path = 'root'): string | null {
  for (const key of ['type', 'field', 'start', 'end', 'startRow', 'endRow', 'named', 'missing'] as const) {
    if (a[key] !== b[key]) return `${path} (${a.type}@${a.start}) ${key}: ${String(a[key])} vs ${String(b[key])}`;
  }
  if (a.children.length !== b.children.length) {
    return `${path} (${a.type}@${a.start}) children: ${a.children.map((c) => c.type).join()} vs ${b.children.map((c) => c.type).join()}`;
  }
  for (let i = 0; i < a.children.length; i++) {
    const d = firstDifference(a.children[i], b.children[i], `${path}/${i}`);
    if (d) return d;
  }
  return null;
}

function count(n: CNode): number {
  let total = 0;
  const stack = [n];
  while (stack.length) {
    const cur = stack.pop()!;
    total++;
    for (const c of cur.children) stack.push(c);
  }
  return total;
}

/** The native copy of `text` compared with the cursor copy: null when they agree. */
function compareCopies(text: string): string | null {
  const native = parseSyntax(text);
  const cursor = parseSyntaxByCursor(text);
  expect(native.syntax.text).toBe(cursor.syntax.text);
  return firstDifference(native.syntax.root, cursor.syntax.root);
}

/** The C text of a fixture patch's added and context lines, per file (what a new-file image looks like). */
function patchTexts(patch: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      if (current) out.push(current.join('\n'));
      current = /\.[ch]$/.test(line.trim()) ? [] : null;
    } else if (current && (line.startsWith('+') || line.startsWith(' '))) current.push(line.slice(1));
  }
  if (current) out.push(current.join('\n'));
  return out;
}

const describeNative = nativeOff ? describe.skip : describe;

describeNative('the native tree copier', () => {
  test('is built and in use (npm run build builds it; a machine without a C compiler fails here, not silently)', () => {
    expect(loadTreeCopyAddon().reason ?? 'available').toBe('available');
    expect(loadTreeCopyAddon().addon).not.toBeNull();
    expect(syntaxCopyMode()).toEqual({ mode: 'native', reason: null });
  });

  test.each([
    ['an empty text', ''],
    ['blank lines only', '\n\n  \n'],
    ['a comment only', '/* nothing */\n'],
    ['fields and operators', 'int f(int a, char *b) { a = -b[0]; return (a); }'],
    ['missing tokens', 'int f(void) { list_for_each_entry(a, b, c) { x(); } }\nint x = 1;\nint y = (2;\n'],
    ['ERROR nodes', 'int f( { ] }\nint g(void) { return (a + ; }\n'],
    ['multi-byte text', '/* é — 日本語 😀 */\nint x = 1; // ü\nchar *s = "😀😀 ñ";\nint y;\n'],
    ['CRLF and lone CR', 'int a;\r\nint b;\r\n\r\nstatic int c(void)\r\n{\r\n\treturn 0;\r\n}\r\nint d;\rint e;'],
    ['preprocessor lines', '#include <linux/pci.h>\n#define X(a) ((a) + 1)\n#if X\nint a;\n#else\nint b;\n#endif\n'],
    ['strings with escapes', 'const char *s = "a\\n\\x41" "b";\nchar c = \'\\0\';\n'],
    ['kernel annotations', 'static void __iomem *map(struct foo __rcu *p) __acquires(rcu)\n{\n\treturn p->base;\n}\n'],
  ])('builds the cursor copy of %s', (_name, text) => {
    expect(compareCopies(text)).toBeNull();
  });

  test('builds the cursor copy of generated driver files', () => {
    let nodes = 0;
    for (let i = 0; i < 5; i++) {
      const rng = createRng(9100 + i);
      const file = driverFile(rng, driverNames(rng, i), 8, 'native copy test driver');
      expect(compareCopies(file.text)).toBeNull();
      nodes += count(parseSyntax(file.text).syntax.root);
    }
    expect(nodes).toBeGreaterThan(5000);
  });

  test('builds the cursor copy of the C in every fixture patch', () => {
    const root = join(process.cwd(), 'fixtures', 'rules');
    let texts = 0;
    for (const rule of readdirSync(root)) {
      for (const name of readdirSync(join(root, rule))) {
        if (!/\.(patch|mbox|eml)$/.test(name)) continue;
        for (const text of patchTexts(readFileSync(join(root, rule, name), 'utf8'))) {
          const d = compareCopies(text);
          if (d) throw new Error(`${rule}/${name}: ${d}`);
          texts++;
        }
      }
    }
    expect(texts).toBeGreaterThan(100);
  });

  test('copies a 5,000-deep comma chain without recursion', () => {
    const chain = `int t[] = { ${Array.from({ length: 5000 }, (_, i) => `X(${i})`).join(', ')} };\nint v = ${Array.from({ length: 5000 }, (_, i) => `a${i}`).join(', ')};\n`;
    expect(compareCopies(chain)).toBeNull();
  });

  test('rejects what is not a language or not a text, naming the argument', () => {
    const addon = loadTreeCopyAddon().addon!;
    const language = require('tree-sitter-c');
    expect(() => addon.parse({}, 'int a;')).toThrow(/not a tree-sitter language/);
    expect(() => addon.parse(language, 42 as unknown as string)).toThrow(/text must be a string/);
    expect(() => (addon.parse as (l: unknown) => unknown)(language)).toThrow(/two arguments/);
    expect(addon.parse(language, 'int a;').length % addon.nodeSlots).toBe(0);
  });

  test('parses in several worker threads at once, one parser each', async () => {
    const addonPath = join(process.cwd(), 'native', 'build', 'Release', 'tree_copy.node');
    const text = driverFile(createRng(5), driverNames(createRng(5), 0), 10, 'worker test').text;
    const expected = Array.from(loadTreeCopyAddon().addon!.parse(require('tree-sitter-c'), text));
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { createRequire } = require('node:module');
      const req = createRequire(workerData.cwd + '/package.json');
      const addon = req(workerData.addonPath);
      const language = req('tree-sitter-c');
      let sum = 0, last;
      for (let i = 0; i < 20; i++) { last = addon.parse(language, workerData.text); sum += last.length; }
      parentPort.postMessage({ sum, last: Array.from(last) });`;
    const results = await Promise.all([0, 1, 2].map(() => new Promise<{ sum: number; last: number[] }>((resolve, reject) => {
      const w = new Worker(code, { eval: true, workerData: { addonPath, text, cwd: process.cwd() } });
      w.once('message', resolve);
      w.once('error', reject);
    })));
    for (const r of results) {
      expect(r.sum).toBe(20 * expected.length);
      expect(r.last).toEqual(expected);
    }
  });
});

describe('switching the native copier off', () => {
  test.each(['off', '0', 'FALSE'])('%s: no addon, and the reason names the variable', (value) => {
    const off = loadTreeCopyAddon({ [NATIVE_ENV]: value });
    expect(off.addon).toBeNull();
    expect(off.reason).toBe(`switched off by ${NATIVE_ENV}=${value}`);
    // Asking again without the switch restores it (when built).
    if (!nativeOff) {
      expect(loadTreeCopyAddon({}).addon).not.toBeNull();
      expect(loadTreeCopyAddon({}).reason).toBeNull();
    }
  });
});
