// sanitizeKernelC blanks kernel annotations without moving anything: same length, same line breaks.
import { sanitizeKernelC } from '../../src/c/sanitize.js';
import { createRng } from '../../bench/prng.js';

describe('sanitizeKernelC', () => {
  test('returns text without annotations unchanged', () => {
    const text = 'int f(void)\n{\n\treturn 0;\n}\n';
    expect(sanitizeKernelC(text)).toBe(text);
  });

  test('blanks bare annotation words to spaces of the same length', () => {
    expect(sanitizeKernelC('void __iomem *p; struct s __rcu *q;')).toBe('void         *p; struct s       *q;');
    // Only whole words: an identifier that merely contains one stays.
    expect(sanitizeKernelC('int my__iomem_count;')).toBe('int my__iomem_count;');
  });

  test('blanks annotation macros with their (nested) arguments, keeping line breaks', () => {
    const text = 'int x __attribute__((aligned(8),\n\tpacked));\nvoid f(void) __acquires(rcu);\n';
    const out = sanitizeKernelC(text);
    const blank = (n: number) => ' '.repeat(n);
    expect(out).toBe(`int x ${blank('__attribute__((aligned(8),'.length)}\n${blank('\tpacked))'.length)};\n`
      + `void f(void) ${blank('__acquires(rcu)'.length)};\n`);
    expect(out).toHaveLength(text.length);
  });

  test('keeps the length and every line break of any text, and changes characters only to spaces', () => {
    const rng = createRng(5);
    const pieces = ['__iomem ', '__attribute__((', '__aligned(', '(', ')', '\n', '\r\n', 'x', ' ', '😀', 'é', '__rcu',
      'noinline ', '__acquires(a)', ';', '__user'];
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let j = rng.int(0, 40); j > 0; j--) text += rng.pick(pieces);
      const out = sanitizeKernelC(text);
      expect(out).toHaveLength(text.length);
      for (let k = 0; k < text.length; k++) {
        if (text[k] === '\n' || out[k] !== ' ') expect([k, out[k]]).toEqual([k, text[k]]);
      }
    }
  });
});
