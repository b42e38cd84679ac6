// rcu-imbalance: certainty, suggestions and the cases the fixtures cannot express (hunk gaps, misparsed macros).
import { findingsOf, hunkPatch, newFilePatch } from './patch-builders.js';

const file = (body: string) => `// SPDX-License-Identifier: GPL-2.0
#include <linux/rcupdate.h>

${body}
`;

describe('rcu-imbalance', () => {
  test('an error return inside the section is certain and comes with an unlock suggestion', async () => {
    const found = await findingsOf('rcu-imbalance', newFilePatch('drivers/x/a.c', file(`int f(struct x *x)
{
	struct y *y;

	rcu_read_lock();
	y = rcu_dereference(x->y);
	if (!y) {
		return -ENOENT;
	}
	x->v = y->v;
	rcu_read_unlock();
	return 0;
}`)));
    expect(found.map((f) => [f.line, f.severity, f.kind])).toEqual([[11, 'error', 'introduces']]);
    expect(found[0].suggestion?.replacement).toBe('\t\trcu_read_unlock();\n\t\treturn -ENOENT;');
    expect(found[0].evidence.map((e) => e.line)).toEqual([8, 11, 14]);
  });

  test('a success return that keeps the section while another path unlocks is a likely conditional hand-over', async () => {
    const found = await findingsOf('rcu-imbalance', newFilePatch('drivers/x/b.c', file(`void *f(struct x *x)
{
	rcu_read_lock();
	if (x->ok)
		return x->obj;
	rcu_read_unlock();
	return NULL;
}`)));
    expect(found.map((f) => [f.line, f.severity])).toEqual([[8, 'warning']]);
    expect(found[0].message).toMatch(/closed on another path \(line 9\)/);
  });

  test('a gap between two hunks may hold the unlock: no finding', async () => {
    // Hunk 1 shows the lock, hunk 2 the return; the lines in between are not in the diff.
    const patch = `From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
From: Test Author <test@example.org>
Date: Wed, 15 Oct 2025 09:00:00 +0000
Subject: [PATCH] x: two hunks

Two hunks of one function.

Signed-off-by: Test Author <test@example.org>
---
diff --git a/drivers/x/c.c b/drivers/x/c.c
index 1111111..2222222 100644
--- a/drivers/x/c.c
+++ b/drivers/x/c.c
@@ -20,4 +20,5 @@ int f(struct x *x)
 	rcu_read_lock();
+	x->hits++;
 	y = rcu_dereference(x->y);
 	x->v = y->v;
 	x->w = y->w;
@@ -40,4 +41,4 @@ int f(struct x *x)
 	x->z = 1;
-	return 1;
+	return 0;
 }
 
--
2.43.0
`;
    expect(await findingsOf('rcu-imbalance', patch)).toEqual([]);
  });

  test('a macro loop the parser misreads hides the unlock: the function is not judged', async () => {
    const found = await findingsOf('rcu-imbalance', newFilePatch('mm/d.c', file(`static void pick(struct oc *oc)
{
	struct task_struct *p;

	rcu_read_lock();
	for_each_process(p)
		if (evaluate(p, oc))
			break;
	rcu_read_unlock();
}`)));
    expect(found).toEqual([]);
  });

  test('a hunk that only shows the unlock of a section opened above it is silent', async () => {
    const patch = hunkPatch('drivers/x/e.c', 'static int route(struct q *q)', 50, [
      ' \t\ttype = e->type;',
      ' \trcu_read_unlock();',
      '+\tif (type == UNKNOWN)',
      '+\t\treturn calc(q);',
      ' \treturn type;',
      ' }',
    ]);
    expect(await findingsOf('rcu-imbalance', patch)).toEqual([]);
  });
});
