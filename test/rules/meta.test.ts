// Every rule has a docs page with the fixed headings, bad and good fixtures, and sane metadata.
import { existsSync, readFileSync } from 'node:fs';
import { builtinRules } from '../../src/rules/index.js';
import { fixtureFiles } from './harness.js';

const HEADINGS = ['## What it finds', '## Why it is wrong', '## Example', '## Instead', '## References', '## Confidence'];

describe.each(builtinRules().map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  test('has a docs page with the fixed headings', () => {
    const path = `docs/rules/${id}.md`;
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    for (const h of HEADINGS) expect(text).toContain(h);
    expect(rule.meta.docsUrl.endsWith(`docs/rules/${id}.md`)).toBe(true);
  });
  test('has bad and good fixtures', () => {
    const files = fixtureFiles(id);
    expect(files.some((f) => f.startsWith('bad-'))).toBe(true);
    expect(files.some((f) => f.startsWith('good-'))).toBe(true);
  });
  test('has metadata', () => {
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(['error', 'warning', 'info']).toContain(rule.meta.defaultSeverity);
    expect(rule.meta.catalogue.length).toBeGreaterThan(0);
  });
});

test('the README rules table lists every rule', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const r of builtinRules()) expect(readme).toContain(`[\`${r.meta.id}\`](docs/rules/${r.meta.id}.md)`);
});
