// Blanks kernel-only annotations (sparse address spaces, section and attribute macros) so tree-sitter-c sees
// plain C. Offsets are preserved (each token becomes spaces of the same length), so node positions still index
// the original text, where rules can read the annotations back (e.g. `__iomem` in a declaration).

/** Bare annotation words that carry no syntax of their own. */
const BARE = [
  '__iomem', '__rcu', '__user', '__force', '__percpu', '__kernel', '__bitwise', '__private', '__safe',
  '__must_check', '__init', '__exit', '__initdata', '__initconst', '__exitdata', '__devinit', '__devexit',
  '__maybe_unused', '__always_unused', '__used', '__always_inline', 'noinline', '__noinline', '__cold', '__hot',
  '__read_mostly', '__ro_after_init', '__packed', '__weak', '__visible', 'asmlinkage', '__latent_entropy',
  '__nocast', '__cacheline_aligned', '____cacheline_aligned', '____cacheline_aligned_in_smp',
  '__cacheline_aligned_in_smp', '__randomize_layout', '__no_randomize_layout', 'notrace', '__noreturn',
  '__pure', '__malloc', '__flatten', '__rcu_read_lock_held', '__sched', '__deprecated', '__ref', '__refdata',
  'noinstr', '__noclone', '__must_hold_rcu', '__counted_by_ptr',
];

/** Annotation macros that take a parenthesised argument list (`__aligned(8)`, `__acquires(rcu)`). */
const WITH_ARGS = [
  '__attribute__', '__aligned', '__acquires', '__releases', '__must_hold', '__printf', '__scanf', '__section',
  '__counted_by', '__nonstring', '__cond_acquires', '__cond_releases', '__alloc_size', '__assume_aligned',
  '__guarded_by', '__pt_guarded_by', '__realloc_size',
];

const BARE_RE = new RegExp(`\\b(?:${BARE.join('|')})\\b`, 'g');
const ARGS_RE = new RegExp(`\\b(?:${WITH_ARGS.join('|')})\\s*\\(`, 'g');

/** `s` with every character except newlines replaced by a space. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/**
 * Returns `text` with annotations blanked to spaces. Lengths and line breaks are unchanged, so every byte
 * offset and row/column in the result refers to the same place in `text`.
 */
export function sanitizeKernelC(text: string): string {
  if (!text.includes('__') && !text.includes('noinline') && !text.includes('asmlinkage') && !text.includes('notrace')
    && !text.includes('noinstr')) {
    return text;
  }
  // The result is assembled from slices: copying a whole file into an array of characters and back cost as
  // much as parsing it.
  const parts: string[] = [];
  let copied = 0;
  let m: RegExpExecArray | null;
  ARGS_RE.lastIndex = 0;
  while ((m = ARGS_RE.exec(text)) !== null) {
    // Find the matching close parenthesis; an unbalanced one (a truncated hunk) blanks to the line end.
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
      else if (c === '\n' && depth > 2) break;
    }
    const to = Math.min(end + 1, text.length);
    parts.push(text.slice(copied, m.index), blank(text.slice(m.index, to)));
    copied = to;
    ARGS_RE.lastIndex = end + 1;
  }
  parts.push(text.slice(copied));
  const out = parts.join('');
  return out.replace(BARE_RE, (w) => ' '.repeat(w.length));
}

/** The sparse address-space annotations a declaration carries (read from the original, unsanitised text). */
export function addressSpaceOf(declText: string): 'iomem' | 'rcu' | 'user' | 'percpu' | undefined {
  if (/\b__iomem\b/.test(declText)) return 'iomem';
  if (/\b__user\b/.test(declText)) return 'user';
  if (/\b__percpu\b/.test(declText)) return 'percpu';
  if (/\b__rcu\b/.test(declText)) return 'rcu';
  return undefined;
}
