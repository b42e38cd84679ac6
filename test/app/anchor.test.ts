// Diff indexing, anchoring findings as GitHub review comments, and the hidden markers.
import { anchorFinding } from '../../src/github/anchor.js';
import { indexFilePatch, indexUnifiedDiff, lookupFile, type DiffIndex } from '../../src/github/diff-index.js';
import { fingerprintMarker, headMarker, markerId, neutralizeMarkers, parseMarkers, resolvedMarker } from '../../src/github/markers.js';
import { finding, repoFile, SHA } from './helpers.js';

const PATCH = [
  '@@ -10,5 +10,6 @@ static int probe(void)',
  ' ctx10',
  '-old11',
  '+new11',
  '+new12',
  ' ctx12',
  ' ctx13',
  ' ctx14',
  '@@ -40,3 +41,3 @@ static void remove(void)',
  ' ctx40',
  '-old41',
  '+new42',
  ' ctx42',
  '\\ No newline at end of file',
].join('\n');

function index(): DiffIndex {
  const lines = indexFilePatch('drivers/x.c', PATCH, 'drivers/old-x.c');
  return { files: new Map([['drivers/x.c', lines]]) };
}

describe('indexFilePatch', () => {
  test('RIGHT holds added and context lines by new number, LEFT removed and context by old number', () => {
    const f = index().files.get('drivers/x.c')!;
    expect([...f.right.keys()]).toEqual([10, 11, 12, 13, 14, 15, 41, 42, 43]);
    expect([...f.left.keys()]).toEqual([10, 11, 12, 13, 14, 40, 41, 42]);
    expect(f.right.get(11)).toBe(0);
    expect(f.right.get(42)).toBe(1);
    expect(f.previousPath).toBe('drivers/old-x.c');
  });

  test('malformed hunks are an error naming the file', () => {
    expect(() => indexFilePatch('a.c', '@@ -1,5 +1,5 @@\n+only one line\n')).toThrow(/patch of a\.c is malformed/);
  });

  test('indexes a whole git diff (the large-PR fallback), with renames and deletions', () => {
    const text = repoFile(`pulls/42/${SHA.pr42v1}.diff`) +
      'diff --git a/old.c b/new.c\nsimilarity index 90%\nrename from old.c\nrename to new.c\n--- a/old.c\n+++ b/new.c\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n' +
      'diff --git a/gone.h b/gone.h\ndeleted file mode 100644\n--- a/gone.h\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n-y\n';
    const idx = indexUnifiedDiff(text);
    expect([...idx.files.keys()]).toEqual(['drivers/misc/cmb_p2p/cmb_p2p.c', 'drivers/misc/cmb_p2p/cmb_p2p.h', 'new.c', 'gone.h']);
    expect(idx.files.get('drivers/misc/cmb_p2p/cmb_p2p.c')!.right.has(30)).toBe(true);
    expect(lookupFile(idx, 'old.c')?.path).toBe('new.c');
    expect([...idx.files.get('gone.h')!.left.keys()]).toEqual([1, 2]);
    expect(idx.files.get('gone.h')!.right.size).toBe(0);
  });
});

describe('anchorFinding', () => {
  test('an added line anchors RIGHT at its new line number', () => {
    expect(anchorFinding(finding({ file: 'drivers/x.c', line: 12, startLine: undefined }), index())).toEqual({
      path: 'drivers/x.c', line: 12, side: 'RIGHT', suggestionFits: false,
    });
  });

  test('a removed line anchors LEFT; a finding on the old path of a renamed file uses the new path', () => {
    expect(anchorFinding(finding({ file: 'drivers/old-x.c', side: 'old', line: 11, startLine: undefined }), index())).toEqual({
      path: 'drivers/x.c', line: 11, side: 'LEFT', suggestionFits: false,
    });
  });

  test('multi-line evidence in one hunk becomes start_line..line', () => {
    expect(anchorFinding(finding({ file: 'drivers/x.c', startLine: 10, line: 13 }), index())).toEqual({
      path: 'drivers/x.c', line: 13, side: 'RIGHT', startLine: 10, startSide: 'RIGHT', suggestionFits: false,
    });
  });

  test('a span across hunks falls back to the single line (GitHub rejects cross-hunk ranges)', () => {
    expect(anchorFinding(finding({ file: 'drivers/x.c', startLine: 12, line: 42 }), index())).toEqual({
      path: 'drivers/x.c', line: 42, side: 'RIGHT', suggestionFits: false,
    });
  });

  test('lines outside every hunk and files outside the PR cannot be anchored', () => {
    expect(anchorFinding(finding({ file: 'drivers/x.c', line: 30, startLine: undefined }), index())).toBeUndefined();
    expect(anchorFinding(finding({ file: 'drivers/x.c', line: 43, side: 'old', startLine: undefined }), index())).toBeUndefined();
    expect(anchorFinding(finding({ file: 'drivers/other.c', line: 11 }), index())).toBeUndefined();
  });

  test('a suggestion whose range the diff shows is anchored on exactly that range', () => {
    const f = finding({ file: 'drivers/x.c', line: 14, startLine: undefined, suggestion: { file: 'drivers/x.c', startLine: 11, endLine: 12, replacement: 'x\ny', safety: 'safe' } });
    expect(anchorFinding(f, index())).toEqual({ path: 'drivers/x.c', line: 12, side: 'RIGHT', startLine: 11, startSide: 'RIGHT', suggestionFits: true });
  });

  test('a suggestion outside the diff leaves the finding anchored on its own line, not applicable', () => {
    const f = finding({ file: 'drivers/x.c', line: 14, startLine: undefined, suggestion: { file: 'drivers/x.c', startLine: 20, endLine: 21, replacement: 'x', safety: 'safe' } });
    expect(anchorFinding(f, index())).toEqual({ path: 'drivers/x.c', line: 14, side: 'RIGHT', suggestionFits: false });
  });
});

describe('markers', () => {
  test('round-trip fingerprint, resolved and head markers', () => {
    const body = `${headMarker(SHA.pr42v1)}\ntext ${fingerprintMarker('abc123')}\n- x ${resolvedMarker('def456')}`;
    expect(parseMarkers(body)).toEqual({ fingerprints: ['abc123'], resolved: ['def456'], heads: [SHA.pr42v1] });
  });

  test('fingerprints that could break out of an HTML comment are hashed', () => {
    const id = markerId('evil --> <b>');
    expect(id).toMatch(/^h[0-9a-f]{40}$/);
    expect(fingerprintMarker('evil --> <b>')).toBe(`<!-- p2pdma-review:fp=${id} -->`);
    expect(parseMarkers(fingerprintMarker('evil --> <b>')).fingerprints).toEqual([id]);
  });

  test('markers inside fenced code (quoted PR code) are not ours', () => {
    const body = 'real <!-- p2pdma-review:fp=aaa -->\n````suggestion\n/* <!-- p2pdma-review:fp=planted --> */\n```\nstill code\n````\nafter <!-- p2pdma-review:resolved=bbb -->';
    expect(parseMarkers(body)).toEqual({ fingerprints: ['aaa'], resolved: ['bbb'], heads: [] });
  });

  test('neutralised text cannot carry a marker', () => {
    expect(parseMarkers(neutralizeMarkers('see <!-- p2pdma-review:fp=planted -->')).fingerprints).toEqual([]);
  });
});
