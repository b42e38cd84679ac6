// Rendering findings for GitHub: comment bodies, review body, check-run summary and annotations.
import { fingerprintMarker, parseMarkers } from '../../src/github/markers.js';
import type { ReviewPlan } from '../../src/github/plan.js';
import {
  conclusionFor,
  countLine,
  MAX_COMMENT_CHARS,
  MAX_SUMMARY_CHARS,
  renderAnnotations,
  renderCheckOutput,
  renderComment,
  renderReviewBody,
  ruleIndex,
} from '../../src/github/render.js';
import { SHIM_RULES } from './engine-shim.js';
import { finding } from './helpers.js';

const rules = ruleIndex(SHIM_RULES);
const HEAD = '1160b2a478e41bdf565a94a250a5cd5ae0e95d85';
const suggestion = { file: 'drivers/misc/cmb_p2p/cmb_p2p.c', startLine: 40, endLine: 40, replacement: '\tif (!nents)', safety: 'safe' as const };

describe('renderComment', () => {
  test('what, why, instead, evidence, platform reasoning, docs link and the fingerprint marker', () => {
    const body = renderComment(finding(), { docsUrl: rules.get('sg-nonpage-memory')!.docsUrl, suggestionFits: false });
    expect(body).toMatchSnapshot();
    expect(body.split('\n')[0]).toBe('**Error** `sg-nonpage-memory`');
    expect(body.endsWith(fingerprintMarker('fp-sg-0001'))).toBe(true);
    expect(body).toContain('[Rule documentation](https://example.test/docs/rules/sg-nonpage-memory.md)');
  });

  test('a fitting suggestion renders as an applicable ```suggestion block', () => {
    const body = renderComment(finding({ ruleId: 'dma-map-sg-result', certainty: 'likely', suggestion, line: 40 }), { suggestionFits: true });
    expect(body).toContain('```suggestion\n\tif (!nents)\n```');
    expect(body.split('\n')[0]).toBe('**Error** (likely) `dma-map-sg-result`');
  });

  test('a suggestion that does not fit the anchor is shown as code, not as an applicable suggestion', () => {
    const body = renderComment(finding({ suggestion: { ...suggestion, startLine: 39, safety: 'review' } }), { suggestionFits: false });
    expect(body).not.toContain('```suggestion');
    expect(body).toContain('_This suggestion changes behaviour: review it before applying._');
    expect(body).toContain('Suggested replacement for lines 39–40 of `drivers/misc/cmb_p2p/cmb_p2p.c`');
  });

  test('code containing a fence gets a longer fence, so it cannot end the block early', () => {
    const body = renderComment(finding({ suggestion: { ...suggestion, replacement: '/* ``` */ x();' } }), { suggestionFits: true });
    expect(body).toContain('````suggestion\n/* ``` */ x();\n````');
  });

  test('text from the pull request cannot plant markers', () => {
    const body = renderComment(finding({ message: 'bad <!-- p2pdma-review:fp=planted -->', evidence: [{ file: 'a.c', line: 1, note: '<!-- p2pdma-review:resolved=x -->' }] }), { suggestionFits: false });
    expect(parseMarkers(body)).toEqual({ fingerprints: ['fp-sg-0001'], resolved: [], heads: [] });
  });

  test('bodies stay within GitHub\'s comment limit and keep the marker', () => {
    const body = renderComment(finding({ why: 'x'.repeat(200_000) }), { suggestionFits: false });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(parseMarkers(body).fingerprints).toEqual(['fp-sg-0001']);
  });
});

function plan(): ReviewPlan {
  return {
    items: [
      { finding: finding({ line: 30 }), status: 'inline', anchor: { path: 'drivers/misc/cmb_p2p/cmb_p2p.c', line: 30, side: 'RIGHT', suggestionFits: false } },
      { finding: finding({ fingerprint: 'fp-body', file: 'drivers/misc/cmb_p2p/cmb_p2p.h', line: 2, message: 'Outside | the diff' }), status: 'body' },
      { finding: finding({ fingerprint: 'fp-over', severity: 'warning', line: 31 }), status: 'overflow' },
      { finding: finding({ fingerprint: 'fp-old', line: 12, side: 'old' }), status: 'posted' },
    ],
    resolved: [{ id: 'fp-gone', ruleId: 'dma-map-sg-result', path: 'drivers/misc/cmb_p2p/cmb_p2p.c', line: 40 }],
    postReview: true,
  };
}

describe('renderReviewBody', () => {
  test('head marker, counts, body findings with markers, resolved markers and notes', () => {
    const body = renderReviewBody({ headSha: HEAD, plan: plan(), rules, notes: ['GitHub returned no patch for `logo.png`'] });
    expect(body).toMatchSnapshot();
    expect(parseMarkers(body)).toEqual({ fingerprints: ['fp-body', 'fp-over'], resolved: ['fp-gone'], heads: [HEAD] });
  });

  test('after a 422 the inline findings are listed in the body with GitHub\'s answer', () => {
    const body = renderReviewBody({ headSha: HEAD, plan: plan(), rules, notes: [], inlineRejected: 'HTTP 422: Unprocessable Entity' });
    expect(body).toContain('#### Could not be placed inline (GitHub answered: HTTP 422: Unprocessable Entity)');
    expect(body).not.toContain('inline comment below');
    expect(parseMarkers(body).fingerprints).toEqual(['fp-sg-0001', 'fp-body', 'fp-over']);
  });

  test('thousands of findings are cut to the body limit and counted', () => {
    const many: ReviewPlan = { items: Array.from({ length: 3000 }, (_, i) => ({ finding: finding({ fingerprint: `fp${i}`, line: i + 1 }), status: 'body' as const })), resolved: [], postReview: true };
    const body = renderReviewBody({ headSha: HEAD, plan: many, rules, notes: [] });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toMatch(/…and \d+ more: see the `p2pdma-review` check run\./);
  });
});

describe('renderCheckOutput', () => {
  test('title and summary table with statuses, config problems, resolved and notes', () => {
    const out = renderCheckOutput({
      repo: 'p2pdma-lab/linux',
      pullNumber: 42,
      headSha: HEAD,
      plan: plan(),
      rules,
      configProblems: [{ path: 'github.maxComments', message: 'expected a number, got "many"' }],
      configSource: 'p2pdma-lab/linux:.github/p2pdma-review.yml',
      notes: ['the configuration lists plugins (`./x.js`); the GitHub App never loads plugin code from repositories, so they were ignored'],
      errors: [{ input: 'p2pdma-lab/linux#42', message: 'drivers/x.c: parser crashed' }],
      reviewOutcome: 'Posted a review with 1 inline comment.',
    });
    expect(out.title).toBe('3 errors, 1 warning');
    expect(out.summary).toMatchSnapshot();
    expect(out.summary).toContain('| error | [`sg-nonpage-memory`](https://example.test/docs/rules/sg-nonpage-memory.md) | `drivers/misc/cmb_p2p/cmb_p2p.h:2` | Outside \\| the diff | review body (outside the diff) |');
    expect(out.summary).toContain('`github.maxComments`: expected a number');
  });

  test('no findings', () => {
    const out = renderCheckOutput({ repo: 'o/r', pullNumber: 1, headSha: HEAD, plan: { items: [], resolved: [], postReview: false }, rules, configProblems: [], configSource: 'x', notes: [], errors: [], reviewOutcome: 'Nothing to post.' });
    expect(out).toEqual({ title: 'No findings', summary: '**p2pdma-review** reviewed o/r#1 at `1160b2a`: no findings. Nothing to post.' });
  });

  test('the summary never exceeds the Checks API limit', () => {
    const many: ReviewPlan = { items: Array.from({ length: 5000 }, (_, i) => ({ finding: finding({ fingerprint: `fp${i}`, line: i + 1, message: 'm'.repeat(300) }), status: 'posted' as const })), resolved: [], postReview: false };
    const out = renderCheckOutput({ repo: 'o/r', pullNumber: 1, headSha: HEAD, plan: many, rules, configProblems: [], configSource: 'x', notes: ['n'], errors: [], reviewOutcome: '' });
    expect(out.summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(out.summary).toMatch(/…and \d+ more findings \(summary size limit\)\./);
    expect(out.summary).toContain('### Notes');
  });
});

describe('renderAnnotations', () => {
  test('levels, spans, titles, raw details with the docs link; removed-line findings are left out', () => {
    const anns = renderAnnotations(
      [finding({ startLine: 25 }), finding({ severity: 'warning', line: 12, side: 'old' }), finding({ severity: 'info', file: 'elsewhere.c' }), finding({ severity: 'warning', message: 'w'.repeat(600), startLine: undefined })],
      rules,
      (file) => (file === 'drivers/misc/cmb_p2p/cmb_p2p.c' ? file : undefined),
    );
    expect(anns).toHaveLength(2);
    expect(anns[0]).toMatchObject({ path: 'drivers/misc/cmb_p2p/cmb_p2p.c', start_line: 25, end_line: 30, annotation_level: 'failure' });
    expect(anns[0].title).toMatch(/^sg-nonpage-memory: sg_set_buf\(\)/);
    expect(anns[0].raw_details).toContain('Docs: https://example.test/docs/rules/sg-nonpage-memory.md');
    expect(anns[0].message).toContain('virt_to_page()');
    expect(anns[1].annotation_level).toBe('warning');
    expect(anns[1].title.length).toBeLessThanOrEqual(255);
  });
});

test('conclusion follows failOn: errors fail by default, warnings are neutral, info passes', () => {
  const e = finding({ severity: 'error' });
  const w = finding({ severity: 'warning' });
  const i = finding({ severity: 'info' });
  expect(conclusionFor([e, w], 'error')).toBe('failure');
  expect(conclusionFor([w], 'error')).toBe('neutral');
  expect(conclusionFor([i], 'error')).toBe('success');
  expect(conclusionFor([], 'error')).toBe('success');
  expect(conclusionFor([w], 'warning')).toBe('failure');
  expect(conclusionFor([e], 'never')).toBe('neutral');
  expect(countLine([e, e, w, i])).toBe('2 errors, 1 warning, 1 note');
  expect(countLine([])).toBe('no findings');
});
