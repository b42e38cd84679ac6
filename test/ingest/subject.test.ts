// Patch subject parsing: `[PATCH v5 03/24] subsys: title` and its many variants.

import { isReplySubject, parseSubject } from '../../src/ingest/index.js';

describe('parseSubject', () => {
  test.each([
    ['[PATCH v5 03/24] lib/scatterlist: add flag', { prefixes: ['PATCH'], version: 5, index: 3, total: 24, title: 'lib/scatterlist: add flag' }],
    ['[RFC PATCH 2/5] nvme: x', { prefixes: ['RFC', 'PATCH'], index: 2, total: 5, title: 'nvme: x' }],
    ['[-mm PATCH v4 14/18] mm, dax, pmem: introduce {get|put}_dev_pagemap()', { prefixes: ['-mm', 'PATCH'], version: 4, index: 14, total: 18, title: 'mm, dax, pmem: introduce {get|put}_dev_pagemap()' }],
    ['[PATCHv2 1/3] a: b', { prefixes: ['PATCH'], version: 2, index: 1, total: 3, title: 'a: b' }],
    ['[PATCH 1/3 v2] a: b', { prefixes: ['PATCH'], version: 2, index: 1, total: 3, title: 'a: b' }],
    ['[RFC][PATCH 1/2] a: b', { prefixes: ['RFC', 'PATCH'], index: 1, total: 2, title: 'a: b' }],
    ['[PATCH net-next v2] net: y', { prefixes: ['PATCH', 'net-next'], version: 2, title: 'net: y' }],
    ['[v2,2/2] misc: from patchwork', { prefixes: [], version: 2, index: 2, total: 2, title: 'misc: from patchwork' }],
    ['[PATCH V1] lib/scatterlist: upper-case V', { prefixes: ['PATCH'], version: 1, title: 'lib/scatterlist: upper-case V' }],
    ['[PATCH] dma: fix [sic] brackets in the title', { prefixes: ['PATCH'], title: 'dma: fix [sic] brackets in the title' }],
    ['no brackets at all', { prefixes: [], title: 'no brackets at all' }],
  ])('%s', (raw, expected) => {
    const info = parseSubject(raw);
    expect(info).toMatchObject({ raw, isCover: false, ...expected });
    for (const key of ['version', 'index', 'total'] as const) if (!(key in expected)) expect(info[key]).toBeUndefined();
  });

  test('strips reply markers, however many, but keeps them in raw', () => {
    const info = parseSubject('Re: RE: Fwd: [PATCH v5 2/5] allow mapping page-less memremaped areas into KVA');
    expect(info).toMatchObject({ version: 5, index: 2, total: 5, title: 'allow mapping page-less memremaped areas into KVA' });
    expect(info.raw.startsWith('Re: RE: Fwd: ')).toBe(true);
    expect(isReplySubject(info.raw)).toBe(true);
    expect(isReplySubject('[PATCH] Re-add the driver')).toBe(false);
  });

  test('joins a folded subject', () => {
    expect(parseSubject('[PATCH 1/2] misc: a long\n subject').raw).toBe('[PATCH 1/2] misc: a long subject');
  });

  test('[PATCH 0/N] is a cover letter; [PATCH 0/0] and [PATCH] are not', () => {
    expect(parseSubject('[PATCH v5 00/24] Userspace P2PDMA').isCover).toBe(true);
    expect(parseSubject('Re: [RFC PATCH 00/28] Removing struct page').isCover).toBe(true);
    expect(parseSubject('[PATCH 0/0] odd').isCover).toBe(false);
    expect(parseSubject('[PATCH] single').isCover).toBe(false);
  });
});
