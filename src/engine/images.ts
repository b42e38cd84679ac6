// Chooses and parses the images of one file diff: the whole file when a tree reader can supply it (applying
// the hunks to a pre-image from a kernel checkout, or taking the PR head as the post-image), else the hunks.
import { fullImage, hunkImage, isCFile, type SourceImage } from '../c/images.js';
import type { FileDiff, InputError } from '../types.js';

/** Supplies whole files: the pre-image from a kernel tree (`--tree`), or the post-image from a PR head. */
export interface TreeReader {
  image: 'pre' | 'post';
  read(path: string): Promise<string | undefined>;
}

export type ApplyHunks = (pre: string, file: FileDiff) => { text: string } | { error: string };

export interface FileImages {
  post?: SourceImage;
  pre?: SourceImage;
  notes: InputError[];
}

/** Builds the post- and pre-images of a C file diff; notes say when a whole file could not be used. */
export async function imagesFor(file: FileDiff, input: string, tree: TreeReader | undefined,
  apply: ApplyHunks): Promise<FileImages> {
  const notes: InputError[] = [];
  const path = file.newPath ?? file.oldPath;
  if (!isCFile(path) || file.binary) return { notes };
  let post: SourceImage | undefined;
  let pre: SourceImage | undefined;
  if (tree?.image === 'pre' && file.oldPath && file.status !== 'added') {
    const text = await tree.read(file.oldPath);
    if (text === undefined) {
      notes.push({ input, message: `${file.oldPath}: not found in the tree; reviewing the hunks only` });
    } else {
      pre = fullImage(file, 'old', text);
      const applied = apply(text, file);
      if ('text' in applied) post = fullImage(file, 'new', applied.text);
      else notes.push({ input, message: `${file.oldPath}: ${applied.error}; reviewing the hunks only` });
    }
  } else if (tree?.image === 'post' && file.newPath && file.status !== 'deleted') {
    const text = await tree.read(file.newPath);
    if (text !== undefined) post = fullImage(file, 'new', text);
  }
  if (file.status === 'added' && !post) post = hunkImage(file, 'new');
  if (file.status === 'deleted' && !pre) pre = hunkImage(file, 'old');
  return {
    post: post ?? (file.status === 'deleted' ? undefined : hunkImage(file, 'new')),
    pre: pre ?? (file.status === 'added' ? undefined : hunkImage(file, 'old')),
    notes,
  };
}
