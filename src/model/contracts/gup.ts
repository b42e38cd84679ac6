// Contracts of get_user_pages/pin_user_pages, iov_iter page extraction and user copies (§B.5).

import { p, type ApiContract, type ParamContract } from './types.js';
import { CPU_NORMAL, STRUCT_PAGE } from './kind-groups.js';

const MM_H = 'include/linux/mm.h';
const UIO_H = 'include/linux/uio.h';
const UACCESS_H = 'include/linux/uaccess.h';

const START = p('start', 'buffer', ['user']);
const NR = p('nr_pages', 'nents');
const FLAGS = p('gup_flags', 'flags');
const PAGES_OUT = p('pages', 'page', undefined, { out: true });
const MM = p('mm', 'other');
const LOCKED = p('locked', 'other');

const COUNT = { error: 'count-or-negative-errno', type: 'long' } as const;
const INT_COUNT = { error: 'count-or-negative-errno', type: 'int' } as const;

const GUP_NOTES =
  'Returns the number of pages pinned/referenced (possibly fewer than asked) or -errno. Without FOLL_PCI_P2PDMA, P2PDMA pages give -EREMOTEIO (slow path); VM_IO/VM_PFNMAP VMAs give -EFAULT.';

const get = (name: string, params: readonly ParamContract[], returns: ApiContract['returns'], extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'gup',
  params,
  returns,
  mightSleep: true,
  source: MM_H,
  misuse: 'using FOLL_GET pages as DMA targets (use pin_user_pages); unpin_user_page on the result (use put_page); ignoring a partial return (MM-005)',
  notes: GUP_NOTES,
  ...extra,
});

const pin = (name: string, params: readonly ParamContract[], returns: ApiContract['returns'], extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'gup',
  params,
  returns,
  mightSleep: true,
  source: MM_H,
  misuse:
    'put_page on the result (use unpin_user_page*); FOLL_LONGTERM | FOLL_PCI_P2PDMA (rejected, P2P-009); ignoring a partial return (MM-005)',
  notes: `${GUP_NOTES} FOLL_PIN is implied; release with unpin_user_page(s)(_dirty_lock).`,
  ...extra,
});

const unpin = (name: string, params: readonly ParamContract[]): ApiContract => ({
  name,
  category: 'gup',
  params,
  returns: { error: 'none', type: 'void' },
  source: MM_H,
  misuse: 'unpinning pages obtained with get_user_pages*/iov_iter_get_pages2 (those need put_page)',
});

/** GUP, iov_iter and uaccess contracts. */
export const GUP_CONTRACTS: readonly ApiContract[] = [
  get('get_user_pages', [START, NR, FLAGS, PAGES_OUT], COUNT, {
    notes: `${GUP_NOTES} The vmas argument was removed in ≈6.5.`,
  }),
  get('get_user_pages_fast', [START, p('nr_pages', 'nents'), FLAGS, PAGES_OUT], INT_COUNT),
  get('get_user_pages_fast_only', [START, p('nr_pages', 'nents'), FLAGS, PAGES_OUT], INT_COUNT, {
    mightSleep: false,
    notes: 'Never sleeps and never faults pages in: may return fewer pages (0 included) but no errno.',
  }),
  get('get_user_pages_remote', [MM, START, NR, FLAGS, PAGES_OUT, LOCKED], COUNT),
  get('get_user_pages_unlocked', [START, NR, PAGES_OUT, FLAGS], COUNT),
  pin('pin_user_pages', [START, NR, FLAGS, PAGES_OUT], COUNT),
  pin('pin_user_pages_fast', [START, p('nr_pages', 'nents'), FLAGS, PAGES_OUT], INT_COUNT),
  pin('pin_user_pages_remote', [MM, START, NR, FLAGS, PAGES_OUT, LOCKED], COUNT),
  pin('pin_user_pages_unlocked', [START, NR, PAGES_OUT, FLAGS], COUNT),
  unpin('unpin_user_page', [p('page', 'page', STRUCT_PAGE)]),
  unpin('unpin_user_pages', [p('pages', 'page', STRUCT_PAGE), p('npages', 'nents')]),
  unpin('unpin_user_pages_dirty_lock', [p('pages', 'page', STRUCT_PAGE), p('npages', 'nents'), p('make_dirty', 'other')]),
  unpin('unpin_user_page_range_dirty_lock', [p('page', 'page', STRUCT_PAGE), p('npages', 'nents'), p('make_dirty', 'other')]),
  {
    name: 'iov_iter_get_pages2',
    category: 'gup',
    params: [p('i', 'other'), PAGES_OUT, p('maxsize', 'size'), p('maxpages', 'nents'), p('start', 'size', undefined, { out: true })],
    returns: { error: 'count-or-negative-errno', type: 'ssize_t' },
    mightSleep: true,
    source: UIO_H,
    misuse: 'unpin_user_page on the result: it takes page references (release with put_page)',
    notes: 'Returns bytes covered (not pages) or -errno; takes references (FOLL_GET semantics) on user-backed iterators.',
  },
  {
    name: 'iov_iter_get_pages_alloc2',
    category: 'gup',
    params: [p('i', 'other'), p('pages', 'page', undefined, { out: true }), p('maxsize', 'size'), p('start', 'size', undefined, { out: true })],
    returns: { error: 'count-or-negative-errno', type: 'ssize_t' },
    mightSleep: true,
    source: UIO_H,
  },
  {
    name: 'iov_iter_extract_pages',
    category: 'gup',
    params: [p('i', 'other'), PAGES_OUT, p('maxsize', 'size'), p('maxpages', 'nents'), p('extraction_flags', 'flags'), p('offset0', 'size', undefined, { out: true })],
    returns: { error: 'count-or-negative-errno', type: 'ssize_t' },
    mightSleep: true,
    source: UIO_H,
    misuse: 'setting ITER_ALLOW_P2PDMA where the queue/device was not checked (blk_queue_pci_p2pdma) or the DMA path is not P2P-aware (P2P-010)',
    notes:
      'ITER_ALLOW_P2PDMA in extraction_flags becomes FOLL_PCI_P2PDMA. User-backed iterators are pinned (release with unpin_user_page when iov_iter_extract_will_pin()); bvec/kvec iterators are not.',
  },
  {
    name: 'iov_iter_extract_will_pin',
    category: 'gup',
    params: [p('iter', 'other')],
    returns: { error: 'none', type: 'bool' },
    source: UIO_H,
  },
  // ── user copies ──
  {
    name: 'copy_to_user',
    category: 'uaccess',
    params: [p('to', 'buffer', ['user']), p('from', 'buffer', CPU_NORMAL), p('n', 'size')],
    returns: { error: 'bytes-not-copied', type: 'unsigned long' },
    mightSleep: true,
    source: UACCESS_H,
    misuse: 'copying straight from __iomem or a P2PDMA KVA (bounce through memcpy_fromio first); returning the remainder as an errno',
  },
  {
    name: 'copy_from_user',
    category: 'uaccess',
    params: [p('to', 'buffer', CPU_NORMAL), p('from', 'buffer', ['user']), p('n', 'size')],
    returns: { error: 'bytes-not-copied', type: 'unsigned long' },
    mightSleep: true,
    source: UACCESS_H,
    misuse: 'copying straight into __iomem or a P2PDMA KVA; returning the remainder as an errno',
  },
  {
    name: 'get_user',
    category: 'uaccess',
    params: [p('x', 'other', undefined, { out: true }), p('ptr', 'buffer', ['user'])],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    mightSleep: true,
    source: UACCESS_H,
  },
  {
    name: 'put_user',
    category: 'uaccess',
    params: [p('x', 'other'), p('ptr', 'buffer', ['user'])],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    mightSleep: true,
    source: UACCESS_H,
  },
];
