// zone-device-pgmap-ref: the hunk-fragment inference and its guards, and the certainty split.
import { findingsOf, hunkPatch, newFilePatch } from './patch-builders.js';

const fragment = (errorPath: string[]) => hunkPatch('drivers/x/m.c', 'static int m_mmap(struct m *m, struct vm_area_struct *vma)', 40, [
  ' \t\terr = vm_insert_page(vma, addr, virt_to_page(kaddr));',
  ' \t\tif (err) {',
  ...errorPath,
  ' \t\t\treturn err;',
  ' \t\t}',
  ' \t\tpercpu_ref_get(ref);',
]);

describe('zone-device-pgmap-ref', () => {
  test('a fragment that frees pool memory on the error path but keeps the reference is likely', async () => {
    const found = await findingsOf('zone-device-pgmap-ref', fragment(['+\t\t\tgen_pool_free(m->pool, (unsigned long)kaddr, len);']));
    expect(found.map((f) => [f.line, f.severity, f.kind])).toEqual([[43, 'warning', 'introduces']]);
    expect(found[0].suggestion?.replacement).toBe('\t\t\tpercpu_ref_put(ref);\n\t\t\treturn err;');
  });

  test('without an unwinding call or a genalloc/pgmap link the fragment is not judged', async () => {
    expect(await findingsOf('zone-device-pgmap-ref', fragment(['+\t\t\tpr_debug("insert failed\\n");']))).toEqual([]);
  });

  test('a visible tryget leaked on an error path that another path puts is certain', async () => {
    const found = await findingsOf('zone-device-pgmap-ref', newFilePatch('drivers/x/n.c', `// SPDX-License-Identifier: GPL-2.0
int n_use(struct n *n)
{
	int ret;

	if (!percpu_ref_tryget_live(&n->pgmap.ref))
		return -ENODEV;
	ret = n_prepare(n);
	if (ret < 0)
		return ret;
	n_run(n);
	percpu_ref_put(&n->pgmap.ref);
	return 0;
}
`));
    expect(found.map((f) => [f.line, f.severity])).toEqual([[10, 'error']]);
    expect(found[0].evidence.map((e) => e.line)).toEqual([6, 9, 10, 12]);
  });

  test("a reference stored straight into the caller's context is handed over", async () => {
    expect(await findingsOf('zone-device-pgmap-ref', newFilePatch('mm/o.c', `// SPDX-License-Identifier: GPL-2.0
int o_follow(struct o_ctx *ctx, unsigned long pfn)
{
	ctx->pgmap = get_dev_pagemap(pfn, ctx->pgmap);
	if (!ctx->pgmap)
		return -EFAULT;
	if (o_busy(ctx))
		return -EBUSY;
	return 0;
}
`))).toEqual([]);
  });
});
