// Every registered rule against its own bad/good/fixes fixtures (see harness.ts for the conventions).
import { builtinRules } from '../../src/rules/index.js';
import { fixtureFiles, runFixture } from './harness.js';

for (const rule of builtinRules()) {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    for (const file of fixtureFiles(id)) {
      test(file, async () => {
        const o = await runFixture(id, file);
        expect(o.errors).toEqual([]);
        const introduced = o.findings.filter((f) => f.kind === 'introduces');
        if (o.kind === 'bad') expect(introduced.length).toBeGreaterThan(0);
        if (o.kind === 'good') expect(introduced).toEqual([]);
        if (o.kind === 'fixes') {
          expect(introduced).toEqual([]);
          expect(o.findings.some((f) => f.kind === 'fixes')).toBe(true);
        }
        for (const e of o.expected) {
          expect(introduced.map((f) => `${f.file}:${f.line}`)).toContain(`${e.file}:${e.line}`);
        }
        for (const e of o.forbidden) {
          expect(introduced.map((f) => `${f.file}:${f.line}`)).not.toContain(`${e.file}:${e.line}`);
        }
        // Every finding explains itself.
        for (const f of o.findings) {
          expect(f.message.length).toBeGreaterThan(20);
          expect(f.why).toBeTruthy();
          expect(f.instead).toBeTruthy();
          expect(f.references?.length).toBeGreaterThan(0);
        }
      });
    }
  });
}
