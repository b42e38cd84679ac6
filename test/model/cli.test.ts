// `p2pdma-review model …`: explain, import, memmap, platforms, contract, kind, api; usage errors
// exit 2, bad inputs exit 1 with a message naming the input.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { explainPair, loadPlatform, loadTopology } from '../../src/model/index.js';
import { runModelCommand } from '../../src/model/cli.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Sink();
  const err = new Sink();
  const code = await runModelCommand(argv, out, err);
  return { code, out: out.text, err: err.text };
}

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/model/lspci/${name}`, import.meta.url));

describe('model explain', () => {
  test('text: one or two sentences, then the path and the DMA facts', async () => {
    const r = await run('explain', '--platform', 'x86_64-vtd', '--provider', '0000:03:00.0', '--client', '0000:04:00.0');
    expect(r.code).toBe(0);
    const [summary, path] = r.out.split('\n');
    expect(summary).toMatch(
      /^THRU_HOST_BRIDGE on x86_64-vtd: provider 0000:03:00\.0 and client 0000:04:00\.0 meet at switch 0000:01:00\.0, but ACS redirect is enabled on 0000:02:00\.0 and 0000:02:01\.0 \(the IOMMU requests it\); host bridge 8086:2030 is allow-listed, so the DMA API maps the BAR through the IOMMU/,
    );
    expect(summary!.split(/[.;] /).length).toBeLessThanOrEqual(3);
    expect(path).toBe('path: 0000:03:00.0 → 0000:02:00.0(RR|CR) → [0000:01:00.0] ← 0000:02:01.0(RR|CR) ← 0000:04:00.0');
    expect(r.out).toMatch(/pci=disable_acs_redir=0000:02:00.0;0000:02:01.0/);
  });

  test('json matches explainPair()', async () => {
    const r = await run('explain', '--platform', 'arm64-smmu', '--provider', 'nvme-cmb', '--client', 'nic', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as ReturnType<typeof explainPair>;
    expect(j).toEqual(JSON.parse(JSON.stringify(explainPair(loadPlatform('arm64-smmu'), 'nvme-cmb', 'nic'))));
    expect(j).toMatchObject({ mapType: 'NOT_SUPPORTED', dmaOutcome: 'eremoteio', distance: -1 });
  });

  test('--kernel selects the allow-list and regressions; --acs-rule the ACS evaluation', async () => {
    const r = await run('explain', '--platform', 'x86_64-switch-noiommu', '--provider', 'nvme0', '--client', 'nvme1', '--kernel', '6.17');
    expect(r.out).toMatch(/known regression .*d0d08f4bd7f6/);
    const d = await run('explain', '--platform', 'x86_64-vtd', '--provider', 'nvme-cmb', '--client', 'rnic', '--acs-rule', 'direction-aware');
    expect(d.out).toMatch(/^THRU_HOST_BRIDGE/);
  });

  test('usage errors exit 2 and name the problem', async () => {
    const missing = await run('explain', '--platform', 'x86_64-vtd', '--provider', 'nvme-cmb');
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.err).toMatch(/`model explain` needs --client/);
    expect((await run('explain', '--platform', 'x86_64-vtd', '--provider', 'a', '--client', 'b', '--colour', 'red')).err).toMatch(/unknown option --colour/);
    expect((await run('explain', '--platform', 'x86_64-vtd', '--provider', 'a', '--client', 'b', '--format', 'xml')).code).toBe(2);
    expect((await run('explain', '--platform', 'x86_64-vtd', '--provider', 'a', '--client', 'b', '--kernel', 'new')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run('help')).code).toBe(0);
  });

  test('bad inputs exit 1 with the reason', async () => {
    const r = await run('explain', '--platform', 'no-such-platform', '--provider', 'a', '--client', 'b');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown platform "no-such-platform"/);
    const d = await run('explain', '--platform', 'x86_64-vtd', '--provider', 'nvme-cmb', '--client', '0000:77:00.0');
    expect(d.code).toBe(1);
    expect(d.err).toMatch(/unknown device "0000:77:00.0"/);
  });
});

describe('model import', () => {
  test('prints a YAML topology that loads and warns on stderr', async () => {
    const r = await run('import', fixture('skylake-switch.tree.txt'), fixture('skylake-switch.vvv.txt'), '--providers', '0000:1a:00.0', '--name', 'lab');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: IOMMU on inferred/m);
    const topo = loadTopology(r.out, 'import output');
    expect(topo.name).toBe('lab');
    expect(topo.devices.length).toBe(19);
  });

  test('--out writes the file and prints the canonical summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p2pdma-import-'));
    const file = join(dir, 'machine.yml');
    const r = await run('import', fixture('skylake-switch.tree.txt'), fixture('skylake-switch.vvv.txt'), '--providers', '1a:00.0', '--out', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote .*machine\.yml \(19 devices\)/);
    expect(r.out).toMatch(/THRU_HOST_BRIDGE on imported/);
    expect(readFileSync(file, 'utf8')).toMatch(/^# PCIe topology imported/);
    // The file works as --platform.
    const e = await run('explain', '--platform', file, '--provider', '1a:00.0', '--client', '1b:00.0');
    expect(e.code).toBe(0);
    expect(e.out).toMatch(/^THRU_HOST_BRIDGE on imported/);
  });

  test('malformed lspci output exits 1 naming the line', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'p2pdma-bad-')), 'tree.txt');
    (await import('node:fs')).writeFileSync(bad, '-[0000:00]-+-00.0  A\n     +-01.0  B\n');
    const r = await run('import', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 2: branch at column 6 has no parent branch/);
  });

  test('usage: files and options', async () => {
    expect((await run('import')).code).toBe(2);
    expect((await run('import', 'a', 'b', 'c')).code).toBe(2);
    expect((await run('import', fixture('skylake-switch.tree.txt'), '--iommu', 'maybe')).err).toMatch(/--iommu must be on or off/);
    expect((await run('import', fixture('skylake-switch.tree.txt'), '--cpu', 'zilog')).err).toMatch(/--cpu "zilog"/);
    expect((await run('import', '/nonexistent/tree.txt')).err).toMatch(/cannot read lspci tree "\/nonexistent\/tree.txt"/);
  });
});

describe('model memmap / platforms / contract / kind / api', () => {
  test('memmap --size 128G --page-size 4K → 2 GiB', async () => {
    const r = await run('memmap', '--size', '128G', '--page-size', '4K');
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/^128 GiB at 4 KiB pages needs 2 GiB of memmap/);
    const j = await run('memmap', '--size=16G', '--page-size=64K', '--format=json');
    expect(JSON.parse(j.out)).toMatchObject({ memmapBytes: 16 * 2 ** 20, pages: 262144 });
    expect((await run('memmap', '--size', 'lots')).code).toBe(2);
    expect((await run('memmap')).err).toMatch(/needs --size/);
  });

  test('platforms lists every bundled profile with its canonical outcome', async () => {
    const r = await run('platforms', '--format', 'json');
    const rows = JSON.parse(r.out) as { name: string; dmaOutcome: string }[];
    expect(rows.map((x) => x.name)).toContain('ppc64-custom-ops');
    expect(rows.find((x) => x.name === 'ppc64-custom-ops')!.dmaOutcome).toBe('unsupported-dma-ops');
    expect((await run('platforms')).out).toMatch(/x86_64-vtd\n {2}Intel Xeon/);
  });

  test('contract, kind and api', async () => {
    expect((await run('contract', 'dma_map_sgtable')).out).toMatch(/errors: zero-success-negative-errno/);
    expect((await run('contract', 'nope_fn')).code).toBe(1);
    expect((await run('kind', 'stack', '--platform', 'x86_64-vtd')).out).toMatch(/linear: false/);
    expect((await run('kind', 'heap')).code).toBe(2);
    expect((await run('api', 'pfn_t_to_page', '--kernel', '6.12')).out).toMatch(/exists/);
    expect((await run('api', 'pfn_t_to_page')).out).toMatch(/does not exist[\s\S]*pfn_t was removed/);
  });
});
