// identifierOrder must sort exactly as localeCompare does (removed-api's choice of name depends on the order),
// without touching ICU at run time.
import { allContracts, identifierOrder, removedIdentifiers } from '../../src/model/catalogue.js';

const sign = (n: number) => Math.sign(n);

describe('identifierOrder', () => {
  test('agrees with localeCompare on every pair of catalogue names', () => {
    const names = [...new Set([...allContracts().map((c) => c.name), ...removedIdentifiers('99.0').map((r) => r.name)])];
    expect(names.length).toBeGreaterThan(300);
    const mismatches: string[] = [];
    for (const a of names) for (const b of names) if (sign(identifierOrder(a, b)) !== sign(a.localeCompare(b))) mismatches.push(`${a} ${b}`);
    expect(mismatches).toEqual([]);
  });

  test('agrees with localeCompare on random names stressing case, punctuation, digits and prefixes', () => {
    const alphabet = 'abAB_09zZ-./>' + '_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = word();
      const b = word();
      if (sign(identifierOrder(a, b)) !== sign(a.localeCompare(b))) mismatches.push(`${a} ${b}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('sorts every catalogue name without localeCompare (its first call initialises ICU)', () => {
    const names = [...new Set([...allContracts().map((c) => c.name), ...removedIdentifiers('99.0').map((r) => r.name)])];
    const original = String.prototype.localeCompare;
    let calls = 0;
    String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof original>) { calls++; return original.apply(this, args); };
    try {
      [...names].sort(identifierOrder);
    } finally {
      String.prototype.localeCompare = original;
    }
    expect(calls).toBe(0);
  });

  test('falls back to localeCompare outside identifiers', () => {
    expect(sign(identifierOrder('é', 'f'))).toBe(sign('é'.localeCompare('f')));
  });
});
