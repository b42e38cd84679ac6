// Cases of the scatterlist-group rules that fixtures cannot express: a configured target kernel, whole-file
// reviews (a driver-local wrapper whose body is outside the hunks), and the patch-era logic.
import { review } from '../../src/review.js';
import { defaultConfig } from '../../src/config/index.js';
import type { Config, Finding } from '../../src/types.js';
import { hunkPatch, newFilePatch } from './patch-builders.js';

async function run(text: string, config: Config = defaultConfig(), tree?: Record<string, string>): Promise<Finding[]> {
  const result = await review([{ name: 'test.patch', data: Buffer.from(text) }], {
    config,
    tree: tree ? { image: 'pre', read: async (p: string) => tree[p] } : undefined,
  });
  expect(result.errors).toEqual([]);
  return result.findings;
}

const withKernel = (kernel: string): Config => ({ ...defaultConfig(), kernel });

describe('zone-device-page-mapping: page->pgmap by target kernel', () => {
  const src = `#include <linux/memremap.h>

static bool demo_same_provider(struct page *page, struct dev_pagemap *pgmap)
{
	return page->pgmap == pgmap;
}
`;

  test('reported with a page_pgmap() suggestion when the configured kernel no longer has the field', async () => {
    const f = (await run(newFilePatch('drivers/misc/demo.c', src), withKernel('6.16'))).filter((x) => x.ruleId === 'zone-device-page-mapping');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 5, severity: 'error' });
    expect(f[0].message).toMatch(/page_pgmap/);
    expect(f[0].suggestion?.replacement).toBe('\treturn page_pgmap(page) == pgmap;');
  });

  test('silent for kernels that still have page->pgmap, and for old patches without a configured kernel', async () => {
    expect((await run(newFilePatch('drivers/misc/demo.c', src), withKernel('6.12'))).filter((x) => x.ruleId === 'zone-device-page-mapping')).toEqual([]);
    const old = newFilePatch('drivers/misc/demo.c', src, { date: 'Thu, 27 Jan 2022 17:26:09 -0700' });
    expect((await run(old)).filter((x) => x.ruleId === 'zone-device-page-mapping')).toEqual([]);
  });

  test('a patch dated after the rename is judged against its own era', async () => {
    const recent = newFilePatch('drivers/misc/demo.c', src, { date: 'Mon, 1 Sep 2025 10:00:00 +0000' });
    const f = (await run(recent)).filter((x) => x.ruleId === 'zone-device-page-mapping');
    expect(f.map((x) => x.line)).toEqual([5]);
  });
});

describe('zone-device-merge: one block merge path only', () => {
  const lines = [
    '\tif (xen_domain() && !xen_biovec_phys_mergeable(bv, page))',
    '\t\treturn false;',
    '+\tif (!zone_device_pages_have_same_pgmap(bv->bv_page, page))',
    '+\t\treturn false;',
    ' ',
  ].map((l) => (l.startsWith('+') || l.startsWith(' ') ? l : ` ${l}`));
  const section = 'static bool bvec_try_merge_page(struct bio_vec *bv, struct page *page,';

  test('reported for a patch written before the request-level path got the check', async () => {
    const p = hunkPatch('block/bio.c', section, 926, lines, { date: 'Wed, 9 Feb 2022 09:30:00 -0700' });
    const f = (await run(p)).filter((x) => x.ruleId === 'zone-device-merge');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', line: 928 });
    expect(f[0].message).toMatch(/biovec_phys_mergeable/);
  });

  test('silent once the sibling has the check in the target tree', async () => {
    const p = hunkPatch('block/bio.c', section, 926, lines, { date: 'Wed, 9 Feb 2022 09:30:00 -0700' });
    expect((await run(p, withKernel('7.1'))).filter((x) => x.ruleId === 'zone-device-merge')).toEqual([]);
  });
});

describe('dma-on-stack: driver-local wrapper outside the hunks', () => {
  const pre = `#include <linux/usb.h>
#include <linux/slab.h>

static int gizmo_control_in(struct usb_device *dev, u8 request, void *buf, u16 len)
{
	return usb_control_msg(dev, usb_rcvctrlpipe(dev, 0), request,
			       USB_TYPE_VENDOR | USB_RECIP_DEVICE | USB_DIR_IN,
			       0, 0, buf, len, 1000);
}

/* unrelated code between the helper and its caller */
static int gizmo_a(void) { return 1; }
static int gizmo_b(void) { return 2; }
static int gizmo_c(void) { return 3; }

static int gizmo_get_version(struct usb_device *dev, u16 *version)
{
	u8 *buf;
	int ret;

	ret = gizmo_control_in(dev, 0x5f, buf, 2);
	return ret;
}
`;
  const hunk = [
    ' static int gizmo_get_version(struct usb_device *dev, u16 *version)',
    ' {',
    '-\tu8 *buf;',
    '+\tu8 buf[2];',
    ' \tint ret;',
    ' ',
  ];

  test('with the whole file (--tree) the wrapper is summarised and the finding is certain', async () => {
    const p = hunkPatch('drivers/usb/serial/gizmo.c', '', 16, hunk);
    const f = (await run(p, defaultConfig(), { 'drivers/usb/serial/gizmo.c': pre })).filter((x) => x.ruleId === 'dma-on-stack');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', line: 21 });
    expect(f[0].message).toMatch(/usb_control_msg/);
    expect(f[0].evidence.map((e) => e.line)).toEqual(expect.arrayContaining([6, 18]));
  });

  test('from the hunks alone nothing is claimed without the removed heap allocation', async () => {
    const p = hunkPatch('drivers/usb/serial/gizmo.c', 'static int gizmo_get_version(struct usb_device *dev, u16 *version)', 17,
      [...hunk.slice(1), ' \tret = gizmo_control_in(dev, 0x5f, buf, 2);']);
    expect((await run(p)).filter((x) => x.ruleId === 'dma-on-stack')).toEqual([]);
  });
});
