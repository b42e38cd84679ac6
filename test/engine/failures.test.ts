// Code the engine cannot analyse, and rules that throw: each is an error naming the file (or rule), the rest
// of the patch is still reviewed, and no finding is judged against an image that was not analysed.
import { review } from '../../src/review.js';
import { defaultConfig } from '../../src/config/index.js';
import type { Rule } from '../../src/rules/types.js';
import { hunkPatch } from '../rules/patch-builders.js';

/** A format-patch adding several files in one mail. */
function newFilesPatch(files: { path: string; body: string }[]): string {
  const diffs = files.map(({ path, body }) => {
    const lines = body.replace(/\n$/, '').split('\n');
    return [
      `diff --git a/${path} b/${path}`, 'new file mode 100644', 'index 0000000..1111111', '--- /dev/null', `+++ b/${path}`,
      `@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`),
    ].join('\n');
  });
  return [
    'From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001', 'From: Test Author <test@example.org>',
    'Date: Wed, 15 Oct 2025 09:00:00 +0000', 'Subject: [PATCH] test: two files', '', 'Two files.', '',
    'Signed-off-by: Test Author <test@example.org>', '---', ...diffs, '--', '2.43.0', '',
  ].join('\n');
}

/** A stack buffer handed to dma_map_single(): a finding of dma-on-stack. */
const STACK_DMA = `static int radio_send(struct device *dev)
{
\tu8 buf[16];
\tdma_addr_t addr;

\taddr = dma_map_single(dev, buf, sizeof(buf), DMA_TO_DEVICE);
\tif (dma_mapping_error(dev, addr))
\t\treturn -ENOMEM;
\tdma_unmap_single(dev, addr, sizeof(buf), DMA_TO_DEVICE);
\treturn 0;
}
`;

test('a file nested too deeply to analyse is an error naming it; the patch\'s other file is still reviewed', async () => {
  // 60,000 terms of `a + a + ...`: tree-sitter nests a binary chain one level per operator.
  const deep = `int f(int a)\n{\n\treturn ${Array.from({ length: 60_000 }, () => 'a').join(' + ')};\n}\n`;
  const patch = newFilesPatch([{ path: 'drivers/misc/deep.c', body: deep }, { path: 'drivers/misc/stack.c', body: STACK_DMA }]);
  const result = await review([{ name: 'two-files.patch', data: Buffer.from(patch) }], { config: defaultConfig() });
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0].input).toBe('two-files.patch');
  expect(result.errors[0].message).toMatch(/^could not analyse drivers\/misc\/deep\.c \(after the patch\): the code nests too deeply to analyse/);
  expect(result.findings.filter((f) => f.file === 'drivers/misc/deep.c')).toEqual([]);
  expect(result.findings.some((f) => f.file === 'drivers/misc/stack.c' && f.ruleId === 'dma-on-stack')).toBe(true);
});

test('a rule that throws on one image reports nothing the other image\'s comparison would invent', async () => {
  // It flags every function on both sides but throws after the patch: without the pre-image comparison
  // guarded, its pre-image findings would look like violations the patch fixes.
  const flaky: Rule = {
    meta: {
      id: 'test-flaky', defaultSeverity: 'warning', certainty: 'certain', description: 'test rule', catalogue: [],
      docsUrl: 'https://example.org/test-flaky',
    },
    check(ctx) {
      if (ctx.side === 'new') throw new Error('broken on purpose');
      return ctx.ir.functions.map((fn) => ({ line: fn.line, message: `function ${fn.name}`, code: fn.name }));
    },
  };
  const patch = hunkPatch('drivers/misc/x.c', 'int f(void)', 10, [
    ' int f(void)', ' {', '-\treturn 0;', '+\treturn 1;', ' }',
  ]);
  const result = await review([{ name: 'flaky.patch', data: Buffer.from(patch) }], { config: defaultConfig(), extraRules: [flaky] });
  expect(result.errors.map((e) => e.message)).toEqual(['rule test-flaky failed on drivers/misc/x.c: broken on purpose']);
  expect(result.findings.filter((f) => f.ruleId === 'test-flaky')).toEqual([]);
});
