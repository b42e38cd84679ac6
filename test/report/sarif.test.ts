// SARIF reporter: schema-valid (official 2.1.0 schema), rules table, fingerprints, evidence, fixes, errors.
import type * as Sarif from 'sarif';
import { formatSarif, SARIF_FINGERPRINT_KEY } from '../../src/report/sarif.js';
import type { ReviewResult } from '../../src/types.js';
import { loadFixture, shuffled } from './fixture.js';
import { sarifSchemaErrors, sarifSchemaErrorsDraft04 } from './sarif-schema.js';

const render = (result: ReviewResult = loadFixture(), baseUri?: string): Sarif.Log =>
  JSON.parse(formatSarif(result, { toolVersion: '0.1.0', baseUri }));

const emptyResult = (): ReviewResult => ({
  findings: [],
  errors: [],
  notes: [],
  rules: [],
  stats: {
    inputs: 1, patches: 1, quotedPatches: 0, coverLetters: 0, files: 1, hunks: 1, linesChecked: 10,
    findings: 0, errors: 0, warnings: 0, infos: 0, timings: {},
  },
});

describe('schema validation', () => {
  test('the shared findings render to a log the official schema accepts', () => {
    expect(sarifSchemaErrors(render())).toEqual([]);
    expect(sarifSchemaErrors(render(loadFixture(), 'file:///src/linux'))).toEqual([]);
  });

  test('an empty review is valid too', () => {
    expect(sarifSchemaErrors(render(emptyResult()))).toEqual([]);
  });

  test('the validator rejects broken logs (so the checks above can fail)', () => {
    const broken: [string, (log: Sarif.Log) => void, RegExp][] = [
      ['wrong version', (log) => ((log as { version: string }).version = '2.0.0'), /\/version: must be equal to one of the allowed values/],
      ['unknown level', (log) => ((log.runs[0].results![0] as { level: string }).level = 'fatal'), /results\/0\/level/],
      ['line 0', (log) => (log.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0), /startLine: must be >= 1/],
      ['no driver name', (log) => delete (log.runs[0].tool.driver as { name?: string }).name, /driver: must have required property 'name'/],
      ['message without text', (log) => (log.runs[0].results![0].message = {}), /message: must match a schema in anyOf|must have required property/],
      ['extra top-level key', (log) => ((log as unknown as Record<string, unknown>).findings = []), /must NOT have additional properties/],
    ];
    for (const [, breakIt, expected] of broken) {
      const log = render();
      breakIt(log);
      const errors = sarifSchemaErrors(log);
      expect(errors.join('\n')).toMatch(expected);
    }
  });
});

describe('formatSarif', () => {
  test('snapshot of the shared findings', () => {
    expect(formatSarif(loadFixture(), { toolVersion: '0.1.0' })).toMatchSnapshot();
  });

  test('rules table: sorted, with help URIs, levels and catalogue; rules without metadata are synthesised', () => {
    const driver = render().runs[0].tool.driver;
    expect(driver.name).toBe('p2pdma-review');
    expect(driver.version).toBe('0.1.0');
    const ids = driver.rules!.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain('sg-dma-len-after-unmap'); // only a finding names it
    const sg = driver.rules!.find((r) => r.id === 'sg-nonpage-memory')!;
    expect(sg).toMatchObject({
      name: 'SgNonpageMemory',
      helpUri: 'https://github.com/p2pdma-review/p2pdma-review/blob/main/docs/rules/sg-nonpage-memory.md',
      defaultConfiguration: { level: 'error' },
      properties: { catalogue: ['SG-001'], certainty: 'certain', tags: ['correctness', 'linux-kernel', 'scatterlist'] },
    });
    expect(sg.shortDescription!.text).toBe('Memory without a struct page (MMIO, ioremap, PFNMAP) put into a scatterlist');
    const merge = driver.rules!.find((r) => r.id === 'zone-device-merge')!;
    expect(merge.defaultConfiguration!.level).toBe('warning');
    expect(merge.properties!.tags).toEqual(['correctness', 'linux-kernel', 'scatterlist', 'mm']);
  });

  test('every result points at its rule and carries the fingerprint and provenance', () => {
    const run = render().runs[0];
    const fixture = loadFixture();
    expect(run.results).toHaveLength(fixture.findings.length);
    for (const r of run.results!) {
      expect(run.tool.driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
      const f = fixture.findings.find((x) => x.fingerprint === r.partialFingerprints![SARIF_FINGERPRINT_KEY])!;
      expect(f).toBeDefined();
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.locations![0].physicalLocation!.artifactLocation!.uri).toBe(f.file);
      expect(r.locations![0].physicalLocation!.region!.endLine).toBe(f.line);
      expect(r.properties).toMatchObject({ certainty: f.certainty, quoted: f.quoted, input: f.input, patch: f.patch });
      expect(r.relatedLocations ?? []).toHaveLength(f.evidence.length);
    }
  });

  test('levels: error/warning as is, info → note, a "fixes" finding → informational with level none', () => {
    const levels = Object.fromEntries(render().runs[0].results!.map((r) => [r.ruleId, [r.kind ?? 'fail', r.level]]));
    expect(levels).toEqual({
      'sg-nonpage-memory': ['fail', 'error'],
      'dma-map-sg-negative-check': ['fail', 'warning'],
      'dma-on-stack': ['informational', 'none'],
      'p2p-bar-as-dma-addr': ['fail', 'error'],
      'sg-dma-len-after-unmap': ['fail', 'warning'],
      'zone-device-merge': ['fail', 'note'],
    });
  });

  test('evidence becomes related locations with notes; suggestions become fixes', () => {
    const results = render().runs[0].results!;
    const sg = results.find((r) => r.ruleId === 'sg-nonpage-memory')!;
    expect(sg.relatedLocations!.map((l) => [l.id, l.physicalLocation!.region!.startLine, l.message!.text])).toEqual([
      [1, 1979, 'dev->cmb_addr = pci_ioremap_wc_bar(...): __iomem MMIO'],
      [2, 812, 'passed to sg_set_buf(), which calls virt_to_page()'],
    ]);
    const neg = results.find((r) => r.ruleId === 'dma-map-sg-negative-check')!;
    expect(neg.fixes).toEqual([
      {
        description: { text: 'Replace line 820 (behaviour-preserving)' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'drivers/nvme/host/pci.c' },
            replacements: [{ deletedRegion: { startLine: 820, endLine: 820 }, insertedContent: { text: '\tif (!nents)' } }],
          },
        ],
      },
    ]);
  });

  test('markdown messages escape kernel identifiers outside code spans', () => {
    const sg = render().runs[0].results!.find((r) => r.ruleId === 'sg-nonpage-memory')!;
    expect(sg.message.text).toMatch(/^sg_set_buf\(\) is given dev->cmb_addr, an __iomem pointer/);
    expect(sg.message.markdown).toMatch(/^sg\\_set\\_buf\(\) is given dev-\\>cmb\\_addr, an \\_\\_iomem pointer/);
    const neg = render().runs[0].results!.find((r) => r.ruleId === 'dma-map-sg-negative-check')!;
    expect(neg.message.markdown).toContain('the `nents < 0` test');
  });

  test('input errors and notes are tool execution notifications; the run is not successful', () => {
    const invocation = render().runs[0].invocations![0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications!.map((n) => [n.level, n.message.text])).toEqual([
      ['error', 'broken/truncated.patch: hunk @@ -40,7 +40,9 @@ at line 14 declares 9 new lines but the input ends after 5 (truncated hunk?)'],
      ['error', 'broken/latin1.eml: not valid UTF-8 at byte 312 and no charset declared'],
      ['note', 'series/dmabuf-p2p.mbox: [PATCH v2 0/2] is a cover letter: no diff to review'],
    ]);
    expect(render(emptyResult()).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });

  test('baseUri becomes the SRCROOT base id (with the trailing slash SARIF requires)', () => {
    const run = render(loadFixture(), 'file:///src/linux').runs[0];
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///src/linux/' } });
    expect(run.results![0].locations![0].physicalLocation!.artifactLocation).toEqual({ uri: 'drivers/nvme/host/pci.c', uriBaseId: 'SRCROOT' });
    expect(render().runs[0].originalUriBaseIds).toBeUndefined();
  });

  test('odd file names are percent-encoded into valid URI references', () => {
    const result = loadFixture();
    result.findings = [{ ...result.findings[1], file: 'drivers/my dir/a#b.c' }];
    const log = render(result);
    expect(log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toBe('drivers/my%20dir/a%23b.c');
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  test('a relative docs URL is kept out of helpUri (which must be absolute) but stays in the help text', () => {
    const result = loadFixture();
    result.rules = [{ ...result.rules[0], docsUrl: 'docs/rules/sg-nonpage-memory.md' }];
    const log = render(result);
    const rule = log.runs[0].tool.driver.rules!.find((r) => r.id === 'sg-nonpage-memory')!;
    expect(rule.helpUri).toBeUndefined();
    expect(rule.help!.text).toContain('docs/rules/sg-nonpage-memory.md');
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  test('same findings in another order → byte-identical output', () => {
    const result = loadFixture();
    const opts = { toolVersion: '0.1.0' };
    expect(formatSarif({ ...result, findings: shuffled(result.findings), rules: shuffled(result.rules) }, opts)).toBe(formatSarif(result, opts));
  });
});

describe('cross-check: the same schema under native draft-04 rules (Ajv 6, as @microsoft/jest-sarif uses it)', () => {
  const draft04 = sarifSchemaErrorsDraft04;
  // jest-sarif's own matcher cannot load here (its tslib dependency is not installed), so its Ajv 6 is used directly.
  const maybe = draft04 ? test : test.skip;
  maybe('accepts our logs and rejects a broken one', () => {
    expect(draft04!(render())).toEqual([]);
    expect(draft04!(render(loadFixture(), 'file:///src/linux'))).toEqual([]);
    expect(draft04!(render(emptyResult()))).toEqual([]);
    const broken = render();
    broken.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0;
    expect(draft04!(broken).join('\n')).toMatch(/startLine/);
  });
});
