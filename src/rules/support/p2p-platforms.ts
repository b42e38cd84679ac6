// Turns the model's per-platform P2P outcomes into finding text: which configured platforms a P2PDMA mistake
// breaks and why, in the model's own words (map type, DMA outcome, explanation).
import type { ModelView, PlatformP2p } from '../types.js';

/** The configured platforms split by whether the flagged code is wrong there. */
export interface PlatformVerdict {
  /** One line per platform: "x86_64-vtd: THRU_HOST_BRIDGE — <explanation>". */
  notes: string[];
  broken: PlatformP2p[];
  fine: PlatformP2p[];
}

/**
 * Asks the model for the P2P outcome on every configured platform and marks those where the code is wrong.
 * `wrongFor(mapType)` says whether the flagged code breaks for a given map type. A model that cannot answer
 * (no platforms configured) gives an empty verdict rather than an error: platform notes are an explanation,
 * never the reason a finding exists.
 */
export function platformVerdict(model: ModelView, wrongFor: (mapType: string) => boolean): PlatformVerdict {
  let all: PlatformP2p[] = [];
  try {
    all = model.p2p();
  } catch {
    all = [];
  }
  const broken = all.filter((p) => wrongFor(normalise(p.mapType)));
  const fine = all.filter((p) => !wrongFor(normalise(p.mapType)));
  const notes = all.map((p) => {
    const tag = wrongFor(normalise(p.mapType)) ? '[breaks]' : '[ok]';
    const text = p.explanation.includes(p.platform) ? p.explanation : `${p.platform}: ${normalise(p.mapType)}. ${p.explanation}`;
    return `${tag} ${text}`.trim();
  });
  return { notes, broken, fine };
}

/** A sentence naming the platforms that break, for the `why` text. */
export function brokenSentence(v: PlatformVerdict, what: string): string {
  if (v.broken.length === 0 && v.fine.length === 0) return '';
  if (v.broken.length === 0) return ` On the configured platforms (${v.fine.map((p) => p.platform).join(', ')}) the model finds no map type where ${what}, but other topologies do.`;
  const names = v.broken.map((p) => `${p.platform} (${normalise(p.mapType)})`).join(', ');
  return ` On the configured platforms this breaks on ${names}.`;
}

/** "PCI_P2PDMA_MAP_BUS_ADDR" and "BUS_ADDR" name the same map type. */
function normalise(mapType: string): string {
  return mapType.replace(/^PCI_P2PDMA_MAP_/, '');
}
