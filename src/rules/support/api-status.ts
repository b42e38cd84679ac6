// The model's answer about one identifier for the configured kernel, asked once per model view: rules that need it
// for every function (is page->pgmap gone? does DMA_ATTR_MMIO exist?) would otherwise rebuild it each time.
import type { ModelView } from '../types.js';

type Status = ReturnType<ModelView['apiStatus']>;

const CACHE = new WeakMap<ModelView, Map<string, Status>>();

/** `model.apiStatus(name)`, memoised per model view. The answer is shared: read it, do not change it. */
export function apiStatusOf(model: ModelView, name: string): Readonly<Status> {
  let byName = CACHE.get(model);
  if (!byName) {
    byName = new Map();
    CACHE.set(model, byName);
  }
  if (!byName.has(name)) byName.set(name, model.apiStatus(name));
  return byName.get(name);
}
