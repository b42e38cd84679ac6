// zone-device-refcount: the convention check depends on the target kernel and on what the patch adds.
import { findingsOf } from './patch-builders.js';

const removal = (date: string, extraDaxLine = '') => `From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
From: Test Author <test@example.org>
Date: ${date}
Subject: [PATCH] mm: free device pages at zero

Drop the extra reference.

Signed-off-by: Test Author <test@example.org>
---
diff --git a/include/linux/mm.h b/include/linux/mm.h
index 1111111..2222222 100644
--- a/include/linux/mm.h
+++ b/include/linux/mm.h
@@ -10,5 +10,1 @@ struct page;
-static inline bool page_is_devmap_managed(struct page *page)
-{
-	return is_zone_device_page(page);
-}
 
diff --git a/fs/dax.c b/fs/dax.c
index 3333333..4444444 100644
--- a/fs/dax.c
+++ b/fs/dax.c
@@ -30,4 +30,${extraDaxLine ? 5 : 4} @@ static struct page *dax_busy(void *entry)
 	for_each_mapped_pfn(entry, pfn) {
 		struct page *page = pfn_to_page(pfn);
${extraDaxLine}-		if (page_ref_count(page) > 1)
+		if (page_ref_count(page) > 0)
 			return page;
--
2.43.0
`.replace(/\n\n--\n/, '\n--\n');

describe('zone-device-refcount', () => {
  test('removing the devmap-managed helpers while DAX judges pages by their refcount is reported in its era', async () => {
    const found = await findingsOf('zone-device-refcount', removal('Thu, 10 Feb 2022 10:00:00 +0000'));
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['fs/dax.c', 32, 'warning']]);
    expect(found[0].evidence[0]).toMatchObject({ file: 'include/linux/mm.h', line: 10, side: 'old' });
  });

  test("on a kernel where the helpers are already gone the same change is the tree's convention", async () => {
    expect(await findingsOf('zone-device-refcount', removal('Thu, 10 Feb 2022 10:00:00 +0000'), { kernel: '6.18' })).toEqual([]);
  });

  test('a patch that also makes DAX take a page reference is not reported', async () => {
    const withRef = removal('Thu, 10 Feb 2022 10:00:00 +0000', '+\t\tfolio_get(page_folio(page));\n');
    expect(await findingsOf('zone-device-refcount', withRef)).toEqual([]);
  });
});
