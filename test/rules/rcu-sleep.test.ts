// rcu-sleep: suggestions, certainty of inferred sections, and the hunk-header case that depends on the C layer.
import { findingsOf, hunkPatch, newFilePatch } from './patch-builders.js';

describe('rcu-sleep', () => {
  test('a GFP_KERNEL mask on its own line is suggested as GFP_ATOMIC', async () => {
    const found = await findingsOf('rcu-sleep', newFilePatch('drivers/x/a.c', `// SPDX-License-Identifier: GPL-2.0
int f(struct p *p, unsigned long i)
{
	rcu_read_lock();
	xa_store(&p->xa, i, xa_mk_value(1),
		 GFP_KERNEL);
	rcu_read_unlock();
	return 0;
}
`));
    expect(found.map((f) => [f.line, f.severity])).toEqual([[5, 'error']]);
    expect(found[0].suggestion).toMatchObject({ startLine: 6, endLine: 6, replacement: '\t\t GFP_ATOMIC);', safety: 'review' });
  });

  test('a section opened above the hunk makes the finding likely', async () => {
    const found = await findingsOf('rcu-sleep', hunkPatch('drivers/x/b.c', 'static int g(struct z *z)', 30, [
      ' \te = rcu_dereference(z->e);',
      '+\tz->c = kmemdup(e->d, e->n, GFP_NOIO);',
      ' \trcu_read_unlock();',
    ]));
    expect(found.map((f) => [f.line, f.severity])).toEqual([[31, 'warning']]);
  });

  test('the fix of a sleep whose section began above the hunk is reported as a fix', async () => {
    const found = await findingsOf('rcu-sleep', hunkPatch('drivers/x/c.c', 'static int h(struct z *z)', 60, [
      ' \tp = rcu_dereference(z->p);',
      ' \tif (p)',
      '-\t\txa_store(&p->t, 1, xa_mk_value(2), GFP_KERNEL);',
      '+\t\txa_store(&p->t, 1, xa_mk_value(2), GFP_ATOMIC);',
      ' \trcu_read_unlock();',
      ' \treturn 0;',
    ]));
    expect(found.map((f) => [f.kind, f.line, f.side])).toEqual([['fixes', 62, 'old']]);
  });

  // Git prints only the first line of a multi-line function header as the hunk's section
  // (`calc(struct a *a, struct b *b,` — no return type, unbalanced parenthesis); src/c/images.ts completes it.
  test('a hunk whose section line is a truncated multi-line header still shows its sleep', async () => {
    const found = await findingsOf('rcu-sleep', hunkPatch('drivers/x/d.c', 'calc(struct a *a, struct b *b,', 80, [
      ' \tp = rcu_dereference(a->p);',
      ' \tif (p)',
      '-\t\txa_store(&p->t, 1, xa_mk_value(2), GFP_KERNEL);',
      '+\t\txa_store(&p->t, 1, xa_mk_value(2), GFP_ATOMIC);',
      ' \trcu_read_unlock();',
      ' \treturn 0;',
      ' }',
    ]));
    expect(found.map((f) => f.kind)).toEqual(['fixes']);
  });
});
