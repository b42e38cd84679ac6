import {
  MAINLINE_VERSION,
  compareVersions,
  tryParseKernelVersion,
  versionAtDate,
  versionForCommit
} from "./chunk-5P6P6PUZ.js";

// dist/src/rules/support/origins.js
function splitOrigins(origins, isBad) {
  const split = { bad: [], good: [], unknown: [] };
  for (const o of origins) {
    if (o.kind === "unknown")
      split.unknown.push(o);
    else if (isBad(o.kind))
      split.bad.push(o);
    else
      split.good.push(o);
  }
  return split;
}
function certaintyOf(split) {
  if (split.bad.length === 0)
    return void 0;
  return split.good.length === 0 && split.unknown.length === 0 ? "certain" : "likely";
}
function evidenceOf(origins) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const o of origins) {
    for (const e of o.chain) {
      const k = `${e.file}:${e.line}:${e.note}`;
      if (seen.has(k))
        continue;
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}
function kindsOf(origins) {
  return [...new Set(origins.map((o) => o.kind))];
}

// dist/src/rules/types.js
function docsUrl(id) {
  return `https://github.com/p2pdma-review/p2pdma-review/blob/main/docs/rules/${id}.md`;
}

// dist/src/rules/sg-nonpage-memory.js
var ID = "sg-nonpage-memory";
var BUF_SETTERS = { sg_set_buf: 1, sg_init_one: 1 };
var PAGE_SETTERS = { sg_set_page: 1 };
var LEFT_TO_OTHER_RULES = /* @__PURE__ */ new Set(["stack"]);
var sgNonpageMemory = {
  meta: {
    id: ID,
    defaultSeverity: "error",
    certainty: "certain",
    description: "Memory without a linear-map struct page (iomem, vmalloc, coherent DMA, non-RAM memremap) put into a scatterlist",
    catalogue: ["SG-001", "SG-003", "DMA-006"],
    docsUrl: docsUrl(ID)
  },
  check(ctx) {
    const out = [];
    const bad = (kind) => {
      if (LEFT_TO_OTHER_RULES.has(kind))
        return false;
      const info = ctx.model.kind(kind);
      return info !== void 0 && info.sgSetBuf === false;
    };
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        let buf;
        let via = "";
        if (call.callee in BUF_SETTERS) {
          buf = call.args[BUF_SETTERS[call.callee]];
        } else if (call.callee in PAGE_SETTERS) {
          const page = call.args[PAGE_SETTERS[call.callee]];
          if (page?.k === "call" && page.callee === "virt_to_page" && page.args[0]) {
            buf = page.args[0];
            via = "virt_to_page() of ";
          }
        }
        if (!buf)
          continue;
        const origins = ctx.analysis.origins(buf, fn);
        const split = splitOrigins(origins, bad);
        const certainty = certaintyOf(split);
        if (!certainty)
          continue;
        const kinds = kindsOf(split.bad);
        const infos = kinds.map((k) => ctx.model.kind(k));
        const labels2 = infos.map((i) => i.label).join(" or ");
        const maybe = certainty === "likely" ? "may hold" : "holds";
        out.push({
          line: call.line,
          function: fn,
          code: call.text,
          certainty,
          message: `${call.callee}() is given ${via}\`${buf.text}\`, which ${maybe} ${labels2}: that memory has no struct page in the kernel's linear map, so the scatterlist entry points at a bogus page.`,
          why: `${infos.map((i) => `${i.label}: struct page ${fmt(i.hasStructPage)}, linear map ${fmt(i.linear)} (${i.sources.join(", ")})`).join("; ")}. sg_set_buf() is sg_set_page(virt_to_page(buf)); virt_to_page() is only arithmetic on linear-map addresses, and the first consumer that reads the page (sg_miter_stop()'s flush_dcache_page(), kmap, PageSlab()) dereferences memory that is not a struct page.`,
          instead: insteadFor(kinds),
          evidence: [...evidenceOf(split.bad), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
          references: ["SG-001", "SG-003", "DMA-006", "include/linux/scatterlist.h (sg_set_buf)", 'LKML 2019-10 "scatterlist: Validate page before calling PageSlab()"']
        });
      }
    }
    return out;
  }
};
function fmt(v) {
  return v === "depends" ? "platform-dependent" : v ? "yes" : "no";
}
function insteadFor(kinds) {
  const parts = [];
  if (kinds.some((k) => k === "iomem" || k === "raw-pfn" || k === "memremap-nonram" || k === "p2p-provider")) {
    parts.push("for PCI BAR memory, give it struct pages with pci_p2pdma_add_resource() and allocate from it with pci_alloc_p2pmem()/pci_p2pmem_alloc_sgl(); or skip the scatterlist and map the physical range with dma_map_resource() (dma_map_phys(..., DMA_ATTR_MMIO) on 6.18+) after a P2P topology check");
  }
  if (kinds.some((k) => k === "vmalloc" || k === "kvmalloc")) {
    parts.push("for vmalloc memory, build one entry per page with vmalloc_to_page() (and flush/invalidate_kernel_vmap_range()), or allocate with kmalloc()/alloc_pages() or dma_alloc_noncontiguous()");
  }
  if (kinds.includes("dma-coherent")) {
    parts.push("for dma_alloc_coherent() memory, use the dma_handle it returned; it is already mapped and must not go through the streaming API");
  }
  if (kinds.includes("kernel-image")) {
    parts.push("copy static or module data into a kmalloc() buffer first");
  }
  return parts.length ? `${parts.join("; ")}.` : "Use memory that has a struct page in the linear map (kmalloc(), alloc_pages()).";
}

// dist/src/analysis/calls.js
var HIGHMEM_GFP = /__GFP_HIGHMEM|GFP_HIGHUSER/;
function memoryKindOfCall(call, model) {
  const c = model.contract(call.callee);
  const kind = c?.returns?.kind;
  if (!c || !kind)
    return void 0;
  if (c.returns?.kindFromGfp && call.args.some((a) => HIGHMEM_GFP.test(a.text))) {
    return { kind: "highmem", why: `a possibly-highmem page (${call.callee} with a highmem GFP flag)` };
  }
  return { kind, why: `${model.describe(kind)} (${c.source ?? "contract"})` };
}
function valueClassOfCall(call, model) {
  const c = model.contract(call.callee);
  if (!c?.returns)
    return void 0;
  const value = c.returns.value ?? valueFromConvention(c.returns.error);
  if (!value)
    return void 0;
  return { kind: value, why: `${model.describe(value)} (${c.source ?? "contract"})` };
}
function valueFromConvention(error) {
  switch (error) {
    case "zero-count":
      return "mapped-count";
    case "zero-success-negative-errno":
      return "map-status";
    case "dma-mapping-error":
      return "dma-addr";
    default:
      return void 0;
  }
}
function gfpArgument(call) {
  return call.args.find((a) => a.text.includes("GFP_") && /\bGFP_|__GFP_/.test(a.text))?.text;
}
function gfpMaySleep(gfp) {
  if (/GFP_ATOMIC|GFP_NOWAIT/.test(gfp))
    return false;
  return /GFP_KERNEL|GFP_NOFS|GFP_NOIO|GFP_USER|GFP_HIGHUSER|__GFP_DIRECT_RECLAIM|GFP_DMA\b|GFP_DMA32\b/.test(gfp);
}
function callMaySleep(call, model) {
  const c = model.contract(call.callee);
  const gfp = gfpArgument(call);
  if (gfp && gfpMaySleep(gfp))
    return `${call.callee}() with ${gfp.trim()} may sleep in direct reclaim`;
  if (c?.mightSleep === true)
    return `${call.callee}() may sleep`;
  return void 0;
}

// dist/src/analysis/walk.js
var EMPTY = Object.freeze([]);
function exprChildren(e) {
  switch (e.k) {
    case "call":
      return e.calleeExpr && e.calleeExpr.k !== "ident" ? [e.calleeExpr, ...e.args] : e.args;
    case "field":
      return [e.base];
    case "index":
      return [e.base, e.index];
    case "addr":
    case "deref":
    case "cast":
    case "unary":
      return [e.arg];
    case "binary":
      return [e.left, e.right];
    case "assign":
      return [e.left, e.right];
    case "cond":
      return [e.test, e.then, e.else];
    case "comma":
      return e.list;
    case "init":
      return e.items;
    case "other":
      return e.children;
    default:
      return [];
  }
}
function isLeaf(e) {
  return e.k === "ident" || e.k === "literal" || e.k === "sizeof";
}
var ROOT = EMPTY;
function chainOf(node, parents) {
  return Object.freeze([...parents, node]);
}
var flatExprs = /* @__PURE__ */ new WeakMap();
var flatStmts = /* @__PURE__ */ new WeakMap();
function collectExprs(e, parents, out) {
  out.nodes.push(e);
  out.parents.push(parents);
  if (isLeaf(e))
    return;
  const children2 = exprChildren(e);
  if (children2.length === 0)
    return;
  const next = chainOf(e, parents);
  for (const c of children2)
    collectExprs(c, next, out);
}
function collectStmts(s, parents, out) {
  out.nodes.push(s);
  out.parents.push(parents);
  const children2 = stmtChildren(s);
  if (children2.length === 0)
    return;
  const next = chainOf(s, parents);
  for (const c of children2)
    collectStmts(c, next, out);
}
function flatExprsOf(e) {
  let flat = flatExprs.get(e);
  if (!flat) {
    flat = { nodes: [], parents: [] };
    collectExprs(e, ROOT, flat);
    flatExprs.set(e, flat);
  }
  return flat;
}
function flatStmtsOf(s) {
  let flat = flatStmts.get(s);
  if (!flat) {
    flat = { nodes: [], parents: [] };
    collectStmts(s, ROOT, flat);
    flatStmts.set(s, flat);
  }
  return flat;
}
function walkExpr(e, visit) {
  if (isLeaf(e)) {
    visit(e, ROOT);
    return;
  }
  const { nodes, parents } = flatExprsOf(e);
  for (let i = 0; i < nodes.length; i++)
    visit(nodes[i], parents[i]);
}
function ownExprs(s) {
  switch (s.k) {
    case "decl": {
      let out;
      for (const v of s.vars)
        if (v.init)
          (out ??= []).push(v.init);
      return out ?? EMPTY;
    }
    case "expr":
      return [s.expr];
    case "if":
      return [s.cond];
    case "loop": {
      const out = [];
      if (s.header)
        out.push(s.header);
      if (s.cond)
        out.push(s.cond);
      if (s.update)
        out.push(s.update);
      return out;
    }
    case "return":
      return s.value ? [s.value] : EMPTY;
    case "switch":
      return [s.cond];
    case "case":
      return s.value ? [s.value] : EMPTY;
    case "unknown":
      return s.exprs;
    default:
      return EMPTY;
  }
}
function stmtChildren(s) {
  switch (s.k) {
    case "block":
      return s.body;
    case "if":
      return s.else ? [s.then, s.else] : [s.then];
    case "loop":
      return s.init ? [s.init, s.body] : [s.body];
    case "label":
      return [s.body];
    case "switch":
      return [s.body];
    case "case":
      return s.body;
    default:
      return [];
  }
}
function walkStmts(s, visit) {
  const { nodes, parents } = flatStmtsOf(s);
  for (let i = 0; i < nodes.length; i++)
    visit(nodes[i], parents[i]);
}
var indexes = /* @__PURE__ */ new WeakMap();
function siteOf(e, exprParents, stmt, stmtParents, stmtIndex, order) {
  return Object.freeze(e.k === "call" ? { expr: e, call: e, exprParents, stmt, stmtParents, stmtIndex, order } : { expr: e, exprParents, stmt, stmtParents, stmtIndex, order });
}
function indexOf(fn) {
  let idx = indexes.get(fn);
  if (idx)
    return idx;
  const stmts = flatStmtsOf(fn.body);
  const exprStart = [];
  const exprs2 = [];
  const byKind = /* @__PURE__ */ new Map();
  const add = (site) => {
    exprs2.push(site);
    const list = byKind.get(site.expr.k);
    if (list)
      list.push(site);
    else
      byKind.set(site.expr.k, [site]);
  };
  for (let i = 0; i < stmts.nodes.length; i++) {
    exprStart.push(exprs2.length);
    const stmt = stmts.nodes[i];
    const stmtParents = stmts.parents[i];
    for (const root of ownExprs(stmt))
      walkExpr(root, (e, exprParents) => add(siteOf(e, exprParents, stmt, stmtParents, i, exprs2.length)));
  }
  exprStart.push(exprs2.length);
  for (const l of byKind.values())
    Object.freeze(l);
  idx = { stmts, exprs: Object.freeze(exprs2), exprStart, byKind };
  indexes.set(fn, idx);
  return idx;
}
function exprSitesOfKind(fn, ...kinds) {
  return sitesOfKinds(fn, kinds);
}
function sitesOfKinds(fn, kinds) {
  const idx = indexOf(fn);
  if (kinds.length === 1)
    return idx.byKind.get(kinds[0]) ?? EMPTY;
  const key2 = [...kinds].sort().join(",");
  idx.kindSets ??= /* @__PURE__ */ new Map();
  let merged = idx.kindSets.get(key2);
  if (!merged) {
    const lists = [...new Set(kinds)].map((k) => idx.byKind.get(k) ?? EMPTY).filter((l) => l.length > 0);
    const out = [];
    const at = lists.map(() => 0);
    for (; ; ) {
      let best = -1;
      for (let l = 0; l < lists.length; l++) {
        if (at[l] < lists[l].length && (best < 0 || lists[l][at[l]].order < lists[best][at[best]].order))
          best = l;
      }
      if (best < 0)
        break;
      out.push(lists[best][at[best]++]);
    }
    merged = Object.freeze(out);
    idx.kindSets.set(key2, merged);
  }
  return merged;
}
function walkFunction(fn, onStmt, onExpr, kinds) {
  const { stmts, exprs: exprs2, exprStart } = indexOf(fn);
  if (!kinds) {
    for (let i = 0; i < stmts.nodes.length; i++) {
      if (onStmt && onStmt(stmts.nodes[i], stmts.parents[i]) === false)
        continue;
      for (let j = exprStart[i]; j < exprStart[i + 1]; j++) {
        const x = exprs2[j];
        onExpr(x.expr, x.exprParents, x.stmt, x.stmtParents);
      }
    }
    return;
  }
  const sites = exprSitesOfKind(fn, ...kinds);
  let p = 0;
  for (let i = 0; i < stmts.nodes.length; i++) {
    const skip = !!onStmt && onStmt(stmts.nodes[i], stmts.parents[i]) === false;
    for (; p < sites.length && sites[p].stmtIndex === i; p++) {
      const x = sites[p];
      if (!skip)
        onExpr(x.expr, x.exprParents, x.stmt, x.stmtParents);
    }
  }
}
function callsIn(fn) {
  const idx = indexOf(fn);
  idx.calls ??= exprSitesOfKind(fn, "call");
  return idx.calls;
}
function callsNamed(fn, callee) {
  const idx = indexOf(fn);
  if (!idx.callsByCallee) {
    const m = /* @__PURE__ */ new Map();
    for (const c of callsIn(fn)) {
      const l = m.get(c.call.callee);
      if (l)
        l.push(c);
      else
        m.set(c.call.callee, [c]);
    }
    for (const l of m.values())
      Object.freeze(l);
    idx.callsByCallee = m;
  }
  return idx.callsByCallee.get(callee) ?? EMPTY;
}
var postOrders = /* @__PURE__ */ new WeakMap();
function callsInEvaluationOrder(root) {
  let calls = postOrders.get(root);
  if (!calls) {
    const out = [];
    collectPostOrder(root, out);
    calls = Object.freeze(out);
    postOrders.set(root, calls);
  }
  return calls;
}
function collectPostOrder(e, out) {
  for (const c of exprChildren(e))
    collectPostOrder(c, out);
  if (e.k === "call")
    out.push(e);
}
function localDecls(fn) {
  const idx = indexOf(fn);
  if (!idx.decls) {
    const m = /* @__PURE__ */ new Map();
    const { nodes } = idx.stmts;
    for (let i = 0; i < nodes.length; i++) {
      const s = nodes[i];
      if (s.k === "decl") {
        for (const v of s.vars)
          if (!m.has(v.name))
            m.set(v.name, v);
      }
    }
    idx.decls = m;
  }
  return idx.decls;
}
function localDeclOf(fn, name) {
  return localDecls(fn).get(name);
}
function exprKey(e) {
  let t = e.text;
  if (WHITESPACE.test(t))
    t = t.replace(/\s+/g, "");
  if (t.charCodeAt(0) === 40)
    t = t.replace(/^\((.*)\)$/, "$1");
  return t;
}
var WHITESPACE = /\s/;
function lvalueKey(e) {
  if (e.k === "ident" || e.k === "field" || e.k === "deref" || e.k === "index")
    return exprKey(e);
  return void 0;
}
function stripCasts(e) {
  let cur = e;
  while (cur.k === "cast")
    cur = cur.arg;
  return cur;
}

// dist/src/analysis/paths.js
function union(w, ...lists) {
  let total = 0;
  let single;
  for (const l of lists) {
    total += l.length;
    if (l.length)
      single = l[0];
  }
  if (total === 0)
    return [];
  if (total === 1 && w.d.maxStates >= 1)
    return [single];
  const seen = /* @__PURE__ */ new Map();
  for (const l of lists) {
    for (const s of l) {
      const k = w.d.key(s);
      if (!seen.has(k) && seen.size < w.d.maxStates)
        seen.set(k, s);
    }
  }
  return [...seen.values()];
}
function exprs(w, states, list) {
  return states.map((s) => list.reduce((cur, e) => e ? w.d.expr(cur, e) : cur, s));
}
function expr1(w, states, e) {
  const out = new Array(states.length);
  for (let i = 0; i < states.length; i++)
    out[i] = w.d.expr(states[i], e);
  return out;
}
function exec(w, st, states) {
  switch (st.k) {
    case "block":
      return st.body.reduce((cur, child) => exec(w, child, cur), states);
    case "decl":
      return states.map((s) => w.d.decl(s, st.vars));
    case "expr":
      return expr1(w, states, st.expr);
    case "unknown":
      return exprs(w, states, st.exprs);
    case "if": {
      const { then, else: elseIn } = w.d.branch(states, st.cond);
      const t = exec(w, st.then, then);
      const e = st.else ? exec(w, st.else, elseIn) : elseIn;
      return union(w, t, e);
    }
    case "loop": {
      let entry = st.init ? exec(w, st.init, states) : states;
      entry = exprs(w, entry, [st.header, st.cond]);
      w.breaks.push([]);
      const body = exec(w, st.body, entry);
      const after = st.update ? exprs(w, body, [st.update]) : body;
      const breaks = w.breaks.pop();
      return st.form === "do" ? union(w, after, breaks) : union(w, entry, after, breaks);
    }
    case "return":
      w.d.onReturn(st.value ? expr1(w, states, st.value) : states, st);
      return [];
    case "goto":
      w.labels.set(st.label, union(w, w.labels.get(st.label) ?? [], states));
      return [];
    case "label":
      return exec(w, st.body, union(w, states, w.labels.get(st.name) ?? []));
    case "break":
      if (w.breaks.length)
        w.breaks[w.breaks.length - 1].push(...states);
      return [];
    case "continue":
      return [];
    case "switch": {
      const entry = expr1(w, states, st.cond);
      w.breaks.push([]);
      const body = st.body.k === "block" ? st.body.body : [st.body];
      let fall = [];
      let hasDefault = false;
      for (const child of body) {
        if (child.k === "case") {
          if (!child.value)
            hasDefault = true;
          fall = child.body.reduce((cur, s) => exec(w, s, cur), union(w, fall, entry));
        } else {
          fall = exec(w, child, fall);
        }
      }
      const breaks = w.breaks.pop();
      return union(w, fall, breaks, hasDefault ? [] : entry);
    }
    case "case":
      return st.body.reduce((cur, s) => exec(w, s, cur), states);
    default:
      return states;
  }
}
function walkPaths(body, domain, entry) {
  return exec({ d: domain, labels: /* @__PURE__ */ new Map(), breaks: [] }, body, entry);
}

// dist/src/analysis/locks.js
var NO_SLEEP = /* @__PURE__ */ new Set(["rcu", "rcu_bh", "rcu_sched", "spin", "kmap_atomic", "preempt", "irq"]);
var KEYED = /* @__PURE__ */ new Set(["spin", "mutex", "srcu"]);
var MAX_STATES = 32;
function lockOf(ctx, call) {
  const lock = ctx.model.contract(call.callee)?.lock;
  if (!lock)
    return void 0;
  const arg = call.args[0];
  const key2 = KEYED.has(lock.cls) && arg ? `${lock.cls}:${exprKey(arg).replace(/^&/, "")}` : lock.cls;
  return { cls: lock.cls, op: lock.op, key: key2 };
}
function checkSleep(ctx, state, call) {
  let section;
  for (let i = state.length - 1; i >= 0 && !section; i--)
    if (NO_SLEEP.has(state[i].cls))
      section = state[i];
  if (!section)
    return;
  const why3 = callMaySleep(call, ctx.model);
  if (!why3 || ctx.report.sleepInSection.some((s) => s.line === call.line && s.call === call.callee))
    return;
  const sections = state.filter((h) => NO_SLEEP.has(h.cls)).map((h) => ({ cls: h.cls, line: h.line, call: h.call, ...h.entry ? { entry: true } : {} }));
  ctx.report.sleepInSection.push({
    cls: section.cls,
    sectionLine: section.line,
    sectionCall: section.call,
    line: call.line,
    call: call.callee,
    why: why3,
    ...section.entry ? { entry: true } : {},
    sections
  });
}
function applyCall(ctx, state, call) {
  checkSleep(ctx, state, call);
  const lock = lockOf(ctx, call);
  if (lock?.op === "acquire") {
    if (/trylock/.test(call.callee))
      return state;
    return [...state, { cls: lock.cls, key: lock.key, line: call.line, call: call.callee }];
  }
  if (lock?.op === "release") {
    for (let i = state.length - 1; i >= 0; i--) {
      if (state[i].key === lock.key || !KEYED.has(lock.cls) && state[i].cls === lock.cls) {
        return [...state.slice(0, i), ...state.slice(i + 1)];
      }
    }
    if (!ctx.report.releaseUnheld.some((r) => r.line === call.line)) {
      ctx.report.releaseUnheld.push({ cls: lock.cls, line: call.line, call: call.callee });
    }
    return state;
  }
  return state;
}
function evalExpr(ctx, state, e) {
  let cur = state;
  for (const c of callsInEvaluationOrder(e))
    cur = applyCall(ctx, cur, c);
  return cur;
}
function trylockIn(ctx, cond) {
  let e = cond;
  let negated = false;
  while (e.k === "unary" && e.op === "!") {
    negated = !negated;
    e = e.arg;
  }
  if (e.k === "call" && /trylock/.test(e.callee) && lockOf(ctx, e)?.op === "acquire")
    return { call: e, negated };
  return void 0;
}
function checkReturn(ctx, states, line, implicit) {
  for (const s of states) {
    for (const h of s) {
      if (ctx.report.annotated.has(h.cls))
        continue;
      if (!ctx.report.heldAtReturn.some((r) => r.lockLine === h.line && r.returnLine === line && r.cls === h.cls)) {
        ctx.report.heldAtReturn.push({
          cls: h.cls,
          lockLine: h.line,
          lockCall: h.call,
          returnLine: line,
          implicit,
          ...h.entry ? { entry: true } : {}
        });
      }
    }
  }
}
function annotatedClasses(annotation) {
  const m = /\((.*)\)/.exec(annotation);
  const what = m ? m[1] : "";
  if (/srcu/i.test(what))
    return ["srcu"];
  if (/rcu/i.test(what)) {
    if (/bh/i.test(what))
      return ["rcu", "rcu_bh"];
    if (/sched/i.test(what))
      return ["rcu", "rcu_sched"];
    return ["rcu"];
  }
  if (/mutex|lock/.test(what))
    return ["spin", "mutex"];
  return [what];
}
function lockDomain(ctx) {
  return {
    key: (st) => st.length === 0 ? "" : st.map((h) => `${h.key}@${h.line}`).join("|"),
    expr: (st, e) => evalExpr(ctx, st, e),
    decl(st, vars) {
      let cur = st;
      for (const v of vars)
        if (v.init)
          cur = evalExpr(ctx, cur, v.init);
      return cur;
    },
    branch(states, cond) {
      const tl = trylockIn(ctx, cond);
      const after = states.map((st) => evalExpr(ctx, st, cond));
      if (!tl)
        return { then: after, else: after };
      const lock = lockOf(ctx, tl.call);
      const held = (st) => [...st, { cls: lock.cls, key: lock.key, line: tl.call.line, call: tl.call.callee }];
      return tl.negated ? { then: after, else: after.map(held) } : { then: after.map(held), else: after };
    },
    onReturn: (states, st) => checkReturn(ctx, states, st.line, false),
    maxStates: MAX_STATES
  };
}
function analyseLocks(fn, model, opts = {}) {
  const annotated = /* @__PURE__ */ new Set();
  for (const a of fn.annotations)
    for (const cls of annotatedClasses(a))
      annotated.add(cls);
  const report9 = { heldAtReturn: [], releaseUnheld: [], sleepInSection: [], annotated };
  const ctx = { model, report: report9 };
  const entry = (opts.entry ?? []).map((e) => ({
    cls: e.cls,
    key: e.key ?? e.cls,
    line: e.line,
    call: e.call,
    entry: true
  }));
  const end = walkPaths(fn.body, lockDomain(ctx), [entry]);
  if (!fn.synthetic)
    checkReturn(ctx, end, fn.endLine, true);
  return report9;
}

// dist/src/analysis/decl-index.js
var EMPTY2 = Object.freeze([]);
var indexes2 = /* @__PURE__ */ new WeakMap();
function indexOf2(ir) {
  let idx = indexes2.get(ir);
  if (idx)
    return idx;
  const globals = /* @__PURE__ */ new Map();
  for (const g of ir.globals)
    globals.set(g.name, g);
  const fields = /* @__PURE__ */ new Map();
  for (const f of ir.structFields) {
    const l = fields.get(f.name);
    if (l)
      l.push(f);
    else
      fields.set(f.name, [f]);
  }
  for (const l of fields.values())
    Object.freeze(l);
  idx = { globals, fields };
  indexes2.set(ir, idx);
  return idx;
}
function globalNamed(ir, name) {
  return indexOf2(ir).globals.get(name);
}
function structFieldsNamed(ir, name) {
  return indexOf2(ir).fields.get(name) ?? EMPTY2;
}

// dist/src/analysis/provenance.js
var UNKNOWN = "unknown";
var MAX_DEPTH = 10;
var Provenance = class {
  ir;
  model;
  scopes = /* @__PURE__ */ new Map();
  fieldAssigns = /* @__PURE__ */ new Map();
  functions = /* @__PURE__ */ new Map();
  summaries = /* @__PURE__ */ new Map();
  memo = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  constructor(ir, model) {
    this.ir = ir;
    this.model = model;
    for (const fn of ir.functions) {
      if (fn.name && !fn.synthetic)
        this.functions.set(fn.name, fn);
      else if (fn.name && !this.functions.has(fn.name))
        this.functions.set(fn.name, fn);
      this.scope(fn);
      this.collectFieldAssigns(fn);
    }
  }
  /** The function-local declarations and assignments, built once per function. */
  scope(fn) {
    let s = this.scopes.get(fn);
    if (s)
      return s;
    s = { locals: localDecls(fn), params: /* @__PURE__ */ new Map(), assigns: /* @__PURE__ */ new Map() };
    for (const p of fn.params)
      s.params.set(p.name, p);
    const scope = s;
    const add = (name, a) => {
      const list = scope.assigns.get(name) ?? [];
      list.push(a);
      scope.assigns.set(name, list);
    };
    walkFunction(fn, (st) => {
      if (st.k !== "decl")
        return;
      for (const v of st.vars)
        if (v.init)
          add(v.name, { rhs: v.init, fn, line: v.line });
    }, (e) => {
      if (e.k === "assign" && e.op === "=" && e.left.k === "ident")
        add(e.left.name, { rhs: e.right, fn, line: e.line });
    }, ["assign"]);
    this.scopes.set(fn, s);
    return s;
  }
  collectFieldAssigns(fn) {
    for (const { expr: e } of exprSitesOfKind(fn, "assign")) {
      if (e.k === "assign" && e.op === "=" && e.left.k === "field") {
        const list = this.fieldAssigns.get(e.left.field) ?? [];
        list.push({ rhs: e.right, fn, line: e.line });
        this.fieldAssigns.set(e.left.field, list);
      }
    }
  }
  /** The function named `name` in this file, if its body is visible. */
  functionNamed(name) {
    return this.functions.get(name);
  }
  /** Where the value of `e`, evaluated inside `fn`, may come from. */
  originsOf(e, fn, depth = 0) {
    const cached = this.memo.get(e);
    if (cached)
      return cached;
    const result = depth > MAX_DEPTH ? [unknownAt(this.ir.path, e, "too deep to follow")] : this.compute(e, fn, depth);
    if (depth === 0)
      this.memo.set(e, result);
    return result;
  }
  /** The set of kinds `e` may hold. */
  kindsOf(e, fn) {
    return new Set(this.originsOf(e, fn).map((o) => o.kind));
  }
  ev(line, note) {
    return { file: this.ir.path, line, note };
  }
  compute(e0, fn, depth) {
    const e = stripCasts(e0);
    switch (e.k) {
      case "call":
        return this.callOrigins(e, fn, depth);
      case "ident":
        return this.identOrigins(e, fn, depth);
      case "field":
        return this.fieldOrigins(e, fn, depth);
      case "addr":
        return this.addrOrigins(e.arg, fn, depth, e);
      case "binary":
        if (e.op === "+" || e.op === "-") {
          const l = this.originsOf(e.left, fn, depth + 1).filter((o) => o.kind !== "integer");
          return l.length ? l : this.originsOf(e.right, fn, depth + 1).filter((o) => o.kind !== "integer");
        }
        return [{ kind: "integer", chain: [] }];
      case "cond":
        return [...this.originsOf(e.then, fn, depth + 1), ...this.originsOf(e.else, fn, depth + 1)];
      case "assign":
        return this.originsOf(e.right, fn, depth + 1);
      case "comma":
        return e.list.length ? this.originsOf(e.list[e.list.length - 1], fn, depth + 1) : [];
      case "literal":
        if (e.lit === "string")
          return [{ kind: "kernel-image", chain: [this.ev(e.line, `${e.text} is a string literal in the kernel image`)] }];
        if (e.lit === "null")
          return [];
        return [{ kind: "integer", chain: [] }];
      case "sizeof":
        return [{ kind: "integer", chain: [] }];
      default:
        return [unknownAt(this.ir.path, e, "unknown source")];
    }
  }
  callOrigins(e, fn, depth) {
    const mem = memoryKindOfCall(e, this.model);
    if (mem)
      return [{ kind: mem.kind, chain: [this.ev(e.line, `${e.callee}() returns ${mem.why}`)] }];
    const value = valueClassOfCall(e, this.model);
    if (value)
      return [{ kind: value.kind, chain: [this.ev(e.line, `${e.callee}() returns ${value.why}`)] }];
    const through = this.model.passesThrough(e.callee);
    if (through !== void 0 && e.args[through]) {
      return this.originsOf(e.args[through], fn, depth + 1).map((o) => ({
        kind: o.kind,
        chain: [...o.chain, this.ev(e.line, `${e.callee}() of it`)]
      }));
    }
    const helper = this.functions.get(e.callee);
    if (helper && helper !== fn) {
      return this.summary(helper, depth).map((o) => ({
        kind: o.kind,
        chain: [...o.chain, this.ev(e.line, `returned by ${helper.name}()`)]
      }));
    }
    return [unknownAt(this.ir.path, e, `${e.callee}() is not in the contract catalogue`)];
  }
  /** Union of what a helper function defined in this file returns. */
  summary(helper, depth) {
    const cached = this.summaries.get(helper.name);
    if (cached)
      return cached;
    if (this.active.has(`fn:${helper.name}`))
      return [];
    this.active.add(`fn:${helper.name}`);
    const out = [];
    walkStmts(helper.body, (st) => {
      if (st.k === "return" && st.value)
        out.push(...this.originsOf(st.value, helper, depth + 1));
    });
    this.active.delete(`fn:${helper.name}`);
    this.summaries.set(helper.name, out);
    return out;
  }
  identOrigins(e, fn, depth) {
    const scope = this.scope(fn);
    const local = scope.locals.get(e.name);
    const param = scope.params.get(e.name);
    const decl = local ?? param ?? globalNamed(this.ir, e.name);
    if (decl?.array) {
      const kind = local && !local.isStatic ? "stack" : "kernel-image";
      const what = kind === "stack" ? `local array ${decl.name} on the stack` : `static array ${decl.name} in the kernel image`;
      return [{ kind, chain: [this.ev(decl.line, what)] }];
    }
    if (decl?.addressSpace === "iomem") {
      return [{ kind: "iomem", chain: [this.ev(decl.line, `${decl.name} is declared __iomem`)] }];
    }
    if (param && !local)
      return [unknownAt(this.ir.path, e, `${e.name} is a parameter of ${fn.name || "this function"}`)];
    const key2 = `${fn.name}:${fn.line}:${e.name}`;
    const assigns = local ? scope.assigns.get(e.name) ?? [] : [];
    if (!local || assigns.length === 0 || this.active.has(key2)) {
      if (!local && globalNamed(this.ir, e.name))
        return [unknownAt(this.ir.path, e, `${e.name} is a global`)];
      return [unknownAt(this.ir.path, e, `no visible assignment to ${e.name}`)];
    }
    this.active.add(key2);
    const out = [];
    for (const a of assigns) {
      for (const o of this.originsOf(a.rhs, a.fn, depth + 1)) {
        out.push({ kind: o.kind, chain: [...o.chain, this.ev(a.line, `assigned to ${e.name}`)] });
      }
    }
    this.active.delete(key2);
    return out;
  }
  fieldOrigins(e, fn, depth) {
    const decls = structFieldsNamed(this.ir, e.field);
    if (decls.length && decls.every((d) => d.addressSpace === "iomem")) {
      return [{ kind: "iomem", chain: [this.ev(decls[0].line, `struct field ${e.field} is declared __iomem`)] }];
    }
    if (decls.length && decls.every((d) => d.array)) {
      return this.storageOf(e, fn, depth);
    }
    const assigns = this.fieldAssigns.get(e.field) ?? [];
    const key2 = `field:${e.field}`;
    if (assigns.length === 0 || this.active.has(key2)) {
      return [unknownAt(this.ir.path, e, `no visible assignment to ->${e.field} in this file`)];
    }
    this.active.add(key2);
    const out = [];
    for (const a of assigns) {
      for (const o of this.originsOf(a.rhs, a.fn, depth + 1)) {
        const where = a.fn === fn ? "" : ` in ${a.fn.name}()`;
        out.push({ kind: o.kind, chain: [...o.chain, this.ev(a.line, `stored in ->${e.field}${where}`)] });
      }
    }
    this.active.delete(key2);
    return out;
  }
  /** Where the object an lvalue names is stored (`&x`, `x.buf` for an array member). */
  storageOf(target, fn, depth) {
    const t = stripCasts(target);
    if (t.k === "ident") {
      const scope = this.scope(fn);
      const local = scope.locals.get(t.name);
      if (local) {
        if (local.isStatic)
          return [{ kind: "kernel-image", chain: [this.ev(local.line, `${t.name} is a static local`)] }];
        return [{ kind: "stack", chain: [this.ev(local.line, `${t.name} is a local variable on the stack`)] }];
      }
      if (scope.params.has(t.name)) {
        const p = scope.params.get(t.name);
        return [{ kind: "stack", chain: [this.ev(p.line, `${t.name} is a by-value parameter on the stack`)] }];
      }
      const g = globalNamed(this.ir, t.name);
      if (g)
        return [{ kind: "kernel-image", chain: [this.ev(g.line, `${t.name} is a global in the kernel image`)] }];
      return [unknownAt(this.ir.path, t, `storage of ${t.name} is not visible`)];
    }
    if (t.k === "field")
      return t.arrow ? this.originsOf(t.base, fn, depth + 1) : this.storageOf(t.base, fn, depth);
    if (t.k === "index") {
      const base = stripCasts(t.base);
      return base.k === "ident" || base.k === "field" ? this.originsOf(base, fn, depth + 1) : [unknownAt(this.ir.path, t, "indexed storage")];
    }
    if (t.k === "deref")
      return this.originsOf(t.arg, fn, depth + 1);
    return [unknownAt(this.ir.path, t, "storage not visible")];
  }
  addrOrigins(arg, fn, depth, whole) {
    return this.storageOf(arg, fn, depth).map((o) => ({
      kind: o.kind,
      chain: [...o.chain, this.ev(whole.line, `its address ${whole.text}`)]
    }));
  }
};
function unknownAt(file, e, why3) {
  return { kind: UNKNOWN, chain: [{ file, line: e.line, note: why3 }] };
}

// dist/src/analysis/index.js
var NO_FUNCTIONS = Object.freeze([]);
var FileAnalysis = class {
  ir;
  model;
  provenance;
  lockReports = /* @__PURE__ */ new Map();
  fileCalls;
  byCallee;
  byName;
  keyIndex;
  constructor(ir, model) {
    this.ir = ir;
    this.model = model;
    this.provenance = new Provenance(ir, model);
  }
  get functions() {
    return this.ir.functions;
  }
  /** Every call in a function (`callsIn(fn)`: computed once per function and shared, frozen). */
  calls(fn) {
    return callsIn(fn);
  }
  /** Every call in the file, function by function (computed once: frozen). */
  allCalls() {
    if (!this.fileCalls) {
      const out = [];
      for (const fn of this.ir.functions)
        for (const site of callsIn(fn))
          out.push(Object.freeze({ fn, site }));
      this.fileCalls = Object.freeze(out);
    }
    return this.fileCalls;
  }
  /** Calls to any of `names`, in file order (a new array each time: callers may filter or sort it). */
  callsTo(names) {
    const set = new Set(names);
    if (set.size === 1) {
      const [name] = set;
      return [...this.calleeIndex().get(name) ?? []];
    }
    return this.allCalls().filter(({ site }) => set.has(site.call.callee));
  }
  calleeIndex() {
    if (!this.byCallee) {
      const m = /* @__PURE__ */ new Map();
      for (const c of this.allCalls()) {
        const l = m.get(c.site.call.callee);
        if (l)
          l.push(c);
        else
          m.set(c.site.call.callee, [c]);
      }
      this.byCallee = m;
    }
    return this.byCallee;
  }
  /** The functions of the file called `name`, in file order (a fragment image may hold several pieces of one). */
  functionsNamed(name) {
    if (!this.byName) {
      const m = /* @__PURE__ */ new Map();
      for (const fn of this.ir.functions) {
        const l = m.get(fn.name);
        if (l)
          l.push(fn);
        else
          m.set(fn.name, [fn]);
      }
      for (const l of m.values())
        Object.freeze(l);
      this.byName = m;
    }
    return this.byName.get(name) ?? NO_FUNCTIONS;
  }
  origins(e, fn) {
    return this.provenance.originsOf(e, fn);
  }
  kinds(e, fn) {
    return this.provenance.kindsOf(e, fn);
  }
  locks(fn) {
    let r = this.lockReports.get(fn);
    if (!r) {
      r = analyseLocks(fn, this.model);
      this.lockReports.set(fn, r);
    }
    return r;
  }
  /**
   * Reads of an lvalue anywhere in the file, matched by normalised text (`rctx->nents`) or, with `byField`,
   * by the last field name alone (`->nents` through any base), which is how a value stored in a struct in
   * one function is found again in another.
   */
  uses(key2, opts = {}) {
    const index = this.index();
    const list = opts.byField ? index.get(`.${key2}`) ?? [] : index.get(key2) ?? [];
    return opts.fn ? list.filter((u) => u.fn === opts.fn) : list;
  }
  index() {
    if (this.keyIndex)
      return this.keyIndex;
    const idx = /* @__PURE__ */ new Map();
    const push = (k, u) => {
      const l = idx.get(k) ?? [];
      l.push(u);
      idx.set(k, l);
    };
    for (const fn of this.ir.functions) {
      for (const { expr: e, exprParents, stmt, stmtParents } of exprSitesOfKind(fn, "ident", "field")) {
        const parent = exprParents[exprParents.length - 1];
        if (parent?.k === "field" && parent.base === e)
          continue;
        const u = { expr: e, stmt, exprParents, stmtParents, fn };
        push(exprKey(e), u);
        if (e.k === "field")
          push(`.${e.field}`, u);
      }
    }
    this.keyIndex = idx;
    return idx;
  }
};

// dist/src/rules/support/uses.js
function resultTarget(site) {
  const parent = site.exprParents[site.exprParents.length - 1];
  if (!parent) {
    if (site.stmt.k === "expr")
      return "discarded";
    if (site.stmt.k === "decl") {
      const v = site.stmt.vars.find((x) => x.init === site.call || x.init?.k === "cast" && x.init.arg === site.call);
      if (v)
        return { key: v.name, line: v.line };
    }
    return "other";
  }
  const p = parent.k === "cast" ? site.exprParents[site.exprParents.length - 2] : parent;
  if (p?.k === "assign" && (p.right === site.call || p.right === parent)) {
    const key2 = lvalueKey(p.left);
    if (key2)
      return { key: key2, line: p.line };
  }
  if (!p && site.stmt.k === "decl") {
    const v = site.stmt.vars.find((x) => x.init === parent);
    if (v)
      return { key: v.name, line: v.line };
  }
  return "other";
}
function parentOf(use) {
  for (let i = use.exprParents.length - 1; i >= 0; i--) {
    if (use.exprParents[i].k !== "cast")
      return use.exprParents[i];
  }
  return void 0;
}
function inCondition(use) {
  const s = use.stmt;
  if (s.k === "if" && containsExpr(s.cond, use.expr) || s.k === "loop" && s.cond && containsExpr(s.cond, use.expr))
    return true;
  return use.exprParents.some((p) => p.k === "binary" && (p.op === "&&" || p.op === "||") || p.k === "cond" && containsExpr(p.test, use.expr) || p.k === "call" && /^(WARN_ON|WARN_ON_ONCE|WARN|BUG_ON|unlikely|likely)$/.test(p.callee));
}
function containsExpr(root, target) {
  if (root === target)
    return true;
  return root.line <= target.line && root.endLine >= target.endLine && root.text.includes(target.text);
}
function usesAfter(analysis, fn, key2, line) {
  return analysis.uses(key2, { fn }).filter((u) => u.expr.line >= line && !isAssignTarget(u));
}
function isAssignTarget(u) {
  const p = parentOf(u);
  return p?.k === "assign" && p.left === u.expr;
}
function signTest(p, e) {
  if (p?.k !== "binary")
    return void 0;
  const zero = (x) => x.k === "literal" && /^0[uUlL]*$/.test(x.text.trim());
  if (p.left === e && zero(p.right) && (p.op === "<" || p.op === ">="))
    return p.text;
  if (p.right === e && zero(p.left) && (p.op === ">" || p.op === "<="))
    return p.text;
  return void 0;
}
function zeroTest(p, e) {
  if (p?.k === "unary" && p.op === "!" && p.arg === e)
    return true;
  if (p?.k === "binary" && p.op === "==") {
    const other = p.left === e ? p.right : p.right === e ? p.left : void 0;
    return other?.k === "literal" && /^0[uUlL]*$/.test(other.text.trim());
  }
  return false;
}
function argumentOf(use) {
  const p = parentOf(use);
  if (p?.k !== "call")
    return void 0;
  const target = use.exprParents[use.exprParents.length - 1];
  const index = p.args.findIndex((a) => a === use.expr || a === target);
  return index >= 0 ? { call: p, index } : void 0;
}

// dist/src/rules/dma-map-sg-result.js
var ID2 = "dma-map-sg-result";
var REFS = ["DMA-001", "DMA-002", "kernel/dma/mapping.c (dma_map_sg_attrs, dma_map_sgtable)", "Documentation/core-api/dma-api.rst"];
var dmaMapSgResult = {
  meta: {
    id: ID2,
    defaultSeverity: "error",
    certainty: "certain",
    description: "dma_map_sg() result ignored, tested with < 0 or dma_mapping_error(); dma_map_sgtable() status used as a count",
    catalogue: ["DMA-001", "DMA-002"],
    docsUrl: docsUrl(ID2)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const contract = ctx.model.contract(call.callee);
        const convention = contract?.category === "dma-map" ? contract.returns?.error : void 0;
        const mapsTable2 = contract?.params?.some((p) => p.role === "sgt") ?? false;
        const base = { function: fn, code: call.text, references: REFS };
        if (convention === "zero-count") {
          const direct = parentOf(site);
          if (direct?.k === "call" && direct.callee === "dma_mapping_error") {
            out.push({ ...base, line: call.line, message: mappingErrorMsg(call.callee), why: countWhy(call.callee), instead: countInstead() });
            continue;
          }
          const sign = signTest(direct, call);
          if (sign) {
            out.push({ ...base, line: call.line, message: `\`${sign}\` can never be true: ${call.callee}() returns an unsigned count and 0 on failure.`, why: countWhy(call.callee), instead: countInstead() });
            continue;
          }
          const target = resultTarget(site);
          if (target === "discarded") {
            out.push({ ...base, line: call.line, message: `The result of ${call.callee}() is ignored: a failed mapping (0 entries) goes unnoticed and the device is programmed with undefined DMA addresses.`, why: countWhy(call.callee), instead: countInstead() });
            continue;
          }
          if (target === "other")
            continue;
          const uses = usesAfter(ctx.analysis, fn, target.key, target.line);
          let reported = false;
          let tested = false;
          for (const u of uses) {
            const p = parentOf(u);
            const arg = argumentOf(u);
            if (arg?.call.callee === "dma_mapping_error") {
              out.push({
                ...base,
                line: u.expr.line,
                message: mappingErrorMsg(call.callee, target.key),
                why: countWhy(call.callee),
                instead: countInstead(),
                evidence: [{ file: ctx.image.path, line: call.line, note: `${target.key} = ${call.callee}(): a segment count` }]
              });
              reported = true;
              break;
            }
            const s = signTest(p, u.expr) ?? (arg?.call.callee === "IS_ERR_VALUE" ? arg.call.text : void 0);
            if (s) {
              out.push({
                ...base,
                line: u.expr.line,
                message: `\`${s}\` never detects a failed ${call.callee}(): it returns an unsigned count, 0 on failure, never a negative errno.`,
                why: countWhy(call.callee),
                instead: countInstead(),
                evidence: [{ file: ctx.image.path, line: call.line, note: `${target.key} = ${call.callee}()` }]
              });
              reported = true;
              break;
            }
            if (inCondition(u) || zeroTest(p, u.expr))
              tested = true;
          }
          if (!reported && !tested && !ctx.image.complete && (fn.synthetic || uses.length > 0))
            continue;
          if (!reported && !tested) {
            out.push({
              ...base,
              line: call.line,
              certainty: uses.length ? "likely" : "certain",
              message: `The count returned by ${call.callee}() in \`${target.key}\` is never tested for 0 (failure).`,
              why: countWhy(call.callee),
              instead: countInstead()
            });
          }
        } else if (convention === "zero-success-negative-errno" && mapsTable2) {
          const target = resultTarget(site);
          const direct = parentOf(site);
          if (zeroTest(direct, call)) {
            out.push({ ...base, line: call.line, message: `\`${direct.text}\` treats success as failure: ${call.callee}() returns 0 on success and a negative errno on failure.`, why: sgtableWhy(call.callee), instead: sgtableInstead() });
            continue;
          }
          if (typeof target !== "object")
            continue;
          for (const u of usesAfter(ctx.analysis, fn, target.key, target.line)) {
            const p = parentOf(u);
            const arg = argumentOf(u);
            const asCount = arg && /^(for_each_sg|dma_unmap_sg|dma_unmap_sg_attrs|dma_sync_sg_for_cpu|dma_sync_sg_for_device|sg_next)$/.test(arg.call.callee);
            if (zeroTest(p, u.expr) || asCount) {
              out.push({
                ...base,
                line: u.expr.line,
                message: asCount ? `\`${target.key}\` (the status from ${call.callee}()) is used as a segment count in ${arg.call.callee}(); on success it is 0.` : `\`${p.text}\` treats success as failure: ${call.callee}() returns 0 on success and a negative errno on failure.`,
                why: sgtableWhy(call.callee),
                instead: sgtableInstead(),
                evidence: [{ file: ctx.image.path, line: call.line, note: `${target.key} = ${call.callee}(): 0 or -errno` }]
              });
              break;
            }
          }
        }
      }
    }
    return out;
  }
};
function mappingErrorMsg(callee, key2) {
  return `dma_mapping_error() is applied to ${key2 ? `\`${key2}\`, ` : ""}the segment count returned by ${callee}(); it only recognises DMA_MAPPING_ERROR addresses, so a failed mapping (0) is never detected.`;
}
function countWhy(callee) {
  return `${callee}() returns unsigned int: the number of DMA segments, 0 on any error; negative values are squashed to 0 internally (kernel/dma/mapping.c). dma_mapping_error() is for dma_map_single/page/resource addresses.`;
}
function countInstead() {
  return "Test `if (!count) { ret = -ENOMEM; goto err; }`, program the hardware with the returned count, and use dma_map_sgtable() if the caller needs the reason (e.g. -EREMOTEIO for P2PDMA).";
}
function sgtableWhy(callee) {
  return `${callee}() returns 0 on success (the mapped count is in sgt->nents) or -EINVAL/-ENOMEM/-EIO/-EREMOTEIO (kernel/dma/mapping.c).`;
}
function sgtableInstead() {
  return "`ret = dma_map_sgtable(dev, sgt, dir, 0); if (ret) goto err;` and iterate the mapped segments with for_each_sgtable_dma_sg().";
}

// dist/src/rules/groups/core.js
var CORE_RULES = [sgNonpageMemory, dmaMapSgResult];

// dist/src/rules/support/dma-sinks.js
var BUS_SINKS = [
  { callee: "usb_control_msg", index: 6, what: "the data stage of a USB control transfer", source: "drivers/usb/core/message.c" },
  { callee: "usb_bulk_msg", index: 2, what: "a USB bulk transfer buffer", source: "drivers/usb/core/message.c" },
  { callee: "usb_bulk_msg_killable", index: 2, what: "a USB bulk transfer buffer", source: "drivers/usb/core/message.c" },
  { callee: "usb_interrupt_msg", index: 2, what: "a USB interrupt transfer buffer", source: "drivers/usb/core/message.c" },
  { callee: "usb_fill_bulk_urb", index: 3, what: "an URB's transfer_buffer", source: "include/linux/usb.h" },
  { callee: "usb_fill_int_urb", index: 3, what: "an URB's transfer_buffer", source: "include/linux/usb.h" },
  { callee: "usb_fill_control_urb", index: 3, what: "an URB's setup packet", source: "include/linux/usb.h" },
  { callee: "usb_fill_control_urb", index: 4, what: "an URB's transfer_buffer", source: "include/linux/usb.h" },
  { callee: "spi_write", index: 1, what: "spi_transfer.tx_buf (DMA-safe memory)", source: "include/linux/spi/spi.h" },
  { callee: "spi_read", index: 1, what: "spi_transfer.rx_buf (DMA-safe memory)", source: "include/linux/spi/spi.h" },
  { callee: "sdio_memcpy_fromio", index: 1, what: "the data stage of an SDIO CMD53 (sg_init_one of the buffer)", source: "drivers/mmc/core/sdio_ops.c" },
  { callee: "sdio_memcpy_toio", index: 2, what: "the data stage of an SDIO CMD53 (sg_init_one of the buffer)", source: "drivers/mmc/core/sdio_ops.c" },
  { callee: "sdio_readsb", index: 1, what: "the data stage of an SDIO CMD53 (sg_init_one of the buffer)", source: "drivers/mmc/core/sdio_ops.c" },
  { callee: "sdio_writesb", index: 2, what: "the data stage of an SDIO CMD53 (sg_init_one of the buffer)", source: "drivers/mmc/core/sdio_ops.c" }
];
var DMA_FIELDS = [
  { struct: "spi_transfer", fields: ["tx_buf", "rx_buf"], source: 'include/linux/spi/spi.h (struct spi_transfer: "DMA-safe memory")' },
  { struct: "urb", fields: ["transfer_buffer", "setup_packet"], source: "include/linux/usb.h (struct urb, mapped by usb_hcd_map_urb_for_dma)" }
];
var DMA_CATEGORIES = /* @__PURE__ */ new Set(["dma-map", "sg"]);
function knownSinkArgs(callee, model) {
  const out = [];
  const c = model.contract(callee);
  if (c?.category && DMA_CATEGORIES.has(c.category)) {
    c.params?.forEach((p, index) => {
      if (p.role === "buffer" && p.accepts && !p.accepts.includes("stack")) {
        out.push({ callee, index, what: `the ${p.name} buffer of ${callee}()`, source: c.source ?? "contract" });
      }
    });
  }
  out.push(...BUS_SINKS.filter((s) => s.callee === callee));
  return out;
}
function forwardedParam(e, fn) {
  let cur = stripCasts(e);
  while (true) {
    if (cur.k === "binary" && (cur.op === "+" || cur.op === "-"))
      cur = stripCasts(cur.left);
    else if (cur.k === "addr" && cur.arg.k === "index")
      cur = stripCasts(cur.arg.base);
    else
      break;
  }
  if (cur.k !== "ident")
    return -1;
  const name = cur.name;
  return fn.params.findIndex((p) => p.name === name);
}
function reassigned(fn, name) {
  return exprSitesOfKind(fn, "assign").some(({ expr: e }) => e.left.k === "ident" && e.left.name === name);
}
function wrapperSummaries(analysis, model) {
  const summaries = /* @__PURE__ */ new Map();
  const fns = analysis.functions.filter((f) => f.name && !f.synthetic);
  let changed = true;
  for (let round = 0; changed && round < 5; round++) {
    changed = false;
    for (const fn of fns) {
      const have = summaries.get(fn.name) ?? [];
      for (const site of analysis.calls(fn)) {
        const call = site.call;
        const direct = knownSinkArgs(call.callee, model);
        const nested = call.callee !== fn.name ? summaries.get(call.callee) ?? [] : [];
        const sinks = [
          ...direct.map((s) => ({ index: s.index, path: void 0, sink: s })),
          ...nested.map((w) => ({ index: w.param, path: w, sink: w.sink }))
        ];
        for (const s of sinks) {
          const arg = call.args[s.index];
          if (!arg)
            continue;
          const param = forwardedParam(arg, fn);
          if (param < 0 || reassigned(fn, fn.params[param].name))
            continue;
          if (have.some((h) => h.param === param))
            continue;
          const chain = s.path ? [{ fn: s.path.fn.name, line: s.path.via.line }, ...s.path.chain] : [];
          have.push({ fn, param, via: call, sink: s.sink, chain });
          changed = true;
        }
      }
      if (have.length)
        summaries.set(fn.name, have);
    }
  }
  return summaries;
}

// dist/src/rules/support/patch-lines.js
function removedLines(file, within) {
  const out = [];
  for (const h of file.hunks) {
    if (within && (h.newStart > within.end || h.newStart + Math.max(h.newLines, 1) - 1 < within.start))
      continue;
    for (const l of h.lines)
      if (l.kind === "del" && l.oldLine !== void 0)
        out.push({ line: l.oldLine, text: l.text });
  }
  return out;
}
function addedLines(file) {
  const out = [];
  for (const h of file.hunks) {
    for (const l of h.lines)
      if (l.kind === "add" && l.newLine !== void 0)
        out.push({ line: l.newLine, text: l.text });
  }
  return out;
}
var HEAP_KINDS = /* @__PURE__ */ new Set(["slab", "kmalloc-large", "ram", "dma-pages"]);
function removedHeapAllocation(file, name, model, within) {
  const re = new RegExp(`\\b${name.replace(/[$]/g, "\\$&")}\\s*=\\s*(?:\\([^)]*\\)\\s*)?([A-Za-z_]\\w*)\\s*\\(`);
  for (const l of removedLines(file, within)) {
    const m = re.exec(l.text);
    if (!m)
      continue;
    const kind = model.contract(m[1])?.returns?.kind;
    if (kind && HEAP_KINDS.has(kind))
      return { line: l.line, text: l.text.trim(), allocator: m[1] };
  }
  return void 0;
}
function hunkFunctionAt(file, newLine) {
  for (const h of file.hunks) {
    if (newLine < h.newStart || newLine >= h.newStart + Math.max(h.newLines, 1))
      continue;
    return /([A-Za-z_]\w*)\s*\(/.exec(h.section)?.[1];
  }
  return void 0;
}

// dist/src/rules/support/memo.js
function memoize(compute) {
  const cache2 = /* @__PURE__ */ new WeakMap();
  return (key2) => {
    let v = cache2.get(key2);
    if (v === void 0 && !cache2.has(key2)) {
      v = compute(key2);
      cache2.set(key2, v);
    }
    return v;
  };
}
function memoize2(compute) {
  const cache2 = /* @__PURE__ */ new WeakMap();
  return (key2, by) => {
    let inner = cache2.get(key2);
    if (!inner)
      cache2.set(key2, inner = /* @__PURE__ */ new Map());
    let v = inner.get(by);
    if (v === void 0 && !inner.has(by)) {
      v = compute(key2, by);
      inner.set(by, v);
    }
    return v;
  };
}
function lazy(compute) {
  let done = false;
  let v;
  return () => {
    if (!done) {
      v = compute();
      done = true;
    }
    return v;
  };
}

// dist/src/rules/dma-on-stack.js
var ID3 = "dma-on-stack";
var REFS2 = ["SG-004", `Documentation/core-api/dma-api-howto.rst ("What memory is DMA'able?")`, "kernel/dma/debug.c (check_for_stack)"];
var TRANSFER_NAME = /(^|_)(ctrl|control|bulk|xfer|transfer|msg|urb|usb|spi|sdio|read|write|recv|send|rx|tx|cmd|reg|io)(_|\d|$)/i;
var NON_DMA_NAME = /(i2c|smbus|regmap)/i;
var BUS_PATH = /(^|\/)(usb|spi|mmc|sdio)(\/|$)|\/(usb|spi|sdio)[^/]*\.c$|^sound\/usb\//;
var isStack = (kind) => kind === "stack";
var dmaOnStack = {
  meta: {
    id: ID3,
    defaultSeverity: "error",
    certainty: "certain",
    description: "Stack buffer used for DMA: in a scatterlist, dma_map_single(), a USB/SPI/SDIO transfer or a transfer descriptor",
    catalogue: ["SG-004"],
    docsUrl: docsUrl(ID3)
  },
  check(ctx) {
    const out = [];
    const wrappers = wrapperSummaries(ctx.analysis, ctx.model);
    const notes = lazy(() => platformNotes(ctx));
    const seen = /* @__PURE__ */ new Set();
    const push = (r) => {
      const key2 = `${r.line}:${r.code}`;
      if (!seen.has(key2)) {
        seen.add(key2);
        out.push(r);
      }
    };
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const direct = knownSinkArgs(call.callee, ctx.model);
        for (const sink of direct) {
          const arg = call.args[sink.index];
          const r = arg && stackReport(ctx, fn, arg, call, sink, void 0, notes);
          if (r)
            push(r);
        }
        const viaWrapper = call.callee !== fn.name ? wrappers.get(call.callee) ?? [] : [];
        for (const w of viaWrapper) {
          const arg = call.args[w.param];
          const r = arg && stackReport(ctx, fn, arg, call, w.sink, w, notes);
          if (r)
            push(r);
        }
        if (direct.length === 0 && viaWrapper.length === 0) {
          for (const r of unseenWrapperReports(ctx, fn, call, notes))
            push(r);
        }
      }
      for (const r of fieldReports(ctx, fn, notes))
        push(r);
    }
    return out;
  }
};
function stackReport(ctx, fn, arg, call, sink, wrapper, notes) {
  const split = splitOrigins(ctx.analysis.origins(arg, fn), isStack);
  const certainty = certaintyOf(split);
  if (!certainty)
    return void 0;
  const path = [];
  if (wrapper) {
    path.push({ file: ctx.image.path, line: wrapper.via.line, note: `${wrapper.fn.name}() passes its parameter \`${wrapper.fn.params[wrapper.param]?.name}\` to ${wrapper.via.callee}()` });
    for (const c of wrapper.chain)
      path.push({ file: ctx.image.path, line: c.line, note: `${c.fn}() forwards it` });
  }
  const through = wrapper ? `${call.callee}(), which hands it to ${sink.callee}() as ${sink.what}` : `${call.callee}() as ${sink.what}`;
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty,
    message: `\`${arg.text}\` ${certainty === "certain" ? "is" : "may be"} stack memory and is passed to ${through}: the device accesses it by DMA.`,
    why: whyFor(sink),
    instead: insteadFor2(sink),
    platformNotes: notes(),
    evidence: [...evidenceOf(split.bad), ...path, { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: [...REFS2, sink.source]
  };
}
function unseenWrapperReports(ctx, fn, call, notes) {
  if (ctx.analysis.provenance.functionNamed(call.callee) || ctx.model.contract(call.callee))
    return [];
  if (NON_DMA_NAME.test(call.callee))
    return [];
  if (!TRANSFER_NAME.test(call.callee) && !BUS_PATH.test(ctx.image.path))
    return [];
  const out = [];
  for (const arg of call.args) {
    const origins = ctx.analysis.origins(arg, fn);
    const stack = origins.filter((o) => isStack(o.kind));
    if (stack.length === 0 || stack.length !== origins.length)
      continue;
    const name = bufferName(arg);
    if (!name)
      continue;
    const heap = ctx.side === "new" ? removedHeapAllocation(ctx.file, name, ctx.model, { start: fn.line, end: fn.endLine }) : void 0;
    if (!heap)
      continue;
    out.push({
      line: call.line,
      function: fn,
      code: call.text,
      certainty: "likely",
      message: `\`${arg.text}\` is now a stack buffer, but this patch removes its ${heap.allocator}() allocation while still passing it to the transfer helper ${call.callee}(): such helpers hand the buffer to the bus core, which DMAs into it.`,
      why: `${whyFor(BUS_PATH.test(ctx.image.path) ? busSinkFor(ctx.image.path) : void 0)} The buffer used to come from ${heap.allocator}() (removed line ${heap.line}: \`${heap.text}\`); heap memory is what makes a transfer buffer DMA-able, which is why drivers allocate even two-byte buffers.`,
      instead: insteadFor2(void 0),
      platformNotes: notes(),
      evidence: [...evidenceOf(stack), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}() (its body is not part of this diff)` }],
      references: [...REFS2, "drivers/usb/core/message.c (usb_control_msg)"]
    });
  }
  return out;
}
function fieldReports(ctx, fn, notes) {
  const out = [];
  const scope = ctx.analysis.provenance.scope(fn);
  const typeOf = (name) => scope.locals.get(name)?.type ?? scope.params.get(name)?.type ?? "";
  const report9 = (value, field, struct, source, line, code2) => {
    const split = splitOrigins(ctx.analysis.origins(value, fn), isStack);
    const certainty = certaintyOf(split);
    if (!certainty)
      return;
    const sink = { callee: `struct ${struct}`, index: 0, what: `${struct}.${field}`, source };
    out.push({
      line,
      function: fn,
      code: code2,
      certainty,
      message: `\`${value.text}\` ${certainty === "certain" ? "is" : "may be"} stack memory and is stored in ${struct}.${field}, which the bus core maps for DMA.`,
      why: whyFor(sink),
      instead: insteadFor2(sink),
      platformNotes: notes(),
      evidence: [...evidenceOf(split.bad), { file: ctx.image.path, line, note: `stored in .${field}` }],
      references: [...REFS2, source]
    });
  };
  for (const v of scope.locals.values()) {
    const spec = DMA_FIELDS.find((d) => v.type.includes(d.struct));
    if (!spec || !v.init || v.init.k !== "init")
      continue;
    for (const field of spec.fields) {
      const m = new RegExp(`\\.\\s*${field}\\s*=\\s*([^,}]+)`).exec(v.init.text);
      const item = m && v.init.items.find((it) => it.text.trim() === m[1].trim());
      if (item)
        report9(item, field, spec.struct, spec.source, item.line, `${v.name}.${field} = ${item.text}`);
    }
  }
  for (const { expr: e } of exprSitesOfKind(fn, "assign")) {
    const left = e.left;
    if (e.op !== "=" || left.k !== "field")
      continue;
    const base = rootName(left.base);
    const spec = base && DMA_FIELDS.find((d) => d.fields.includes(left.field) && typeOf(base).includes(d.struct));
    if (spec)
      report9(e.right, left.field, spec.struct, spec.source, e.line, e.text);
  }
  return out;
}
function rootName(e) {
  let cur = e;
  while (cur.k === "field" || cur.k === "index" || cur.k === "cast" || cur.k === "deref" || cur.k === "addr") {
    cur = cur.k === "field" || cur.k === "index" ? cur.base : cur.arg;
  }
  return cur.k === "ident" ? cur.name : void 0;
}
function bufferName(arg) {
  let cur = arg;
  while (cur.k === "cast" || cur.k === "binary" && (cur.op === "+" || cur.op === "-") || cur.k === "addr" && cur.arg.k === "index") {
    cur = cur.k === "cast" ? cur.arg : cur.k === "binary" ? cur.left : cur.arg.base;
  }
  return cur.k === "ident" ? cur.name : void 0;
}
function busSinkFor(path) {
  const bus = /usb/.test(path) ? "usb_" : /spi/.test(path) ? "spi_" : /mmc|sdio/.test(path) ? "sdio_" : void 0;
  return bus ? { callee: bus, index: 0, what: "", source: "" } : void 0;
}
function platformNotes(ctx) {
  return ctx.model.kindOnPlatforms("stack", "linear").map(({ platform, value }) => value ? `${platform}: VMAP_STACK=n, the stack is in the linear map, but DMA into it still shares cache lines with live stack data and outlives the frame.` : `${platform}: VMAP_STACK=y, the stack is vmalloc memory: virt_to_page()/sg_set_buf() give a bogus page and dma_map_single() rejects it.`);
}
function whyFor(sink) {
  const how = sink?.callee.startsWith("usb_") || sink?.callee === "struct urb" ? "The USB core maps transfer buffers with dma_map_single()/dma_map_sg() for the host controller (usb_hcd_map_urb_for_dma)." : sink?.callee.startsWith("spi_") || sink?.callee === "struct spi_transfer" ? "SPI controllers with DMA map tx_buf/rx_buf through the scatterlist API (spi_map_buf), which needs linear-map memory." : sink?.callee.startsWith("sdio_") ? "The SDIO core builds the data stage with sg_init_one() on the caller's buffer, and the host controller DMA-maps that scatterlist." : "The buffer is turned into a DMA address through its struct page (sg_set_buf()/dma_map_single() use virt_to_page()).";
  return `Stack memory must never be used for DMA (dma-api-howto.rst). ${how} With CONFIG_VMAP_STACK the stack is vmalloc memory, so the page lookup yields a bogus struct page and DMA debug reports "device driver maps memory from stack"; without it the buffer still shares cache lines with other stack data (corrupted by cache maintenance on non-coherent platforms) and may be reused as soon as the function returns.`;
}
function insteadFor2(sink) {
  const base = "Allocate the buffer with kmalloc()/kzalloc() and free it after the transfer, or keep it in a kmalloc()ed driver structure (____cacheline_aligned so it does not share cache lines with CPU-written fields).";
  if (sink?.callee === "usb_control_msg")
    return `${base} For small control transfers, usb_control_msg_recv()/usb_control_msg_send() bounce through their own heap copy and accept stack buffers.`;
  if (sink?.callee === "spi_write" || sink?.callee === "spi_read" || sink?.callee === "struct spi_transfer")
    return `${base} For short register accesses, spi_write_then_read() copies through a DMA-safe bounce buffer and accepts stack buffers.`;
  return base;
}

// dist/src/rules/support/page-exprs.js
var DEREF_CATEGORIES = /* @__PURE__ */ new Set(["page", "mapping", "converter", "free", "pgmap", "gup"]);
function pageDerefArg(call, model) {
  if (/^(page_to_pfn|page_to_phys|page_to_virt|nth_page|pfn_to_page|virt_to_page)$/.test(call.callee))
    return -1;
  const c = model.contract(call.callee);
  if (!c?.category || !DEREF_CATEGORIES.has(c.category) || !c.params)
    return -1;
  const i = c.params.findIndex((p) => p.role === "page" && !("out" in p && p.out));
  return i;
}
function looksLikePage(e) {
  const x = stripCasts(e);
  if (x.k === "ident")
    return /(^|_)(page|pg|pages)$/i.test(x.name);
  if (x.k === "field")
    return /(^|_)(page|pg|bv_page)$/i.test(x.field);
  if (x.k === "index")
    return looksLikePage(x.base);
  if (x.k === "call")
    return /^(sg_page|pfn_to_page|virt_to_page|phys_to_page|nth_page|folio_page|compound_head)$/.test(x.callee);
  return false;
}
function derivedFromPage(e) {
  let hit = false;
  walkExpr(e, (x) => {
    if (hit)
      return;
    if (x.k === "call" && /^(page_to_pfn|page_to_phys|page_address|folio_pfn|page_to_virt|lowmem_page_address)$/.test(x.callee))
      hit = true;
    else if (looksLikePage(x))
      hit = true;
  });
  return hit;
}
function sameExpr(a, b) {
  return stripCasts(a).text.replace(/\s+/g, "") === stripCasts(b).text.replace(/\s+/g, "");
}

// dist/src/rules/sg-pageless-workaround.js
var ID4 = "sg-pageless-workaround";
var REFS3 = [
  "SG-002",
  "lib/scatterlist.c (sg_miter_stop)",
  "include/linux/scatterlist.h (sg_set_page)",
  `LKML 2019-09 "scatterlist: Validate page before calling PageSlab()" (NAKed: "putting things that don't have struct page into the scatter list was not allowed")`
];
var SG_CORE = /^(lib\/(scatterlist|sg_split|sg_pool)\.c|include\/linux\/scatterlist\.h)$/;
var MM_CORE = /^(mm\/[^/]+\.c|include\/linux\/(mm|mm_types|mmzone|highmem|highmem-internal|page-flags|pagemap|memremap)\.h)$/;
var SG_CONSUMER_FN = /^(sg_miter_\w+|sg_copy_\w+|sg_pcopy_\w+|sg_zero_buffer|sg_virt|__sg_page_iter_\w+)$/;
var VALIDITY = /^(pfn_valid|virt_addr_valid|page_is_ram|pfn_to_online_page|pfn_is_map_memory|memblock_is_map_memory|memblock_is_memory)$/;
var ASSERTION = /^(WARN|WARN_ON|WARN_ON_ONCE|WARN_ONCE|BUG_ON|VM_BUG_ON|VM_BUG_ON_PAGE|VM_WARN_ON|VM_WARN_ON_ONCE|VM_WARN_ON_ONCE_PAGE|BUILD_BUG_ON)$/;
var sgPagelessWorkaround = {
  meta: {
    id: ID4,
    defaultSeverity: "error",
    certainty: "certain",
    description: "Validity guards added in scatterlist/mm core so that entries without a real struct page are tolerated instead of fixed at the producer",
    catalogue: ["SG-002"],
    docsUrl: docsUrl(ID4)
  },
  check(ctx) {
    const path = ctx.image.path;
    const sgCore = SG_CORE.test(path);
    const mmCore = MM_CORE.test(path);
    const out = [];
    const wrappersOf = lazy(() => validityWrappers(ctx));
    for (const fn of ctx.analysis.functions) {
      const consumer = SG_CONSUMER_FN.test(fn.name);
      if (!sgCore && !mmCore && !consumer)
        continue;
      const wrappers = wrappersOf();
      for (const site of ctx.analysis.calls(fn)) {
        const wrapper = wrappers.get(site.call.callee);
        if (!VALIDITY.test(site.call.callee) && !wrapper)
          continue;
        if (site.exprParents.some((p) => p.k === "call" && ASSERTION.test(p.callee)))
          continue;
        const arg = site.call.args[0];
        if (!arg || !inCondition({ expr: site.call, stmt: site.stmt, exprParents: site.exprParents }))
          continue;
        const onPage = derivedFromPage(arg);
        if (!onPage && !(sgCore || consumer))
          continue;
        const guarded2 = guardedPageOp(ctx, site);
        const r = report(ctx, fn, site.call, site.call.text, guarded2, sgCore || consumer ? "certain" : "likely");
        if (wrapper)
          r.evidence.push({ file: path, line: wrapper.line, note: `${site.call.callee}() returns ${wrapper.text}` });
        out.push(r);
      }
      if (sgCore || consumer)
        out.push(...nullPageGuards(ctx, fn));
    }
    return out;
  }
};
function validityWrappers(ctx) {
  const out = /* @__PURE__ */ new Map();
  for (const fn of ctx.analysis.functions) {
    if (!fn.name || fn.synthetic)
      continue;
    for (const { call: x, stmt: s } of callsIn(fn)) {
      if (s.k !== "return" || !s.value)
        continue;
      if (VALIDITY.test(x.callee) && x.args[0] && derivedFromPage(x.args[0]))
        out.set(fn.name, x);
    }
  }
  return out;
}
function guardedPageOp(ctx, site) {
  const roots = [];
  const stmt = site.stmt;
  if (stmt.k === "if") {
    roots.push(stmt.cond);
    walkStmtExprs(stmt.then, roots);
  } else {
    roots.push(...site.exprParents.slice(0, 1));
  }
  let found;
  for (const r of roots) {
    walkExpr(r, (x) => {
      if (!found && x.k === "call" && x !== site.call && pageDerefArg(x, ctx.model) >= 0)
        found = x;
    });
  }
  return found;
}
function walkStmtExprs(s, out) {
  switch (s.k) {
    case "block":
      s.body.forEach((b) => walkStmtExprs(b, out));
      break;
    case "expr":
      out.push(s.expr);
      break;
    case "if":
      out.push(s.cond);
      walkStmtExprs(s.then, out);
      if (s.else)
        walkStmtExprs(s.else, out);
      break;
    case "return":
      if (s.value)
        out.push(s.value);
      break;
    default:
      break;
  }
}
function nullPageGuards(ctx, fn) {
  const out = [];
  for (const site of ctx.analysis.calls(fn)) {
    const i = pageDerefArg(site.call, ctx.model);
    const page = i >= 0 ? site.call.args[i] : void 0;
    if (!page)
      continue;
    const chain = site.exprParents.find((p) => p.k === "binary" && (p.op === "&&" || p.op === "||"));
    if (!chain)
      continue;
    const hit = conjuncts(chain, chain.op).map((c) => ({ c, test: nullTestOf(c, chain.op === "&&") })).find((x) => x.test && sameExpr(x.test, page));
    if (hit)
      out.push(report(ctx, fn, site.call, hit.c.text, site.call, "certain", hit.c.line));
  }
  return out;
}
function conjuncts(e, op) {
  return e.k === "binary" && e.op === op ? [...conjuncts(e.left, op), ...conjuncts(e.right, op)] : [e];
}
function nullTestOf(e, and) {
  if (and) {
    if (e.k === "ident" || e.k === "field")
      return e;
    if (e.k === "binary" && e.op === "!=" && e.right.k === "literal" && e.right.lit === "null")
      return e.left;
  } else if (e.k === "unary" && e.op === "!" && (e.arg.k === "ident" || e.arg.k === "field")) {
    return e.arg;
  }
  return void 0;
}
function report(ctx, fn, guard, code2, op, certainty, line = guard.line) {
  const where = ctx.image.path;
  const protects = op ? ` before ${op.callee}()` : "";
  return {
    line,
    function: fn,
    code: code2,
    certainty,
    message: `\`${code2.replace(/\s+/g, " ")}\` is added in ${fn.name || where}()${protects} so that scatterlist/page entries without a real struct page are skipped: this tolerates the bug instead of fixing the code that built such an entry.`,
    why: "Every scatterlist entry must hold a real, initialised struct page (sg_set_page(); sg_set_buf() is sg_set_page(virt_to_page(buf))). A page that fails pfn_valid()/virt_addr_valid() means a producer put memory without a memmap (ioremap()ed or PCI BAR memory, vmalloc or stack addresses) into the list. Guarding one consumer hides the producer bug: kmap, page_address(), flush_dcache_page() and the DMA mapping code still dereference the bogus page elsewhere, and pfn_valid() is only section-granular, so it does not even prove this page is real. The scatterlist maintainers rejected exactly this change in 2019.",
    instead: "Fix the producer: memory without struct pages must not go into a scatterlist. For PCI BAR memory register it with pci_p2pdma_add_resource() and allocate with pci_alloc_p2pmem()/pci_p2pmem_alloc_sgl(), or map the physical range with dma_map_resource() (dma_map_phys(..., DMA_ATTR_MMIO) on 6.18+) and skip the scatterlist; copy MMIO with memcpy_fromio()/memcpy_toio().",
    // Only the guard itself: the page operation it protects is old code and must not make the finding the patch's.
    evidence: [{ file: where, line, note: `guard in ${fn.name || "this function"}()${op ? ` protecting ${op.callee}() at line ${op.line}` : ""}` }],
    references: REFS3
  };
}

// dist/src/rules/support/sg-lists.js
var SG_ITER = /^(for_each_sg|for_each_sgtable_sg|for_each_sgtable_dma_sg)$/;
var GUP_LIKE = /^(get_user_pages\w*|pin_user_pages\w*|iov_iter_get_pages\w*|iov_iter_extract_pages|get_user_pages_fast_only)$/;
var PAGE_CACHE = /^(find_get_page|find_lock_page|find_or_create_page|grab_cache_page\w*|read_mapping_page|read_cache_page\w*|pagecache_get_page|filemap_get_folio|__filemap_get_folio|read_mapping_folio)$/;
var P2P_FLAG = /\b(FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b/;
function sgListKey(e, fn, depth = 0) {
  let x = stripCasts(e);
  while (x.k === "addr" || x.k === "index")
    x = stripCasts(x.k === "addr" ? x.arg : x.base);
  if (x.k === "call" && x.callee === "sg_next" && x.args[0] && depth < 4)
    return sgListKey(x.args[0], fn, depth + 1);
  if (x.k === "ident" && depth < 4) {
    const bound2 = iteratorList(fn, x.name);
    if (bound2)
      return sgListKey(bound2, fn, depth + 1);
  }
  if (x.k !== "ident" && x.k !== "field")
    return void 0;
  return x.text.replace(/\s+/g, "").replace(/(->|\.)sgl$/, "");
}
function iteratorList(fn, name) {
  return iteratorBindings(fn).get(name);
}
var iteratorBindings = memoize((fn) => {
  const out = /* @__PURE__ */ new Map();
  const bind = (c) => {
    if (c?.k !== "call" || !SG_ITER.test(c.callee))
      return;
    const v = c.args[1] && stripCasts(c.args[1]);
    if (v?.k === "ident" && !out.has(v.name) && c.args[0])
      out.set(v.name, c.args[0]);
  };
  for (const site of callsIn(fn))
    bind(site.call);
  return out;
});
function sameList(a, b) {
  if (a === b)
    return true;
  const last = (k) => k.split(/->|\./).pop();
  return last(a) === last(b) && (a.includes("->") || b.includes("->") || a.includes(".") || b.includes("."));
}
function gupPagesArg(call, model) {
  const c = model.contract(call.callee);
  if (c?.category === "gup" && c.params) {
    const i = c.params.findIndex((p) => p.role === "page" && p.out);
    if (i >= 0)
      return call.args[i];
  }
  if (!GUP_LIKE.test(call.callee))
    return void 0;
  return call.args.find((a) => /(^|[^\w])&?\w*pages?\b/.test(a.text) && !/nr_|max|npages|num/.test(a.text));
}
function p2pFlagOf(analysis, fn, call) {
  for (const a of call.args) {
    if (P2P_FLAG.test(a.text))
      return { line: a.line, text: a.text };
    const x = stripCasts(a);
    if (x.k !== "ident")
      continue;
    for (const u of analysis.uses(x.name, { fn })) {
      const p = u.exprParents[u.exprParents.length - 1];
      if (p?.k === "assign" && p.left === u.expr && P2P_FLAG.test(p.right.text))
        return { line: p.line, text: p.text };
    }
    for (const asg of analysis.provenance.scope(fn).assigns.get(x.name) ?? []) {
      if (P2P_FLAG.test(asg.rhs.text))
        return { line: asg.line, text: asg.rhs.text };
    }
  }
  return void 0;
}
var gupCalls = memoize2((analysis, model) => Object.freeze(findGupCalls(analysis, model)));
function findGupCalls(analysis, model) {
  const out = [];
  for (const { fn, site } of analysis.allCalls()) {
    const pages = gupPagesArg(site.call, model);
    if (!pages)
      continue;
    out.push({ site, fn, pages, p2pFlag: p2pFlagOf(analysis, fn, site.call) });
  }
  return out;
}
function pageArrayName(e) {
  let x = stripCasts(e);
  while (x.k === "index" || x.k === "deref" || x.k === "addr")
    x = stripCasts(x.k === "index" ? x.base : x.arg);
  return x.k === "ident" ? x.name : x.k === "field" ? x.text.replace(/\s+/g, "") : void 0;
}
function pageClass(analysis, fn, page, gups) {
  const file = analysis.ir.path;
  const arr = pageArrayName(page);
  const gup = arr ? gups.find((g) => g.fn === fn && pageArrayName(g.pages) === arr) : void 0;
  if (gup) {
    const ev = [{ file, line: gup.site.call.line, note: `${arr} filled by ${gup.site.call.callee}() with user pages` }];
    if (gup.p2pFlag)
      ev.push({ file, line: gup.p2pFlag.line, note: `\`${gup.p2pFlag.text}\` lets it return P2PDMA pages` });
    return { cls: gup.p2pFlag ? "user-p2p" : "user", evidence: ev, flagLine: gup.p2pFlag?.line };
  }
  const origins = analysis.origins(page, fn);
  const p2p = origins.find((o) => o.kind === "p2pdma");
  if (p2p)
    return { cls: "p2pdma", evidence: p2p.chain };
  const high = origins.find((o) => o.kind === "highmem");
  if (high)
    return { cls: "highmem", evidence: high.chain };
  const x = stripCasts(page);
  if (x.k === "ident") {
    for (const a of analysis.provenance.scope(fn).assigns.get(x.name) ?? []) {
      const r = stripCasts(a.rhs);
      if (r.k === "call" && PAGE_CACHE.test(r.callee))
        return { cls: "pagecache", evidence: [{ file, line: a.line, note: `${x.name} = ${r.callee}(): a page-cache page` }] };
    }
  }
  if (x.k === "call" && PAGE_CACHE.test(x.callee))
    return { cls: "pagecache", evidence: [{ file, line: x.line, note: `${x.callee}() returns a page-cache page` }] };
  return void 0;
}
var SG_PAGE_SETTERS = {
  sg_set_page: [0, 1],
  sg_set_folio: [0, 1],
  sg_alloc_table_from_pages: [0, 1],
  sg_alloc_table_from_pages_segment: [0, 1],
  sg_alloc_append_table_from_pages: [0, 1],
  __sg_alloc_table_from_pages: [0, 1]
};
var pageSources = memoize2((analysis, model) => Object.freeze(findPageSources(analysis, model)));
function findPageSources(analysis, model) {
  const gups = gupCalls(analysis, model);
  const out = [];
  for (const { fn, site } of analysis.allCalls()) {
    const call = site.call;
    const idx = SG_PAGE_SETTERS[call.callee];
    if (idx) {
      const list = call.args[idx[0]] && sgListKey(call.args[idx[0]], fn);
      const page = call.args[idx[1]];
      if (!list || !page)
        continue;
      const c = pageClass(analysis, fn, page, gups);
      if (c)
        out.push({ list, fn, cls: c.cls, flagLine: c.flagLine, evidence: [...c.evidence, { file: analysis.ir.path, line: call.line, note: `put into ${list} by ${call.callee}()` }] });
      continue;
    }
    const target = assignedList(site, fn);
    if (target && analysis.origins(call, fn).some((o) => o.kind === "p2pdma")) {
      out.push({ list: target, fn, cls: "p2pdma", evidence: [{ file: analysis.ir.path, line: call.line, note: `${call.callee}() returns a list of P2PDMA memory` }] });
    }
  }
  return out;
}
function assignedList(site, fn) {
  const p = site.exprParents[site.exprParents.length - 1];
  if (p?.k === "assign" && p.right === site.call)
    return sgListKey(p.left, fn);
  if (!p && site.stmt.k === "decl") {
    const v = site.stmt.vars.find((d) => d.init === site.call);
    if (v && /scatterlist/.test(v.type))
      return v.name;
  }
  return void 0;
}

// dist/src/rules/p2pdma-cpu-access.js
var ID5 = "p2pdma-cpu-access";
var REFS4 = ["SG-005", 'Documentation/driver-api/pci/p2pdma.rst ("Struct Page Caveats")', "drivers/pci/p2pdma.c"];
var CPU_COPY = {
  memcpy: [0, 1],
  memmove: [0, 1],
  memset: [0],
  memcmp: [0, 1],
  memzero_explicit: [0],
  copy_to_user: [1],
  copy_from_user: [0],
  __copy_to_user: [1],
  __copy_from_user: [0],
  strscpy: [0, 1],
  strcpy: [0, 1],
  csum_partial: [0],
  crc32c: [1]
};
var SG_CPU = {
  sg_copy_buffer: 0,
  sg_copy_from_buffer: 0,
  sg_copy_to_buffer: 0,
  sg_pcopy_from_buffer: 0,
  sg_pcopy_to_buffer: 0,
  sg_zero_buffer: 0,
  sg_miter_start: 1
};
var KMAP = /^(kmap|kmap_atomic|kmap_local_page|kmap_local_folio|page_address|memcpy_from_page|memcpy_to_page|memzero_page|copy_page|copy_highpage)$/;
var isP2p = (k) => k === "p2pdma";
var p2pdmaCpuAccess = {
  meta: {
    id: ID5,
    defaultSeverity: "error",
    certainty: "certain",
    description: "CPU memcpy/memset/sg_copy/sg_miter/kmap on P2PDMA memory, or P2PDMA pages enabled on a path that still copies them with the CPU",
    catalogue: ["SG-005"],
    docsUrl: docsUrl(ID5)
  },
  check(ctx) {
    const out = [];
    const sources = pageSources(ctx.analysis, ctx.model).filter((s) => s.cls === "p2pdma" || s.cls === "user-p2p");
    const gups = gupCalls(ctx.analysis, ctx.model).filter((g) => g.p2pFlag);
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const r = directAccess(ctx, fn, site, sources) ?? pageAccess(ctx, fn, site, gups);
        if (r)
          out.push(r);
      }
    }
    return dedupe(out);
  }
};
function dedupe(reports) {
  const seen = /* @__PURE__ */ new Set();
  return reports.filter((r) => {
    const k = `${r.line}:${r.code}`;
    if (seen.has(k))
      return false;
    seen.add(k);
    return true;
  });
}
function p2pPointer(ctx, fn, arg, sources) {
  const split = splitOrigins(ctx.analysis.origins(arg, fn), isP2p);
  if (split.bad.length)
    return { evidence: evidenceOf(split.bad), certain: split.good.length === 0 && split.unknown.length === 0 };
  const x = stripCasts(arg);
  const inner = x.k === "binary" && x.op === "+" ? stripCasts(x.left) : x;
  if (inner.k === "call" && inner.callee === "sg_virt" && inner.args[0]) {
    const list = sgListKey(inner.args[0], fn);
    const src = list ? sources.find((s) => sameList(s.list, list)) : void 0;
    if (src)
      return { evidence: src.evidence, certain: src.cls === "p2pdma", source: src };
  }
  return void 0;
}
function directAccess(ctx, fn, site, sources) {
  const call = site.call;
  const file = ctx.image.path;
  const ptrArgs = CPU_COPY[call.callee];
  if (ptrArgs) {
    for (const i of ptrArgs) {
      const arg = call.args[i];
      const p = arg && p2pPointer(ctx, fn, arg, sources);
      if (!p)
        continue;
      return report2(fn, call, `${call.callee}() reads or writes \`${arg.text}\``, p.source, [...p.evidence, { file, line: call.line, note: `CPU access by ${call.callee}()` }], p.certain);
    }
  }
  const li = SG_CPU[call.callee];
  if (li !== void 0 && call.args[li]) {
    const list = sgListKey(call.args[li], fn);
    const split = splitOrigins(ctx.analysis.origins(call.args[li], fn), isP2p);
    const src = list ? sources.find((s) => sameList(s.list, list)) : void 0;
    if (split.bad.length || src) {
      const ev = split.bad.length ? evidenceOf(split.bad) : src.evidence;
      return report2(fn, call, `${call.callee}() kmaps and memcpys every page of \`${call.args[li].text}\``, src, [...ev, { file, line: call.line, note: `CPU copy by ${call.callee}()` }], split.bad.length > 0 || src?.cls === "p2pdma");
    }
  }
  if (KMAP.test(call.callee) && call.args[0]) {
    const split = splitOrigins(ctx.analysis.origins(call.args[0], fn), isP2p);
    if (split.bad.length) {
      return report2(fn, call, `${call.callee}(${call.args[0].text}) gives the CPU a pointer to it`, void 0, [...evidenceOf(split.bad), { file, line: call.line, note: `${call.callee}()` }], split.good.length === 0 && split.unknown.length === 0);
    }
  }
  return void 0;
}
function pageAccess(ctx, fn, site, gups) {
  const call = site.call;
  if (!KMAP.test(call.callee) || !call.args[0])
    return void 0;
  const arr = pageArrayName(call.args[0]);
  const gup = arr ? gups.find((g) => g.fn === fn && pageArrayName(g.pages) === arr) : void 0;
  if (!gup?.p2pFlag)
    return void 0;
  const file = ctx.image.path;
  const ev = [
    { file, line: gup.p2pFlag.line, note: `\`${gup.p2pFlag.text}\` lets ${gup.site.call.callee}() return P2PDMA pages` },
    { file, line: gup.site.call.line, note: `${arr} filled by ${gup.site.call.callee}()` },
    { file, line: call.line, note: `${call.callee}() maps one of them for CPU access` }
  ];
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty: "likely",
    message: `${call.callee}(${call.args[0].text}) accesses with the CPU a page that ${gup.site.call.callee}() may return as P2PDMA memory: this path opts into P2PDMA pages (${gup.p2pFlag.text.replace(/\s+/g, " ")}) but still copies them with the CPU.`,
    why: `${WHY} A subsystem that sets FOLL_PCI_P2PDMA/ITER_ALLOW_P2PDMA must first be scrubbed of every CPU access to those pages (bounce buffers, checksums, encryption, PIO fallbacks).`,
    instead: "Only set FOLL_PCI_P2PDMA/ITER_ALLOW_P2PDMA on paths that hand the pages to a P2P-aware DMA mapping and never touch them with the CPU; skip the flag (or fail the I/O) when a CPU copy may be needed, e.g. `if (!is_pci_p2pdma_page(page)) <cpu path>`.",
    evidence: ev,
    references: [...REFS4, "mm/gup.c (FOLL_PCI_P2PDMA)", "include/linux/uio.h (ITER_ALLOW_P2PDMA)"]
  };
}
var WHY = 'A P2PDMA page is PCI BAR memory: its kernel address is an uncached MMIO alias. Documentation/driver-api/pci/p2pdma.rst forbids plain CPU access ("works on some architectures, others will experience corruption or just crash"); only readX()/writeX()/memcpy_toio()/memcpy_fromio() may touch it.';
function report2(fn, call, what, src, evidence, certain) {
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty: certain ? "certain" : "likely",
    message: `${what}, which ${certain ? "is" : "may be"} P2PDMA memory: plain CPU loads and stores on a PCI BAR are not allowed.`,
    why: `${WHY}${src?.cls === "user-p2p" ? " The pages come from user memory that this code allows to be P2PDMA (FOLL_PCI_P2PDMA/ITER_ALLOW_P2PDMA)." : ""} sg_copy_*() and sg_miter_*() kmap each page and memcpy through it.`,
    instead: "Use memcpy_toio()/memcpy_fromio()/memset_io() on the __iomem mapping, move the data with the device's DMA engine, or keep P2PDMA memory out of paths that need CPU copies.",
    evidence,
    references: REFS4
  };
}

// dist/src/rules/sg-highmem-address.js
var ID6 = "sg-highmem-address";
var REFS5 = ["SG-006", 'include/linux/scatterlist.h (sg_virt: "caller must know that the sg page has a valid virtual mapping")', "include/linux/highmem.h"];
var DESCRIBE = {
  user: "user pages from get_user_pages()/iov_iter extraction (allocated with GFP_HIGHUSER)",
  "user-p2p": "user pages from get_user_pages()/iov_iter extraction (allocated with GFP_HIGHUSER)",
  highmem: "pages allocated with a highmem GFP flag",
  pagecache: "page-cache pages (GFP_HIGHUSER_MOVABLE mappings)",
  p2pdma: ""
};
var sgHighmemAddress = {
  meta: {
    id: ID6,
    defaultSeverity: "error",
    certainty: "certain",
    description: "sg_virt()/page_address(sg_page()) on scatterlists that may hold highmem pages (user, page-cache or __GFP_HIGHMEM pages)",
    catalogue: ["SG-006"],
    docsUrl: docsUrl(ID6)
  },
  check(ctx) {
    const sources = pageSources(ctx.analysis, ctx.model).filter((s) => s.cls !== "p2pdma");
    if (sources.length === 0)
      return [];
    const platforms = ctx.model.kindOnPlatforms("highmem", "linear");
    const highmemPlatforms = platforms.filter((p) => !p.value).map((p) => p.platform);
    const notes = platforms.map((p) => p.value ? `${p.platform}: no CONFIG_HIGHMEM, every page has a linear address: works here, but the code is not portable.` : `${p.platform}: CONFIG_HIGHMEM, page_address() of an unmapped highmem page is NULL and sg_virt() returns NULL + offset.`);
    const out = [];
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        let sgArg;
        if (call.callee === "sg_virt")
          sgArg = call.args[0];
        else if (call.callee === "page_address" && call.args[0]) {
          const inner = stripCasts(call.args[0]);
          if (inner.k === "call" && inner.callee === "sg_page")
            sgArg = inner.args[0];
        }
        const list = sgArg && sgListKey(sgArg, fn);
        if (!list)
          continue;
        const src = sources.find((s) => sameList(s.list, list));
        if (!src)
          continue;
        const certain = highmemPlatforms.length > 0 && src.cls !== "pagecache";
        out.push({
          line: call.line,
          function: fn,
          code: call.text,
          certainty: certain ? "certain" : "likely",
          message: `${call.text} assumes every page in ${list} has a kernel virtual address, but the list holds ${DESCRIBE[src.cls]}, which can be highmem: there is no permanent mapping and the address is NULL + offset.`,
          why: `sg_virt() is page_address(sg_page(sg)) + offset, and page_address() returns NULL for a highmem page that is not kmapped (include/linux/highmem.h). ${highmemPlatforms.length ? `Configured platforms with CONFIG_HIGHMEM: ${highmemPlatforms.join(", ")}.` : "None of the configured platforms has CONFIG_HIGHMEM, so this is a portability bug for 32-bit kernels."}`,
          instead: "Map each page temporarily: kmap_local_page(sg_page(sg)) + sg->offset (and kunmap_local()), or iterate with sg_miter_start(..., SG_MITER_LOCAL | SG_MITER_FROM_SG/TO_SG), or use sg_copy_to_buffer()/sg_copy_from_buffer().",
          platformNotes: notes,
          evidence: [...src.evidence, { file: ctx.image.path, line: call.line, note: `${call.callee}() on ${list}` }],
          references: REFS5
        });
      }
    }
    return out;
  }
};

// dist/src/rules/support/kernel-era.js
function targetVersion(patch, model) {
  if (model.kernel) {
    const v = tryParseKernelVersion(model.kernel);
    if (v)
      return { version: v.text, source: "config", note: `the configured target kernel ${v.text}` };
  }
  if (patch.baseCommit) {
    const v = versionForCommit(patch.baseCommit);
    const p = v ? tryParseKernelVersion(v) : void 0;
    if (p)
      return { version: p.text, source: "base-commit", note: `the patch's base commit (${p.text})` };
  }
  if (patch.date) {
    const v = versionAtDate(patch.date);
    if (v)
      return { version: v, source: "date", note: `the tree of the patch's date, ${isoDay(patch.date)}` };
  }
  return { version: tryParseKernelVersion(MAINLINE_VERSION)?.text ?? MAINLINE_VERSION, source: "mainline", note: `current mainline (${MAINLINE_VERSION})` };
}
function isoDay(date) {
  const t = Date.parse(date);
  return Number.isNaN(t) ? date : new Date(t).toISOString().slice(0, 10);
}
function atOrAfter(version, boundary) {
  if (!boundary)
    return false;
  const a = tryParseKernelVersion(version);
  const b = tryParseKernelVersion(boundary);
  return !!a && !!b && compareVersions(a, b) >= 0;
}

// dist/src/rules/support/page-merge.js
var PFN_OF = /^(page_to_pfn|folio_pfn)$/;
var PHYS_OF = /^(page_to_phys|bvec_phys|sg_phys|folio_phys|page_to_bus)$/;
function addressSubject(e) {
  const x = stripCasts(e);
  if (x.k === "call" && PFN_OF.test(x.callee) && x.args[0])
    return { subject: x.args[0], form: "pfn", offset: false, byLength: false };
  if (x.k === "call" && PHYS_OF.test(x.callee) && x.args[0])
    return { subject: x.args[0], form: "phys", offset: false, byLength: false };
  if (x.k === "binary" && x.op === "+") {
    const l = addressSubject(x.left);
    const r = l ? void 0 : addressSubject(x.right);
    const inner = l ?? r;
    if (!inner)
      return void 0;
    const term = l ? x.right : x.left;
    const subj = stripCasts(inner.subject).text.replace(/\s+/g, "");
    const byLength = inner.byLength || /len(gth)?\b/.test(term.text) || term.text.replace(/\s+/g, "").startsWith(`${subj}->`) || inner.form === "pfn" && term.k === "literal";
    return { ...inner, offset: true, byLength };
  }
  return void 0;
}
function adjacencyTestOf(e) {
  if (e.k !== "binary" || e.op !== "==" && e.op !== "!=")
    return void 0;
  const l = addressSubject(e.left);
  const r = addressSubject(e.right);
  if (!l && !r)
    return void 0;
  if (l && r) {
    if (l.byLength === r.byLength)
      return void 0;
    const [pred, succ] = l.byLength ? [l, r] : [r, l];
    return { expr: e, form: pred.form, pred: pred.subject, succ: succ.subject };
  }
  const one = l ?? r;
  if (one.byLength)
    return void 0;
  const other = stripCasts(l ? e.right : e.left);
  if (other.k === "literal")
    return void 0;
  return { expr: e, form: one.form, succ: one.subject };
}
var adjacencyTests = memoize((fn) => Object.freeze(findAdjacencyTests(fn)));
function findAdjacencyTests(fn) {
  const out = [];
  if (!callsIn(fn).some((c) => PFN_OF.test(c.call.callee) || PHYS_OF.test(c.call.callee)))
    return out;
  for (const { expr: x } of exprSitesOfKind(fn, "binary")) {
    const t = adjacencyTestOf(x);
    if (t)
      out.push(t);
  }
  return out;
}
var KNOWN_HELPERS = {
  pages_are_mergeable: { pred: 1, succ: 0, checksPgmap: true, source: "lib/scatterlist.c" },
  biovec_phys_mergeable: { pred: 1, succ: 2, checksPgmap: false, source: "block/blk.h" },
  bvec_try_merge_page: { pred: 0, succ: 1, checksPgmap: true, source: "block/bio.c" },
  page_is_mergeable: { pred: 0, succ: 1, checksPgmap: false, source: "block/bio.c" },
  bvec_try_merge_hw_page: { pred: 1, succ: 2, checksPgmap: true, source: "block/bio.c" }
};
function checksSamePgmap(analysis, fn, seen = /* @__PURE__ */ new Set()) {
  seen.add(fn.name);
  for (const site of analysis.calls(fn)) {
    const c = site.call.callee;
    if (c === "zone_device_pages_have_same_pgmap" || /same_pgmap/.test(c))
      return true;
    if (KNOWN_HELPERS[c]?.checksPgmap)
      return true;
    const helper = analysis.provenance.functionNamed(c);
    if (helper && !seen.has(c) && checksSamePgmap(analysis, helper, seen))
      return true;
  }
  return false;
}
function mergeOrientation(analysis, callee) {
  const def = analysis.provenance.functionNamed(callee);
  if (def && !def.synthetic) {
    for (const t of adjacencyTests(def)) {
      const p = t.pred && paramIndex(def, t.pred);
      const s = t.succ && paramIndex(def, t.succ);
      if (typeof p === "number" && typeof s === "number" && p >= 0 && s >= 0 && p !== s) {
        return { pred: p, succ: s, checksPgmap: checksSamePgmap(analysis, def), source: `${analysis.ir.path} (${callee})` };
      }
    }
  }
  return KNOWN_HELPERS[callee];
}
function paramIndex(fn, e) {
  let x = stripCasts(e);
  while (x.k === "field")
    x = stripCasts(x.base);
  return x.k === "ident" ? fn.params.findIndex((p) => p.name === x.name) : -1;
}
var EARLIER_NAME = /^(last|prev|prv|tail|end|old)(_|$)|_(last|prev|prv|tail)$|^(lastpg|prevpg|last_page|prev_page)$/i;
function earlierReason(analysis, fn, arg) {
  const x = stripCasts(arg);
  if (x.k === "index") {
    const i = stripCasts(x.index);
    if (i.k === "binary" && i.op === "-" && i.right.k === "literal")
      return { why: `${x.text} is the element before`, line: x.line };
    return void 0;
  }
  if (x.k !== "ident")
    return void 0;
  const assigns = analysis.provenance.scope(fn).assigns.get(x.name) ?? [];
  const fromSg = assigns.find((a) => stripCasts(a.rhs).k === "call" && stripCasts(a.rhs).callee === "sg_page");
  if (fromSg)
    return { why: `${x.name} holds ${fromSg.rhs.text}, a page already in the list`, line: fromSg.line };
  if (EARLIER_NAME.test(x.name))
    return { why: `${x.name} names the page already in the segment`, line: x.line };
  return void 0;
}

// dist/src/rules/zone-device-merge.js
var ID7 = "zone-device-merge";
var REFS6 = ["SG-007", "include/linux/mmzone.h (zone_device_pages_have_same_pgmap)", "lib/scatterlist.c (pages_are_mergeable)", "block/bio.c", "block/blk.h (biovec_phys_mergeable)"];
var WHY_PGMAP = "A merged segment must belong to exactly one dev_pagemap: the DMA mapping code decides the P2PDMA map type (bus address or host bridge) and the bus offset from the segment's first page only (pci_p2pdma_state(), blk_rq_dma_map_iter_start()). Two physically adjacent pages can belong to different pgmaps (two BARs registered back to back, or a P2PDMA page next to RAM), and a merged segment then gets the wrong map type or offset for its tail.";
var MERGING_FN = /merg|coalesc|contig|chunk|append|alloc_table|segment|bvec|bio_add|add_page|add_pc_page/i;
var MERGE_FAMILIES = [
  {
    subsystem: "block",
    members: [
      { names: ["bvec_try_merge_page", "page_is_mergeable"], file: "block/bio.c", role: "bio_add_page() merging", checkedSince: { date: "2022-10-21", version: "6.2" } },
      { names: ["biovec_phys_mergeable"], file: "block/blk.h", role: "request merging, blk_rq_map_sg() and integrity merging", checkedSince: { date: "2026-04-10", version: "7.1" } }
    ]
  }
];
var zoneDeviceMerge = {
  meta: {
    id: ID7,
    defaultSeverity: "error",
    certainty: "certain",
    description: "Physically contiguous pages or bvecs merged without zone_device_pages_have_same_pgmap(), or merge checks on the wrong pages",
    catalogue: ["SG-007"],
    docsUrl: docsUrl(ID7)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      out.push(...uncheckedMerges(ctx, fn), ...swappedArguments(ctx, fn), ...firstPageOfPrevious(ctx, fn));
    }
    out.push(...incompleteFamily(ctx));
    return out;
  }
};
function extendsSegment(fn) {
  let hit;
  for (const { expr: x } of exprSitesOfKind(fn, "assign")) {
    if (!hit && x.op === "+=" && x.left.k === "field" && /(^|_)len(gth)?$/.test(x.left.field))
      hit = x;
  }
  return hit;
}
function uncheckedMerges(ctx, fn) {
  const tests = adjacencyTests(fn);
  if (tests.length === 0)
    return [];
  const grows = extendsSegment(fn);
  if (!grows && !MERGING_FN.test(fn.name))
    return [];
  if (checksSamePgmap(ctx.analysis, fn))
    return [];
  return tests.map((t) => ({
    line: t.expr.line,
    function: fn,
    code: t.expr.text,
    message: `\`${t.expr.text.replace(/\s+/g, " ")}\` decides that two pages are mergeable from physical contiguity alone: ${fn.name || "this code"}() never calls zone_device_pages_have_same_pgmap(), so pages of different dev_pagemaps (or a P2PDMA page next to RAM) end up in one segment.`,
    why: WHY_PGMAP,
    instead: "Also require zone_device_pages_have_same_pgmap(prev, next) before merging, as pages_are_mergeable() in lib/scatterlist.c and bvec_try_merge_page() in block/bio.c do.",
    evidence: [
      { file: ctx.image.path, line: t.expr.line, note: `${t.form} contiguity test` },
      ...grows ? [{ file: ctx.image.path, line: grows.line, note: `\`${grows.text}\` grows the segment` }] : []
    ],
    references: REFS6
  }));
}
function swappedArguments(ctx, fn) {
  const out = [];
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    if (call.callee === fn.name)
      continue;
    const o = mergeOrientation(ctx.analysis, call.callee);
    if (!o)
      continue;
    const succ = call.args[o.succ];
    const pred = call.args[o.pred];
    if (!succ || !pred)
      continue;
    const wrongSucc = earlierReason(ctx.analysis, fn, succ);
    const rightPred = earlierReason(ctx.analysis, fn, pred);
    if (!wrongSucc || rightPred)
      continue;
    const fixed = call.args.map((a, i) => i === o.succ ? pred.text : i === o.pred ? succ.text : a.text);
    out.push({
      line: call.line,
      function: fn,
      code: call.text,
      message: `${call.callee}() expects the candidate page as argument ${o.succ + 1} and the page already in the segment as argument ${o.pred + 1}, but gets them the other way round: ${wrongSucc.why}.`,
      why: `The helper tests that its argument ${o.succ + 1} starts right after argument ${o.pred + 1} (${o.source}). With the arguments swapped it checks the wrong direction, so contiguous pages are not merged and non-contiguous ones can be: the resulting entry covers memory it does not own (the 2023 lib/scatterlist.c fix "passes the page arguments in the wrong order").`,
      instead: `Pass the pages in the helper's order: ${call.callee}(${fixed.join(", ")}).`,
      evidence: [{ file: ctx.image.path, line: wrongSucc.line, note: wrongSucc.why }, { file: ctx.image.path, line: call.line, note: `passed as the next page to ${call.callee}()` }],
      references: REFS6,
      suggestion: call.line === call.endLine ? suggestionFor(ctx, call, `${call.callee}(${fixed.join(", ")})`) : void 0
    });
  }
  return out;
}
function suggestionFor(ctx, call, replacement) {
  const text = ctx.image.lineText.get(call.line);
  if (!text || !text.includes(call.text))
    return void 0;
  return { startLine: call.line, endLine: call.line, replacement: text.replace(call.text, replacement), safety: "review" };
}
function firstPageOfPrevious(ctx, fn) {
  const out = [];
  const scope = ctx.analysis.provenance.scope(fn);
  const usedInMerge = /* @__PURE__ */ new Set();
  for (const site of ctx.analysis.calls(fn)) {
    if (!mergeOrientation(ctx.analysis, site.call.callee))
      continue;
    for (const a of site.call.args) {
      const x = stripCasts(a);
      if (x.k === "ident")
        usedInMerge.add(x.name);
    }
  }
  for (const t of adjacencyTests(fn)) {
    for (const s of [t.pred, t.succ]) {
      const x = s && stripCasts(s);
      if (x?.k === "ident")
        usedInMerge.add(x.name);
    }
  }
  for (const name of usedInMerge) {
    for (const a of scope.assigns.get(name) ?? []) {
      const rhs = stripCasts(a.rhs);
      if (rhs.k !== "call" || rhs.callee !== "sg_page" || !rhs.args[0])
        continue;
      const entry = rhs.args[0].text.replace(/\s+/g, "");
      const grows = findGrowth(fn, entry);
      if (!grows && !/(prv|prev|last)/.test(entry))
        continue;
      out.push({
        line: a.line,
        function: fn,
        code: `${name} = ${rhs.text}`,
        message: `\`${name}\` is set to sg_page(${rhs.args[0].text}), the FIRST page of that entry, and then used as the page the next one must follow: an entry longer than one page ends several pages later, so the contiguity and pgmap checks compare the wrong page.`,
        why: `sg_page() returns the page the entry starts at; the entry covers offset + length bytes from there. Merging the next page requires it to follow the entry's LAST page (and to share that page's pgmap); comparing with the first page accepts pages that are not contiguous with the end of the entry (the 2023 lib/scatterlist.c fix: "The last_pg is wrong, it is actually the first page of the last scatterlist element").`,
        instead: `Compute the entry's last page: the pfn of (page_to_phys(sg_page(${rhs.args[0].text})) + ${rhs.args[0].text}->offset + ${rhs.args[0].text}->length - 1), converted back with pfn_to_page(); and only merge when the next page's pfn follows it (the entry may also end mid-page).`,
        evidence: [
          { file: ctx.image.path, line: a.line, note: `${name} = sg_page(${rhs.args[0].text})` },
          ...grows ? [{ file: ctx.image.path, line: grows.line, note: `\`${grows.text}\` makes the entry span several pages` }] : []
        ],
        references: REFS6
      });
    }
  }
  return out;
}
function findGrowth(fn, entry) {
  let hit;
  for (const { expr: x } of exprSitesOfKind(fn, "assign")) {
    if (!hit && x.op === "+=" && x.left.k === "field" && /length/.test(x.left.field) && x.left.base.text.replace(/\s+/g, "") === entry)
      hit = x;
  }
  return hit;
}
function incompleteFamily(ctx) {
  if (ctx.side !== "new")
    return [];
  const out = [];
  for (const fam of MERGE_FAMILIES) {
    for (const member of fam.members) {
      if (ctx.image.path !== member.file)
        continue;
      for (const fn of ctx.analysis.functions) {
        const added = ctx.analysis.calls(fn).find((s) => s.call.callee === "zone_device_pages_have_same_pgmap" && ctx.image.changed.has(s.call.line));
        if (!added)
          continue;
        const name = [fn.name, hunkFunctionAt(ctx.file, added.call.line)].find((n) => n && member.names.includes(n));
        if (!name)
          continue;
        for (const sib of fam.members) {
          if (sib === member || patchAddsCheckTo(ctx.patch, sib.file))
            continue;
          if (!lackedCheck(ctx, sib.checkedSince))
            continue;
          out.push({
            line: added.call.line,
            function: fn,
            code: `${name}: ${added.call.text}`,
            certainty: "likely",
            message: `The pgmap check is added to ${name}() (${member.role}) only: ${sib.names[0]}() in ${sib.file} (${sib.role}) also merges physically contiguous bio_vecs and still does so across dev_pagemaps.`,
            why: `${WHY_PGMAP} Every path that merges segments must apply the same rule; ${sib.names[0]}() only gained the check upstream in ${sib.checkedSince.date.slice(0, 7)} (\u2248${sib.checkedSince.version}), after segments from different pgmaps had been merged at the request level.`,
            instead: `Add the same zone_device_pages_have_same_pgmap() test to ${sib.names[0]}() in ${sib.file} in this patch (compare the two bio_vecs' pages).`,
            evidence: [{ file: ctx.image.path, line: added.call.line, note: `check added to ${name}()` }],
            references: REFS6
          });
        }
      }
    }
  }
  return out;
}
function patchAddsCheckTo(patch, file) {
  const f = patch.files.find((x) => x.newPath === file);
  return !!f && addedLines(f).some((l) => /zone_device_pages_have_same_pgmap|same_pgmap/.test(l.text));
}
function lackedCheck(ctx, since) {
  const t = targetVersion(ctx.patch, ctx.model);
  if (t.source === "mainline")
    return false;
  return !atOrAfter(t.version, since.version);
}

// dist/src/rules/support/derived-from.js
var TRANSPARENT = /^(cpu_to_(le|be)(16|32|64)|(le|be)(16|32|64)_to_cpu|lower_32_bits|upper_32_bits|ALIGN|ALIGN_DOWN|round_down|round_up|READ_ONCE)$/;
var fieldAssigns = memoize((analysis) => {
  const map = /* @__PURE__ */ new Map();
  for (const fn of analysis.functions) {
    for (const { expr: e } of exprSitesOfKind(fn, "assign")) {
      if (e.op === "=" && e.left.k === "field") {
        const list = map.get(e.left.field) ?? [];
        list.push({ rhs: e.right, fn, line: e.line });
        map.set(e.left.field, list);
      }
    }
  }
  return map;
});
function localAssigns(analysis, fn, name) {
  const scope = analysis.provenance.scope(fn);
  if (!scope.locals.has(name))
    return void 0;
  return (scope.assigns.get(name) ?? []).map((a) => ({ rhs: a.rhs, fn: a.fn, line: a.line }));
}
function derivedSources(analysis, e, fn, recognise, maxDepth = 6) {
  const out = [];
  const active = /* @__PURE__ */ new Set();
  const path = analysis.ir.path;
  const visit = (x, f, depth, chain, viaField, mixed, helpers = []) => {
    if (depth > maxDepth)
      return;
    const info = recognise(x, f);
    if (info !== void 0) {
      out.push({ expr: x, fn: f, info, chain: [{ file: path, line: x.line, note: `\`${x.text.replace(/\s+/g, " ")}\`` }, ...chain], viaField, mixed, helpers });
      return;
    }
    switch (x.k) {
      case "cast":
        visit(x.arg, f, depth, chain, viaField, mixed, helpers);
        return;
      case "binary":
        if (x.op === "+" || x.op === "-" || x.op === "|" || x.op === "^") {
          visit(x.left, f, depth + 1, chain, viaField, mixed, helpers);
          visit(x.right, f, depth + 1, chain, viaField, mixed, helpers);
        }
        return;
      case "cond":
        visit(x.then, f, depth + 1, chain, viaField, true, helpers);
        visit(x.else, f, depth + 1, chain, viaField, true, helpers);
        return;
      case "comma":
        if (x.list.length)
          visit(x.list[x.list.length - 1], f, depth + 1, chain, viaField, mixed, helpers);
        return;
      case "assign":
        visit(x.right, f, depth + 1, chain, viaField, mixed, helpers);
        return;
      case "call": {
        if (TRANSPARENT.test(x.callee) && x.args[0]) {
          visit(x.args[0], f, depth + 1, chain, viaField, mixed, helpers);
          return;
        }
        const helper = analysis.functionsNamed(x.callee).find((h) => h !== f);
        const key2 = `fn:${x.callee}`;
        if (!helper || active.has(key2))
          return;
        active.add(key2);
        const returns = [];
        walkStmts(helper.body, (st) => {
          if (st.k === "return" && st.value)
            returns.push(st.value);
        });
        for (const r of returns) {
          visit(r, helper, depth + 1, [...chain, { file: path, line: x.line, note: `returned by ${helper.name}()` }], viaField, mixed || returns.length > 1, [...helpers, helper]);
        }
        active.delete(key2);
        return;
      }
      case "ident": {
        const assigns = localAssigns(analysis, f, x.name);
        if (!assigns || assigns.length === 0)
          return;
        const key2 = `${f.name}:${f.line}:${x.name}`;
        if (active.has(key2))
          return;
        active.add(key2);
        for (const a of assigns) {
          visit(a.rhs, a.fn, depth + 1, [...chain, { file: path, line: a.line, note: `assigned to ${x.name}` }], viaField, mixed || assigns.length > 1, helpers);
        }
        active.delete(key2);
        return;
      }
      case "field": {
        const assigns = fieldAssigns(analysis).get(x.field) ?? [];
        const key2 = `field:${x.field}`;
        if (assigns.length === 0 || active.has(key2))
          return;
        active.add(key2);
        for (const a of assigns) {
          const where = a.fn === f ? "" : ` in ${a.fn.name}()`;
          visit(a.rhs, a.fn, depth + 1, [...chain, { file: path, line: a.line, note: `stored in ->${x.field}${where}` }], true, mixed || assigns.length > 1, helpers);
        }
        active.delete(key2);
        return;
      }
      default:
        return;
    }
  };
  visit(e, fn, 0, [], false, false);
  return out;
}

// dist/src/rules/support/pfn-origin.js
var BAR_PHYS = /^(pci_resource_start|pci_resource_end|pci_bus_address)$/;
var PHYS_TO_PFN = /^(PHYS_PFN|PFN_DOWN|PFN_UP|__phys_to_pfn|phys_to_pfn)$/;
function isResourceBase(analysis, fn, base) {
  const b = stripCasts(base);
  if (b.k === "ident") {
    const scope = analysis.provenance.scope(fn);
    const decl = scope.locals.get(b.name) ?? scope.params.get(b.name);
    if (decl)
      return /\bstruct\s+(resource|range)\b/.test(decl.type);
    return false;
  }
  if (b.k === "field") {
    return /^(res|resource|range|mem|bar_res)$/.test(b.field);
  }
  if (b.k === "index")
    return isResourceBase(analysis, fn, b.base);
  if (b.k === "addr")
    return isResourceBase(analysis, fn, b.arg);
  return false;
}
function physSource(analysis, fn, e) {
  const x = stripCasts(e);
  if (x.k === "call" && BAR_PHYS.test(x.callee))
    return { what: `${x.callee}() is the physical address of a PCI BAR` };
  if (x.k === "field" && (x.field === "start" || x.field === "end") && isResourceBase(analysis, fn, x.base)) {
    return { what: `${x.text} is the start of a struct resource range (device memory unless registered with memremap_pages())` };
  }
  return void 0;
}
function physSources(analysis, fn, phys) {
  return derivedSources(analysis, phys, fn, (x, f) => physSource(analysis, f, x));
}
function pfnSources(analysis, fn, pfn) {
  return derivedSources(analysis, pfn, fn, (x, f) => {
    const y = stripCasts(x);
    let inner;
    if (y.k === "binary" && y.op === ">>" && /PAGE_SHIFT/.test(y.right.text))
      inner = y.left;
    else if (y.k === "call" && PHYS_TO_PFN.test(y.callee))
      inner = y.args[0];
    if (!inner)
      return void 0;
    const found = physSources(analysis, f, inner);
    return found.length ? { what: `${found[0].info.what}, converted to a pfn by \`${y.text.replace(/\s+/g, " ")}\`` } : void 0;
  });
}

// dist/src/rules/pfn-without-memmap.js
var ID8 = "pfn-without-memmap";
var REFS7 = ["MM-001", "MM-002", "include/linux/mm.h", "include/asm-generic/memory_model.h (pfn_to_page)", "include/linux/page-flags.h"];
var PFN_TO_PAGE = { pfn_to_page: "pfn", pfn_folio: "pfn", phys_to_page: "phys", phys_to_folio: "phys" };
var MEMMAP_PROOF = /^(pfn_valid|pfn_to_online_page|get_dev_pagemap|memremap_pages|devm_memremap_pages|arch_add_memory|add_pages|memmap_init_zone_device|pci_p2pdma_add_resource|pfn_t_has_page|__pfn_t_has_page|online_page_range)$/;
var NULLABLE_PFN_TO_PAGE = /(^|_)pfn_t_to_page$/;
var NOT_JUDGED = /* @__PURE__ */ new Set(["kernel-image", "highmem"]);
var pfnWithoutMemmap = {
  meta: {
    id: ID8,
    defaultSeverity: "error",
    certainty: "certain",
    description: "Page operations or linear-map converters on memory without a memmap (BAR/resource pfns, iomem, vmalloc, stack, coherent DMA, page-less pfns)",
    catalogue: ["MM-001", "MM-002"],
    docsUrl: docsUrl(ID8)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      const proof = ctx.analysis.calls(fn).find((s) => MEMMAP_PROOF.test(s.call.callee));
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        if (call.callee in PFN_TO_PAGE && !proof) {
          const r = devicePfnPage(ctx, fn, site, PFN_TO_PAGE[call.callee]);
          if (r)
            out.push(r);
        }
        const conv = linearConverter(ctx, fn, site);
        if (conv)
          out.push(conv);
        if (NULLABLE_PFN_TO_PAGE.test(call.callee) || nullableHelper(ctx, call.callee)) {
          const r = unguardedNullablePage(ctx, fn, site);
          if (r)
            out.push(r);
        }
      }
    }
    return out;
  }
};
function pageOpsOf(ctx, fn, site) {
  const out = [];
  const parent = site.exprParents[site.exprParents.length - 1];
  const direct = parent?.k === "cast" ? site.exprParents[site.exprParents.length - 2] : parent;
  if (direct?.k === "call") {
    const i = pageDerefArg(direct, ctx.model);
    if (i >= 0 && stripCasts(direct.args[i]) === site.call)
      out.push({ op: direct, line: direct.line });
  }
  const target = resultTarget(site);
  if (typeof target === "object") {
    for (const u of ctx.analysis.uses(target.key, { fn })) {
      if (u.expr.line < target.line || isAssignTarget(u))
        continue;
      const p = u.exprParents[u.exprParents.length - 1];
      if (p?.k !== "call")
        continue;
      const i = pageDerefArg(p, ctx.model);
      if (i >= 0 && stripCasts(p.args[i]) === u.expr)
        out.push({ op: p, via: target.key, line: target.line });
    }
  }
  return out;
}
function devicePfnPage(ctx, fn, site, arg) {
  const a = site.call.args[0];
  if (!a)
    return void 0;
  const sources = arg === "pfn" ? pfnSources(ctx.analysis, fn, a) : physSources(ctx.analysis, fn, a);
  if (sources.length === 0)
    return void 0;
  const ops = pageOpsOf(ctx, fn, site);
  if (ops.length === 0)
    return void 0;
  const op = ops[0];
  const src = sources[0];
  return {
    line: op.op.line,
    function: fn,
    code: `${op.op.callee}(${site.call.text})`,
    certainty: sources.every((s) => !s.mixed) ? "certain" : "likely",
    message: `${op.op.callee}() dereferences the struct page of ${site.call.text}, but that ${arg} comes from device memory (${src.info.what}) and nothing here proves it has a memmap (no pfn_valid(), no get_dev_pagemap(), no memremap_pages()).`,
    why: "pfn_to_page() is arithmetic on the memmap (with SPARSEMEM_VMEMMAP: vmemmap + pfn); for a BAR or other range that was never registered with memremap_pages() the computed struct page is not backed, and the first page-flag test, refcount or kmap faults \u2014 the crash behind the 2019 PageSlab() report. pfn_valid() alone is section-granular and also true for ZONE_DEVICE ranges, so the pfn's source must be known.",
    instead: "Do not make struct pages up for device memory: map it with ioremap()/memremap() and use MMIO accessors, give the device a DMA address with dma_map_resource() (dma_map_phys(..., DMA_ATTR_MMIO) on 6.18+), or register the BAR as ZONE_DEVICE memory (pci_p2pdma_add_resource(), devm_memremap_pages()) and look pages up with get_dev_pagemap().",
    evidence: [
      ...src.chain,
      ...op.via ? [{ file: ctx.image.path, line: op.line, note: `${op.via} = ${site.call.text}` }] : [],
      { file: ctx.image.path, line: op.op.line, note: `${op.op.callee}() reads the struct page` }
    ],
    references: REFS7
  };
}
function linearConverter(ctx, fn, site) {
  const call = site.call;
  const c = ctx.model.contract(call.callee);
  if (c?.category !== "converter" || !c.params)
    return void 0;
  const pi = c.params.findIndex((p) => p.role === "buffer" && p.accepts);
  const accepts = pi >= 0 ? c.params[pi].accepts : void 0;
  const arg = pi >= 0 ? call.args[pi] : void 0;
  if (!accepts || !arg)
    return void 0;
  const parent = site.exprParents[site.exprParents.length - 1];
  if (parent?.k === "call" && /^sg_set_page$/.test(parent.callee))
    return void 0;
  const bad = (k) => !NOT_JUDGED.has(k) && !accepts.includes(k) && ctx.model.kind(k)?.linear !== true && ctx.model.kind(k) !== void 0;
  const split = splitOrigins(ctx.analysis.origins(arg, fn), bad);
  let certainty = certaintyOf(split);
  if (!certainty)
    return void 0;
  const kinds = kindsOf(split.bad);
  const infos = kinds.map((k) => ctx.model.kind(k));
  if (infos.some((i) => i.linear === "depends")) {
    if (certainty !== "certain")
      return void 0;
    certainty = "likely";
  }
  const notes = kinds.flatMap((k) => ctx.model.kindOnPlatforms(k, "linear").map(({ platform, value }) => `${platform}: ${ctx.model.kind(k).label} is ${value ? "in the linear map here (still not allowed for this use)" : "outside the linear map: the result is garbage"}`));
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty,
    message: `${call.callee}() is given \`${arg.text}\`, which ${certainty === "certain" ? "holds" : "may hold"} ${infos.map((i) => i.label).join(" or ")}: ${call.callee}() is only defined for linear-map addresses, so the result is not the memory's ${/page|folio/.test(call.callee) ? "struct page" : "physical address"}.`,
    why: `${call.callee}() is arithmetic on the direct map (arch asm/page.h; DEBUG_VIRTUAL warns). ${infos.map((i) => `${i.label}: linear map ${i.linear === "depends" ? "platform-dependent" : "no"} (${i.sources[0]})`).join("; ")}.`,
    instead: insteadFor3(kinds),
    platformNotes: notes.length ? notes : void 0,
    evidence: [...evidenceOf(split.bad), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: REFS7
  };
}
function insteadFor3(kinds) {
  const parts = [];
  if (kinds.some((k) => k === "iomem" || k === "memremap-nonram" || k === "raw-pfn"))
    parts.push("keep the resource_size_t physical address from the resource or BAR (pci_resource_start()) instead of converting the mapping back");
  if (kinds.some((k) => k === "vmalloc" || k === "kvmalloc"))
    parts.push("use vmalloc_to_page()/vmalloc_to_pfn() for vmalloc memory (or branch on is_vmalloc_addr() for kvmalloc)");
  if (kinds.includes("stack"))
    parts.push("move the buffer off the stack (kmalloc()) before asking for its page or physical address");
  if (kinds.includes("dma-coherent"))
    parts.push("use the dma_handle dma_alloc_coherent() returned; the CPU address may be a remapped alias");
  if (kinds.includes("user"))
    parts.push("pin user memory with pin_user_pages() and use the returned pages");
  return parts.length ? `${parts.join("; ")}.` : "Only convert linear-map (kmalloc/alloc_pages) addresses.";
}
function nullableHelper(ctx, name) {
  const fn = ctx.analysis.provenance.functionNamed(name);
  return !!fn && returnsNullablePage(fn);
}
var returnsNullablePage = memoize((fn) => {
  if (fn.synthetic || !fn.params.some((p) => /pfn/.test(p.name) || /pfn/.test(p.type)))
    return false;
  if (!new RegExp(`struct\\s+page\\s*\\*\\s*${fn.name}\\s*\\(`).test(fn.text))
    return false;
  let nullReturn = false;
  walkStmts(fn.body, (s) => {
    const v = s.k === "return" && s.value ? stripCasts(s.value) : void 0;
    if (v && (v.k === "literal" && v.lit === "null" || v.k === "ident" && v.name === "NULL"))
      nullReturn = true;
  });
  return nullReturn;
});
function unguardedNullablePage(ctx, fn, site) {
  const ops = pageOpsOf(ctx, fn, site);
  const target = resultTarget(site);
  const tested = typeof target === "object" && ctx.analysis.uses(target.key, { fn }).some((u) => u.stmtParents.some((p) => (p.k === "if" || p.k === "loop") && p.line <= u.expr.line) || u.stmt.k === "if" || u.exprParents.some((p) => p.k === "unary" && p.op === "!"));
  const op = ops.find((o) => !o.via || !tested);
  if (!op)
    return void 0;
  const ev = [{ file: ctx.image.path, line: site.call.line, note: `${site.call.callee}() returns NULL for a pfn without a struct page` }];
  if (op.via)
    ev.push({ file: ctx.image.path, line: op.line, note: `${op.via} = ${site.call.text}, never tested for NULL` });
  ev.push({ file: ctx.image.path, line: op.op.line, note: `${op.op.callee}() dereferences it` });
  return {
    line: op.op.line,
    function: fn,
    code: `${op.op.callee}(${site.call.text})`,
    certainty: "likely",
    message: `${op.op.callee}() is applied to ${site.call.text}, which is NULL when the pfn has no struct page (device memory outside the memmap): the page-less case crashes here.`,
    why: "A pfn type that can describe memory without a memmap (PFN_DEV) only has a struct page when its has-page test says so; the lookup returns NULL otherwise. kmap*() and page-flag helpers need a real struct page: memory without one cannot be kmapped, and making a kmap-like interface walk a table of ioremap()ed ranges per call (the 2015 kmap_atomic_pfn_t() proposal) was rejected for that reason.",
    instead: "Test the pfn (pfn_t_has_page()) or the returned page for NULL first and use the driver's own ioremap()/memremap() mapping for page-less memory; better, give that memory struct pages (devm_memremap_pages()) so ordinary page APIs work.",
    evidence: ev,
    references: [...REFS7, "include/linux/pfn_t.h (pfn_t_to_page, removed \u22486.17)", 'seed 002 (2015 "allow mapping page-less memremaped areas into KVA" review)']
  };
}

// dist/src/rules/support/zone-device.js
var ZONE_DEVICE_TEST = /^(is_zone_device_page|folio_is_zone_device|is_pci_p2pdma_page|is_device_private_page|is_device_coherent_page|is_fsdax_page|is_device_private_folio|folio_is_device_private|folio_is_device_coherent|folio_is_fsdax|folio_is_pci_p2pdma)$/;
var ZONE_DEVICE_KINDS = /* @__PURE__ */ new Set(["zd-fsdax", "zd-generic", "zd-private", "zd-coherent", "p2pdma"]);
var key = (e) => stripCasts(e).text.replace(/\s+/g, "");
function zoneDeviceEvidence(analysis, fn, page, stmt, stmtParents) {
  const k = key(page);
  const file = analysis.ir.path;
  let found;
  for (const { expr: x } of exprSitesOfKind(fn, "field", "call")) {
    if (found)
      break;
    if (x.k === "field" && x.field === "pgmap" && key(x.base) === k) {
      found = { file, line: x.line, note: `${x.text} is set or read: only ZONE_DEVICE pages have a pgmap` };
    } else if (x.k === "call" && x.callee === "page_pgmap" && x.args[0] && key(x.args[0]) === k) {
      found = { file, line: x.line, note: `page_pgmap(${x.args[0].text}): only ZONE_DEVICE pages have a pgmap` };
    }
  }
  if (found)
    return found;
  for (let i = 0; i < stmtParents.length; i++) {
    const p = stmtParents[i];
    if (p.k !== "if" || (stmtParents[i + 1] ?? stmt) !== p.then)
      continue;
    walkExpr(p.cond, (x, parents) => {
      if (found || x.k !== "call" || !ZONE_DEVICE_TEST.test(x.callee) || !x.args[0] || key(x.args[0]) !== k)
        return;
      const negated = parents.some((q) => q.k === "unary" && q.op === "!");
      if (!negated)
        found = { file, line: x.line, note: `${x.text} is true on this path` };
    });
  }
  if (found)
    return found;
  const kinds = analysis.origins(page, fn).filter((o) => ZONE_DEVICE_KINDS.has(o.kind));
  if (kinds.length) {
    const first = kinds[0].chain[0];
    return { file, line: first?.line ?? page.line, note: `${page.text} holds ${kinds[0].kind} pages` };
  }
  return void 0;
}

// dist/src/rules/zone-device-page-mapping.js
var ID9 = "zone-device-page-mapping";
var REFS8 = ["MM-003", "include/linux/mm_types.h (struct page / struct folio: pgmap shares a union with lru)", "include/linux/memremap.h", "mm/memremap.c"];
var LINKING_LIST_OPS = /^(list_add|list_add_tail|list_add_rcu|list_add_tail_rcu|list_move|list_move_tail|list_splice|list_splice_tail|list_splice_init|list_splice_tail_init|list_force_poison|list_replace|list_replace_init)$/;
var LRU_OPS = /^(lru_cache_add|lru_cache_add_inactive_or_unevictable|folio_add_lru|folio_add_lru_vma|isolate_lru_page|folio_isolate_lru|putback_lru_page|folio_putback_lru|mark_page_accessed|folio_mark_accessed|activate_page|folio_activate|deactivate_page|folio_deactivate)$/;
var MAPPING_READERS = /^(page_mapping|folio_mapping|page_file_mapping|folio_file_mapping|set_page_dirty|folio_mark_dirty|set_page_dirty_lock|__set_page_dirty_nobuffers|page_mapping_file)$/;
var DEREFERENCED_FIELDS = {
  mapping: "page_mapping(), set_page_dirty() and the page-cache code dereference ->mapping on every page, including ZONE_DEVICE pages reached through get_user_pages()",
  lru: "LRU and list code (list_add/list_del, isolate_lru_page) reads and writes ->lru.next/prev"
};
var zoneDevicePageMapping = {
  meta: {
    id: ID9,
    defaultSeverity: "error",
    certainty: "certain",
    description: "struct page fields that overlay the pgmap (->lru, ->mapping) used on ZONE_DEVICE pages, a pgmap overlaid on such fields, or page->pgmap on kernels with page_pgmap()",
    catalogue: ["MM-003"],
    docsUrl: docsUrl(ID9)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      out.push(...fieldUses(ctx, fn), ...oldPgmapField(ctx, fn));
    }
    out.push(...unionOverlays(ctx));
    return out;
  }
};
function pageFieldOf(e) {
  let x = stripCasts(e);
  if (x.k === "addr")
    x = stripCasts(x.arg);
  if (x.k === "field" && looksLikePage(x.base))
    return { page: x.base, field: x.field };
  return void 0;
}
function fieldUses(ctx, fn) {
  const out = [];
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    let page;
    let what = "";
    if (LINKING_LIST_OPS.test(call.callee)) {
      const pf = call.args[0] && pageFieldOf(call.args[0]);
      if (pf?.field === "lru") {
        page = pf.page;
        what = `${call.callee}(&${pf.page.text}->lru)`;
      }
    } else if (LRU_OPS.test(call.callee) || MAPPING_READERS.test(call.callee)) {
      if (call.args[0] && looksLikePage(call.args[0])) {
        page = call.args[0];
        what = `${call.callee}(${call.args[0].text})`;
      }
    }
    if (!page)
      continue;
    const ev = zoneDeviceEvidence(ctx.analysis, fn, page, site.stmt, site.stmtParents);
    if (!ev)
      continue;
    out.push(report3(ctx, fn, call, what, MAPPING_READERS.test(call.callee) ? "mapping" : "lru", ev));
  }
  return out;
}
function report3(ctx, fn, at, what, field, ev) {
  const sameStore = field === "lru" ? "the list_head ->lru shares its storage with the ->pgmap back pointer (and the ZONE_DEVICE page fields)" : "->mapping of a ZONE_DEVICE page does not point to an address_space";
  const certain = field === "lru" && /is set or read/.test(ev.note);
  return {
    line: at.line,
    function: fn,
    code: what,
    certainty: certain ? "certain" : "likely",
    message: `${what} on a ZONE_DEVICE page: ${sameStore}, so ${field === "lru" ? "linking the page or arming a list poison in ->lru corrupts the pgmap pointer, and writing the pgmap breaks the list entry" : "the code treats device metadata as a page-cache mapping"}.`,
    why: `ZONE_DEVICE pages are never on an LRU and never in the page cache; their struct page reuses the LRU/mapping storage for the dev_pagemap pointer (include/linux/mm_types.h; read it with page_pgmap() on \u22486.15+). ${DEREFERENCED_FIELDS[field]}. Code that treats such a page like an ordinary one either clobbers the pgmap (every later get_dev_pagemap()/page_pgmap() user follows a garbage pointer) or follows garbage itself (the 2016 fix "list: kill list_force_poison()": "ZONE_DEVICE pages union ->lru with a ->pgmap back pointer").`,
    instead: field === "lru" ? "Do not use ->lru on ZONE_DEVICE pages: keep driver-private bookkeeping outside struct page (the pgmap owner's own structures, genalloc, an xarray), and test is_zone_device_page() before any LRU operation." : "Test is_zone_device_page()/folio_is_zone_device() first and skip page-cache and mapping logic for device pages (page_mapping() returns NULL for them upstream).",
    evidence: [ev, { file: ctx.image.path, line: at.line, note: what }],
    references: REFS8
  };
}
function oldPgmapField(ctx, fn) {
  const target = targetVersion(ctx.patch, ctx.model);
  if (target.source === "mainline")
    return [];
  const status = ctx.model.apiStatus("page->pgmap");
  if (!status?.removedIn || !atOrAfter(target.version, status.removedIn))
    return [];
  const out = [];
  for (const { expr: x, exprParents: parents } of exprSitesOfKind(fn, "field")) {
    if (x.field !== "pgmap" || !x.arrow || !looksLikePage(x.base))
      continue;
    const repl = `page_pgmap(${x.base.text})`;
    const text = ctx.image.lineText.get(x.line);
    const parent = parents[parents.length - 1];
    const isWrite2 = parent?.k === "assign" && parent.left === x;
    out.push({
      line: x.line,
      function: fn,
      code: x.text,
      certainty: "certain",
      message: `${x.text}: struct page has no pgmap field in ${target.version} (${target.note}); ${status.message ?? `use ${repl}`}.`,
      why: `Since \u2248${status.removedIn} the pgmap pointer lives in struct folio and is read with page_pgmap(), which also warns when used on a page that is not ZONE_DEVICE (include/linux/mm.h). The old field does not compile, and casting around it would read the wrong union member.`,
      instead: `Use ${repl} to read it (only on ZONE_DEVICE pages); writes go through the folio (folio->pgmap) in the memremap code only.`,
      evidence: [{ file: ctx.image.path, line: x.line, note: `${x.text} (removed in ${status.removedIn})` }],
      references: ["MM-003", "API-001", "include/linux/mm.h (page_pgmap)"],
      suggestion: text && !isWrite2 && text.includes(x.text) ? { startLine: x.line, endLine: x.line, replacement: text.replace(x.text, repl), safety: "review" } : void 0
    });
  }
  return out;
}
function unionOverlays(ctx) {
  if (ctx.side !== "new" || !/\.h$/.test(ctx.image.path))
    return [];
  const out = [];
  for (const h of ctx.file.hunks) {
    const lines = newSide(h);
    lines.forEach((l, i) => {
      if (!l.added || !/\bstruct\s+dev_pagemap\s*\*\s*\w+\s*;/.test(l.text))
        return;
      const ctxInfo = enclosingUnion(lines, i, h.section);
      if (!ctxInfo || ctxInfo.struct !== "page")
        return;
      const hits = ctxInfo.siblings.filter((s) => s in DEREFERENCED_FIELDS);
      if (hits.length === 0)
        return;
      const name = /\*\s*(\w+)\s*;/.exec(l.text)?.[1] ?? "pgmap";
      out.push({
        line: l.line,
        code: l.text.trim(),
        certainty: hits.includes("mapping") ? "certain" : "likely",
        message: `${name} is added to a union of struct page that also holds ->${hits.join(" and ->")}: writing the pgmap there overwrites a field core mm ${hits.includes("mapping") ? "dereferences for every page" : "uses for list linkage"}.`,
        why: `${hits.map((f) => DEREFERENCED_FIELDS[f]).join("; ")}. A ZONE_DEVICE page handed to that code (after get_user_pages(), set_page_dirty() on an O_DIRECT completion) follows the pgmap pointer as if it were that field (the 2015 dax-gup review: "this location for dev_pagemap will not work").`,
        instead: "Put the pgmap in storage no generic path reads for ZONE_DEVICE pages (upstream unions it with the LRU list head, which ZONE_DEVICE pages never use, and makes page_mapping() return NULL for them), and make every generic reader of the overlaid field test is_zone_device_page() first.",
        evidence: [{ file: ctx.image.path, line: l.line, note: `member of a union in struct page with ${ctxInfo.siblings.join(", ")}` }],
        references: [...REFS8, 'seed 003 (2015 "introduce {get|put}_dev_pagemap() for dax-gup" review)']
      });
    });
  }
  return out;
}
function newSide(h) {
  return h.lines.filter((l) => l.kind !== "del" && l.newLine !== void 0).map((l) => ({ line: l.newLine, text: l.text, added: l.kind === "add" }));
}
function code(text, state) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (state.inComment) {
      if (text[i] === "*" && text[i + 1] === "/") {
        state.inComment = false;
        i++;
      }
      continue;
    }
    if (text[i] === "/" && text[i + 1] === "*") {
      state.inComment = true;
      i++;
      continue;
    }
    if (text[i] === "/" && text[i + 1] === "/")
      break;
    out += text[i];
  }
  return out;
}
function enclosingUnion(lines, i, section) {
  const state = { inComment: false };
  const cleaned = lines.map((l) => code(l.text, state));
  let depth = 0;
  let open = -1;
  for (let j = i - 1; j >= 0; j--) {
    const t = cleaned[j];
    for (let c = t.length - 1; c >= 0; c--) {
      if (t[c] === "}")
        depth++;
      else if (t[c] === "{") {
        if (depth === 0) {
          open = j;
          break;
        }
        depth--;
      }
    }
    if (open >= 0)
      break;
  }
  if (open < 0 || !/\bunion\b/.test(cleaned[open]))
    return void 0;
  let struct;
  for (let j = open - 1; j >= 0 && !struct; j--)
    struct = /^\s*struct\s+(\w+)\s*\{/.exec(cleaned[j])?.[1];
  struct ??= /\bstruct\s+(\w+)\s*\{/.exec(section)?.[1];
  if (!struct)
    return void 0;
  const siblings = [];
  let d = 0;
  for (let j = open + 1; j < cleaned.length; j++) {
    if (j === i)
      continue;
    const t = cleaned[j];
    if (d === 0) {
      const m = /(\w+)\s*(\[[^\]]*\])?\s*;\s*$/.exec(t.trim());
      if (m && !/^\s*}/.test(t))
        siblings.push(m[1]);
    }
    for (const ch of t) {
      if (ch === "{")
        d++;
      else if (ch === "}")
        d--;
    }
    if (d < 0)
      break;
  }
  return { struct, siblings };
}

// dist/src/rules/hot-path-linear-lookup.js
var ID10 = "hot-path-linear-lookup";
var LIST_WALK = /^(h?list_for_each_entry(_rcu|_safe|_continue|_from|_reverse|_srcu|_lockless)?|list_for_each(_rcu|_safe)?)$/;
var PER_PAGE_NAME = /kmap|kunmap|_to_page|to_virt|pfn|virt_to|_to_phys|page_address|addr_to|lookup_page|find_page/i;
var hotPathLinearLookup = {
  meta: {
    id: ID10,
    defaultSeverity: "warning",
    certainty: "likely",
    description: "Per-page or per-pfn translation that walks a list of ranges on every call (O(n) per page of I/O)",
    catalogue: ["seed-002"],
    docsUrl: docsUrl(ID10)
  },
  check(ctx) {
    const out = [];
    const perPageCallers = callersInLoops(ctx);
    for (const fn of ctx.analysis.functions) {
      const caller = perPageCallers.get(fn.name);
      const hot = PER_PAGE_NAME.test(fn.name) ? `${fn.name}() is a per-page translation by its name` : caller?.why;
      if (!hot)
        continue;
      walkStmts(fn.body, (s) => {
        if (s.k !== "loop" || s.form !== "macro" || s.header?.k !== "call" || !LIST_WALK.test(s.header.callee))
          return;
        const entry = s.header.args[0];
        if (!entry || stripCasts(entry).k !== "ident")
          return;
        const compare = rangeCompare(s.body, entry.name);
        if (!compare)
          return;
        out.push({
          line: compare.line,
          startLine: s.line,
          function: fn,
          code: `${s.header.callee}: ${compare.text}`,
          message: `${fn.name}() walks a linked list of ranges with ${s.header.callee}() and compares \`${compare.text.replace(/\s+/g, " ")}\` on every call: a per-page translation that costs O(number of ranges) per page.`,
          why: `${hot}. Translations that run per page or per I/O must be O(1) (pfn_to_page() is arithmetic on the memmap; memory sections and xarray lookups exist for exactly this). A list walk per page multiplies with every page of every request and, under rcu_read_lock(), also pins the reader for the whole walk. Reviewers rejected exactly this in the 2015 kmap_atomic_pfn_t() proposal.`,
          instead: "Give the memory struct pages (devm_memremap_pages()) so page_address()/kmap_local_page() work in O(1); or look the range up once per request (or cache the last range, as get_dev_pagemap(pfn, pgmap) does) and derive each page's address from it; or index ranges in an xarray/interval tree keyed by pfn.",
          evidence: [
            { file: ctx.image.path, line: s.line, note: `${s.header.callee}() over the range list` },
            { file: ctx.image.path, line: compare.line, note: "range compare per entry" },
            ...caller ? [{ file: ctx.image.path, line: caller.line, note: caller.why }] : []
          ],
          references: [`seed 002 (2015 "allow mapping page-less memremaped areas into KVA", Boaz Harrosh's review)`, "mm/memremap.c (get_dev_pagemap caches the last pgmap)", "include/linux/rculist.h"]
        });
      });
    }
    return out;
  }
};
function callersInLoops(ctx) {
  const out = /* @__PURE__ */ new Map();
  for (const { fn, site } of ctx.analysis.allCalls()) {
    if (site.call.callee === fn.name || out.has(site.call.callee))
      continue;
    const loop = site.stmtParents.find((p) => p.k === "loop");
    if (loop && ctx.analysis.provenance.functionNamed(site.call.callee)) {
      out.set(site.call.callee, { why: `${fn.name}() calls ${site.call.callee}() inside a loop (line ${loop.line}), once per iteration`, line: site.call.line });
    }
  }
  return out;
}
function rangeCompare(body, entry) {
  let found;
  walkStmts(body, (s) => {
    for (const root of ownExprs(s)) {
      walkExpr(root, (x) => {
        if (found || x.k !== "binary" || x.op !== "&&")
          return;
        const a = bound(x.left, entry);
        const b = bound(x.right, entry);
        if (a && b && a.key === b.key && a.dir !== b.dir)
          found = x;
      });
    }
  });
  return found;
}
var RELATIONAL = /* @__PURE__ */ new Set(["<", "<=", ">", ">="]);
var mentions = (e, name) => {
  let hit = false;
  walkExpr(e, (x) => {
    if (x.k === "ident" && x.name === name)
      hit = true;
  });
  return hit;
};
function bound(e, entry) {
  if (e.k !== "binary" || !RELATIONAL.has(e.op))
    return void 0;
  const l = mentions(e.left, entry);
  const r = mentions(e.right, entry);
  if (l === r)
    return void 0;
  const value = l ? e.right : e.left;
  const key2 = value.text.replace(/\s+/g, "");
  const valueOnLeft = !l;
  const greater = e.op === ">" || e.op === ">=";
  const dir = valueOnLeft === greater ? "lower" : "upper";
  return { key: key2, dir };
}

// dist/src/rules/groups/scatterlist.js
var SCATTERLIST_RULES = [
  dmaOnStack,
  sgPagelessWorkaround,
  p2pdmaCpuAccess,
  sgHighmemAddress,
  zoneDeviceMerge,
  pfnWithoutMemmap,
  zoneDevicePageMapping,
  hotPathLinearLookup
];

// dist/src/rules/support/dma-api.js
function mapStyle(model, callee) {
  const c = model.contract(callee);
  const error = c?.returns?.error;
  if (!c || !error)
    return void 0;
  if (error === "dma-mapping-error")
    return "address";
  const params = c.params ?? [];
  if (error === "zero-count" && params.some((p) => p.role === "sg") && params.some((p) => p.role === "nents"))
    return "sg-count";
  if (error === "zero-success-negative-errno" && c.category === "dma-map" && params.some((p) => p.role === "sgt") && !params.some((p) => p.role === "buffer"))
    return "sgtable";
  return void 0;
}
function releaseStyle(model, callee) {
  const cat = model.contract(callee)?.category;
  if (cat === "dma-unmap")
    return "unmap";
  if (cat === "dma-sync")
    return "sync";
  return void 0;
}
function argOfRole(model, call, role, nth = 0) {
  const params = model.contract(call.callee)?.params ?? [];
  let seen = 0;
  for (let i = 0; i < params.length; i++) {
    if (params[i].role !== role)
      continue;
    if (seen++ === nth)
      return call.args[i] ? { expr: call.args[i], index: i } : void 0;
  }
  return void 0;
}
function mappedArg(model, call) {
  for (const role of ["buffer", "page", "phys"]) {
    const a = argOfRole(model, call, role);
    if (a)
      return { ...a, role };
  }
  return void 0;
}
function attrsArg(model, call) {
  return argOfRole(model, call, "flags")?.expr;
}
function hasAttr(attrs, attr) {
  return !!attrs && new RegExp(`\\b${attr}\\b`).test(attrs.text);
}
function isMappingErrorCheck(callee) {
  return /(^|_)dma_mapping_error$/.test(callee);
}

// dist/src/rules/support/flow-order.js
var parentIndex = memoize((fn) => {
  const m = /* @__PURE__ */ new Map();
  walkStmts(fn.body, (s, parents) => {
    m.set(s, parents);
  });
  return m;
});
function children(s) {
  if (s.k === "block")
    return s.body;
  if (s.k === "case")
    return s.body;
  return [];
}
function childIndexOnChain(parent, chain) {
  const kids = children(parent);
  for (let i = 0; i < kids.length; i++)
    if (chain.includes(kids[i]))
      return i;
  return -1;
}
function dominates(a, b) {
  const chainB = [...b.stmtParents, b.stmt];
  if (a.stmt !== b.stmt && b.stmtParents.includes(a.stmt))
    return a.stmt.k === "if" || a.stmt.k === "loop" || a.stmt.k === "switch";
  const parent = a.stmtParents[a.stmtParents.length - 1];
  if (!parent || !chainB.includes(parent))
    return false;
  const ia = children(parent).indexOf(a.stmt);
  const ib = childIndexOnChain(parent, chainB);
  return ia >= 0 && ib > ia;
}
function straightLine(a, b) {
  if (!dominates(a, b))
    return false;
  const parent = a.stmtParents[a.stmtParents.length - 1];
  if (!parent)
    return false;
  const chainB = [...b.stmtParents, b.stmt];
  const kids = children(parent);
  const ia = kids.indexOf(a.stmt);
  const ib = childIndexOnChain(parent, chainB);
  for (let i = ia + 1; i <= ib; i++) {
    const s = kids[i];
    if (s.k === "label")
      return false;
    if (i < ib && alwaysExits(s))
      return false;
  }
  const below = chainB.slice(chainB.indexOf(kids[ib]));
  return !below.some((s) => s.k === "label");
}
function alwaysExits(s) {
  switch (s.k) {
    case "return":
    case "goto":
    case "break":
    case "continue":
      return true;
    case "block":
      return s.body.length > 0 && alwaysExits(s.body[s.body.length - 1]);
    case "if":
      return !!s.else && alwaysExits(s.then) && alwaysExits(s.else);
    case "label":
      return alwaysExits(s.body);
    default:
      return false;
  }
}
function mayExit(s) {
  let found = false;
  walkStmts(s, (x) => {
    if (x.k === "return" || x.k === "goto" || x.k === "break" || x.k === "continue")
      found = true;
  });
  return found;
}
function loopsAround(l) {
  return [...l.stmtParents, l.stmt].filter((s) => s.k === "loop");
}
function shareLoop(a, b) {
  const la = loopsAround(a);
  return loopsAround(b).some((x) => la.includes(x));
}
function branchOf(ifStmt, l) {
  const chain = [...l.stmtParents, l.stmt];
  if (chain.includes(ifStmt.then))
    return "then";
  if (ifStmt.else && chain.includes(ifStmt.else))
    return "else";
  return void 0;
}

// dist/src/rules/support/field-types.js
function structOf(type) {
  return type ? /\bstruct\s+(\w+)/.exec(type)?.[1] : void 0;
}
function declIn(fn, name) {
  const param = fn.params.find((p) => p.name === name);
  if (param)
    return param;
  return localDeclOf(fn, name);
}
function structTypeOf(e, fn, ir) {
  const x = stripCasts(e);
  if (x.k === "ident")
    return structOf((declIn(fn, x.name) ?? globalNamed(ir, x.name))?.type);
  if (x.k === "addr" || x.k === "deref")
    return structTypeOf(x.arg, fn, ir);
  if (x.k === "index")
    return structTypeOf(x.base, fn, ir);
  if (x.k === "field") {
    const container = structTypeOf(x.base, fn, ir);
    if (!container)
      return void 0;
    return structOf(structFieldsNamed(ir, x.field).find((f) => f.struct === container)?.type);
  }
  return void 0;
}
function containerOf(e, fn, ir) {
  return structTypeOf(e.base, fn, ir);
}
function norm(e) {
  return e.text.replace(/\s+/g, "").replace(/->/g, ".");
}
function sameField(a, fa, b, fb, ir) {
  if (a.field !== b.field)
    return false;
  const ca = containerOf(a, fa, ir);
  const cb = containerOf(b, fb, ir);
  if (ca && cb)
    return ca === cb;
  return norm(a) === norm(b);
}

// dist/src/rules/support/count-flow.js
var MAX_DEPTH2 = 8;
var CountFlow = class {
  analysis;
  model;
  file;
  fieldStores;
  constructor(analysis, model, file) {
    this.analysis = analysis;
    this.model = model;
    this.file = file;
  }
  /** Where the count `e`, read in `fn` at statement `at`, may come from. */
  origins(e, fn, at, depth = 0, seen = /* @__PURE__ */ new Set()) {
    const x = stripCasts(e);
    if (depth > MAX_DEPTH2)
      return [{ cls: "other", chain: [] }];
    switch (x.k) {
      case "call": {
        if (mapStyle(this.model, x.callee) === "sg-count") {
          return [{
            cls: "mapped",
            chain: [this.ev(x.line, `${x.callee}() returns the number of mapped DMA segments, which may be fewer than the entries it was given`)],
            map: this.mapSite(x, fn)
          }];
        }
        if (/^(min|max|min_t|max_t|umin|umax)$/.test(x.callee)) {
          const args = x.callee.endsWith("_t") ? x.args.slice(1) : x.args;
          return args.flatMap((a) => this.origins(a, fn, at, depth + 1, seen));
        }
        const helper = this.analysis.provenance.functionNamed(x.callee);
        if (helper && helper !== fn && !seen.has(`fn:${helper.name}`)) {
          seen.add(`fn:${helper.name}`);
          const out = [];
          walkStmts(helper.body, (s, parents) => {
            if (s.k !== "return" || !s.value)
              return;
            for (const o of this.origins(s.value, helper, { stmt: s, stmtParents: parents }, depth + 1, seen)) {
              out.push({ ...o, chain: [...o.chain, this.ev(x.line, `returned by ${helper.name}()`)] });
            }
          });
          seen.delete(`fn:${helper.name}`);
          if (out.length)
            return out;
        }
        return [{ cls: "other", chain: [] }];
      }
      case "literal":
        return [{ cls: /^(0[uUlL]*|-\s*\d+)$/.test(x.text.trim()) ? "reset" : "other", chain: [] }];
      case "unary":
        return [{ cls: x.op === "-" ? "reset" : "other", chain: [] }];
      case "cond":
        return [...this.origins(x.then, fn, at, depth + 1, seen), ...this.origins(x.else, fn, at, depth + 1, seen)];
      case "assign":
        return this.origins(x.right, fn, at, depth + 1, seen);
      case "ident":
        return this.identOrigins(x, fn, at, depth, seen);
      case "field":
        return this.fieldOrigins(x, fn, depth, seen);
      default:
        return [{ cls: "other", chain: [] }];
    }
  }
  /** The map site for a dma_map_sg()-style call. */
  mapSite(call, fn) {
    return { call, fn, sg: argOfRole(this.model, call, "sg")?.expr, nents: argOfRole(this.model, call, "nents")?.expr };
  }
  ev(line, note) {
    return { file: this.file, line, note };
  }
  identOrigins(x, fn, at, depth, seen) {
    const key2 = `${fn.name}:${fn.line}:${x.name}`;
    if (seen.has(key2))
      return [];
    const local = localDeclOf(fn, x.name);
    const param = fn.params.find((p) => p.name === x.name);
    if (!local && !param && !!globalNamed(this.analysis.ir, x.name))
      return [{ cls: "other", chain: [] }];
    const stores = this.localStores(fn, x.name, local).filter((s) => reaches(s.at, at));
    if (!local && !param && !stores.length)
      return [{ cls: "other", chain: [] }];
    const killers = stores.filter((s) => dominates(s.at, at) && !shareLoop(s.at, at));
    const last = killers.sort((a, b) => b.line - a.line)[0];
    const live = last ? stores.filter((s) => s === last || s.line > last.line || shareLoop(s.at, at)) : stores;
    const out = [];
    if (!last && (param || live.length === 0 || !local))
      out.push({ cls: "other", chain: [] });
    seen.add(key2);
    for (const s of live) {
      for (const o of this.origins(s.rhs, s.fn, s.at, depth + 1, seen)) {
        out.push({ ...o, chain: [...o.chain, this.ev(s.line, `stored in ${x.name}`)] });
      }
    }
    seen.delete(key2);
    return out;
  }
  localStores(fn, name, decl) {
    const out = [];
    walkFunction(fn, (s, parents) => {
      if (s.k === "decl") {
        for (const v of s.vars) {
          if (v === decl && v.init)
            out.push({ rhs: v.init, fn, line: v.line, key: name, at: { stmt: s, stmtParents: parents } });
        }
      }
    }, (e, _ep, s, parents) => {
      if (e.k === "assign" && e.op === "=" && e.left.k === "ident" && e.left.name === name) {
        out.push({ rhs: e.right, fn, line: e.line, key: name, at: { stmt: s, stmtParents: parents } });
      }
    }, ["assign"]);
    return out;
  }
  fieldOrigins(x, fn, depth, seen) {
    const path = fieldPath(x);
    const key2 = `field:${path}`;
    if (seen.has(key2))
      return [];
    const stores = this.stores().filter((s) => s.lhs?.k === "field" && sameField(s.lhs, s.fn, x, fn, this.analysis.ir));
    if (stores.length === 0) {
      return [{ cls: x.field === "orig_nents" ? "original" : "other", chain: [] }];
    }
    const out = [];
    seen.add(key2);
    for (const s of stores) {
      for (const o of this.origins(s.rhs, s.fn, s.at, depth + 1, seen)) {
        const where = s.fn === fn ? "" : ` in ${s.fn.name}()`;
        out.push({ ...o, chain: [...o.chain, this.ev(s.line, `stored in ${s.key}${where}`)] });
      }
    }
    seen.delete(key2);
    if (x.field === "orig_nents" && !out.some((o) => o.cls === "mapped"))
      return [{ cls: "original", chain: [] }];
    return out;
  }
  /** Every `a->b = ...` / `a.b = ...` in the file (built once). */
  stores() {
    if (this.fieldStores)
      return this.fieldStores;
    const out = [];
    for (const fn of this.analysis.functions) {
      for (const { expr: e, stmt: s, stmtParents: parents } of exprSitesOfKind(fn, "assign")) {
        if (e.op === "=" && e.left.k === "field") {
          const key2 = lvalueKey(e.left);
          if (key2)
            out.push({ rhs: e.right, lhs: e.left, fn, line: e.line, key: key2, at: { stmt: s, stmtParents: parents } });
        }
      }
    }
    this.fieldStores = out;
    return out;
  }
};
function reaches(store, use) {
  return store.stmt.line < use.stmt.line || store.stmt.line === use.stmt.line && store.stmt !== use.stmt || shareLoop(store, use);
}
function fieldPath(e) {
  const text = (typeof e === "string" ? e : e.text).replace(/\s+/g, "").replace(/->/g, ".");
  const parts = text.split(".");
  return parts.slice(1).join(".") || text;
}

// dist/src/rules/support/sg-iterators.js
var ITERATORS = {
  for_each_sg: { list: 0, cursor: 1, count: 2, view: "explicit", table: false },
  for_each_sgtable_sg: { list: 0, cursor: 1, view: "cpu", table: true },
  for_each_sgtable_dma_sg: { list: 0, cursor: 1, view: "dma", table: true }
};
var DMA_ACCESSORS = /* @__PURE__ */ new Set(["sg_dma_address", "sg_dma_len"]);
var DMA_FIELDS2 = /* @__PURE__ */ new Set(["dma_address", "dma_length"]);
var CPU_ACCESSORS = /* @__PURE__ */ new Set(["sg_page", "sg_virt", "sg_phys"]);
var CPU_FIELDS = /* @__PURE__ */ new Set(["length", "page_link"]);
var LOGGING = /^(dev_(dbg|info|err|warn|notice|crit|alert|emerg|printk)(_ratelimited|_once)?|pr_(debug|info|err|warn|notice|cont)|printk|trace_\w+|WARN(_ON)?(_ONCE)?|netdev_\w+|drm_dbg\w*|DRM_\w+)$/;
function sgLoops(fn) {
  const out = [];
  if (!Object.keys(ITERATORS).some((name) => callsNamed(fn, name).length > 0))
    return out;
  walkStmts(fn.body, (s, parents) => {
    if (s.k === "loop" && s.form === "macro" && s.header?.k === "call" && s.header.callee in ITERATORS) {
      const loop = makeLoop(s.header, { stmt: s, stmtParents: parents });
      if (loop) {
        walkStmts(s.body, (b, bp) => {
          for (const root of ownExprs(b)) {
            walkExpr(root, (e, ep) => loop.bodyExprs.push({ e, at: { stmt: b, stmtParents: [...parents, s, ...bp] }, parents: ep }));
          }
        });
        out.push(loop);
      }
      return;
    }
    if (s.k !== "expr" && s.k !== "unknown")
      return;
    for (const root of ownExprs(s)) {
      let header;
      walkExpr(root, (e) => {
        if (!header && e.k === "call" && e.callee in ITERATORS && e.line === s.line && s.text.trimStart().startsWith(e.callee))
          header = e;
      });
      if (!header)
        continue;
      const loop = makeLoop(header, { stmt: s, stmtParents: parents });
      if (!loop)
        continue;
      const h = header;
      walkExpr(root, (e, ep) => {
        if (e !== h && !ep.includes(h))
          loop.bodyExprs.push({ e, at: { stmt: s, stmtParents: parents }, parents: ep });
      });
      out.push(loop);
    }
  });
  return out;
}
function makeLoop(header, at) {
  const spec = ITERATORS[header.callee];
  const list = header.args[spec.list];
  const cursor = header.args[spec.cursor];
  if (!list || cursor?.k !== "ident")
    return void 0;
  return {
    header,
    kind: header.callee,
    view: spec.view,
    list,
    cursor: cursor.name,
    count: spec.count !== void 0 ? header.args[spec.count] : void 0,
    at,
    bodyExprs: []
  };
}
function fieldRead(e, parents, cursor) {
  if (isWrite(e, parents) || parents.some((p) => p.k === "call" && LOGGING.test(p.callee)))
    return void 0;
  if (e.k === "call" && e.args[0] && namesCursor(e.args[0], cursor)) {
    if (DMA_ACCESSORS.has(e.callee))
      return { half: "dma", what: `${e.callee}()`, e };
    if (CPU_ACCESSORS.has(e.callee))
      return { half: "cpu", what: `${e.callee}()`, e };
  }
  if (e.k === "field" && e.arrow && namesCursor(e.base, cursor)) {
    if (DMA_FIELDS2.has(e.field))
      return { half: "dma", what: `->${e.field}`, e };
    if (CPU_FIELDS.has(e.field))
      return { half: "cpu", what: `->${e.field}`, e };
  }
  return void 0;
}
function namesCursor(e, cursor) {
  const x = stripCasts(e);
  return x.k === "ident" && x.name === cursor;
}
function isWrite(e, parents) {
  const p = parents[parents.length - 1];
  if (p?.k === "assign" && p.left === e)
    return true;
  if (p?.k === "unary" && (p.op === "++" || p.op === "--"))
    return true;
  return false;
}
function stopsAtUnmappedEntry(loop) {
  let found = false;
  walkStmts(loop.at.stmt, (s) => {
    if (s.k !== "if" || !/\bsg_dma_len\s*\(/.test(s.cond.text))
      return;
    walkStmts(s.then, (t) => {
      if (t.k === "break" || t.k === "return" || t.k === "goto")
        found = true;
    });
  });
  return found;
}
function isDmaFieldRead(e, parents) {
  if (isWrite(e, parents) || parents.some((p) => p.k === "call" && LOGGING.test(p.callee)))
    return void 0;
  if (e.k === "call" && DMA_ACCESSORS.has(e.callee) && e.args[0])
    return { list: e.args[0], what: `${e.callee}()` };
  if (e.k === "field" && e.arrow && DMA_FIELDS2.has(e.field))
    return { list: e.base, what: `->${e.field}` };
  return void 0;
}

// dist/src/rules/dma-sg-count-confusion.js
var ID11 = "dma-sg-count-confusion";
var REFS9 = ["SG-008", "include/linux/scatterlist.h (for_each_sgtable_sg, for_each_sgtable_dma_sg, sg_dma_len)", "Documentation/core-api/dma-api.rst (dma_map_sg)"];
var dmaSgCountConfusion = {
  meta: {
    id: ID11,
    defaultSeverity: "error",
    certainty: "certain",
    description: "CPU-view and DMA-view scatterlist iterators and counts mixed (for_each_sgtable_sg reading sg_dma_*, DMA-view bounds reading sg_page/length, nents instead of the mapped count)",
    catalogue: ["SG-008"],
    docsUrl: docsUrl(ID11)
  },
  check(ctx) {
    const out = [];
    const flow = new CountFlow(ctx.analysis, ctx.model, ctx.image.path);
    for (const fn of ctx.analysis.functions) {
      for (const loop of sgLoops(fn)) {
        const bound2 = boundOf(ctx, fn, loop, flow);
        if (!bound2)
          continue;
        const reads = loop.bodyExprs.map((b) => fieldRead(b.e, b.parents, loop.cursor)).filter((r) => !!r);
        const wrong = reads.filter((r) => r.half !== bound2.view);
        if (!wrong.length)
          continue;
        if (bound2.view === "cpu" && stopsAtUnmappedEntry(loop))
          continue;
        out.push(report4(ctx, fn, loop, bound2, wrong));
      }
    }
    return out;
  }
};
function boundOf(ctx, fn, loop, flow) {
  const here = { file: ctx.image.path, line: loop.header.line, note: `${loop.kind}() loop` };
  if (loop.view === "cpu")
    return { view: "cpu", why: `${loop.kind}() walks sgt->orig_nents, the CPU entries`, certainty: "certain", evidence: [here] };
  if (loop.view === "dma")
    return { view: "dma", why: `${loop.kind}() walks sgt->nents, the mapped DMA segments`, certainty: "certain", evidence: [here] };
  const count = loop.count;
  if (!count)
    return void 0;
  if (count.k === "field" && (count.field === "orig_nents" || count.field === "nents") && sameTable(loop.list, count.base, count.arrow, fn)) {
    return count.field === "orig_nents" ? { view: "cpu", why: `\`${count.text}\` is the table's CPU entry count`, certainty: "certain", evidence: [here] } : dmaBound(ctx, count, fn, loop.header.line, here);
  }
  const at = { stmt: loop.at.stmt, stmtParents: loop.at.stmtParents };
  const origins = flow.origins(count, fn, at);
  const mapped = origins.filter((o) => o.cls === "mapped");
  if (mapped.length && mapped.length === origins.filter((o) => o.cls !== "reset").length) {
    return {
      view: "dma",
      why: `\`${count.text}\` is the count ${mapped[0].map?.call.callee ?? "dma_map_sg"}() returned`,
      certainty: "certain",
      evidence: [...mapped.flatMap((o) => o.chain), here]
    };
  }
  const map = ctx.analysis.calls(fn).map((s) => s.call).find((c) => c.line < loop.header.line && mapsListWith(ctx, c, loop.list, count));
  if (map) {
    return {
      view: "cpu",
      why: `\`${count.text}\` is the nents passed to ${map.callee}() (line ${map.line}), the CPU entry count, not the number of mapped segments it returned`,
      certainty: "certain",
      evidence: [{ file: ctx.image.path, line: map.line, note: `${map.callee}() maps ${loop.list.text} with ${count.text} entries and returns the mapped count` }, here]
    };
  }
  return void 0;
}
function dmaBound(ctx, count, fn, line, here) {
  const certainty = tableMapped(ctx, count.base, fn, line);
  return certainty ? { view: "dma", why: `\`${count.text}\` is the table's mapped DMA segment count`, certainty, evidence: [here] } : void 0;
}
function mapsListWith(ctx, call, list, count) {
  if (mapStyle(ctx.model, call.callee) !== "sg-count")
    return false;
  const sg = argOfRole(ctx.model, call, "sg")?.expr;
  const n = argOfRole(ctx.model, call, "nents")?.expr;
  return !!sg && !!n && norm2(sg.text) === norm2(list.text) && norm2(n.text) === norm2(count.text);
}
function sameTable(list, base, arrow, fn) {
  if (list.k === "field" && list.field === "sgl")
    return norm2(list.base.text) === norm2(base.text) && list.arrow === arrow;
  if (list.k === "ident") {
    const decl = localDeclOf(fn, list.name);
    const init = decl?.init;
    if (init?.k === "field" && init.field === "sgl")
      return norm2(init.base.text) === norm2(base.text);
  }
  return false;
}
function tableMapped(ctx, base, fn, loopLine) {
  const key2 = norm2(base.text);
  const sites = ctx.analysis.allCalls().filter(({ site }) => {
    const style = mapStyle(ctx.model, site.call.callee);
    if (style === "sgtable") {
      const t = argOfRole(ctx.model, site.call, "sgt")?.expr;
      return !!t && norm2(t.k === "addr" ? t.arg.text : t.text) === key2;
    }
    if (style === "sg-count") {
      const p = site.exprParents[site.exprParents.length - 1];
      return p?.k === "assign" && p.left.k === "field" && p.left.field === "nents" && norm2(p.left.base.text) === key2;
    }
    return false;
  });
  const here = sites.filter((s) => s.fn === fn);
  if (here.some((s) => s.site.call.line < loopLine))
    return "certain";
  if (here.length)
    return void 0;
  const sharedPath = stripCasts(base).k !== "ident";
  return sharedPath && sites.length ? "likely" : void 0;
}
function norm2(s) {
  return s.replace(/\s+/g, "");
}
function report4(ctx, fn, loop, bound2, wrong) {
  const reads = [...new Set(wrong.map((r) => r.what))].join(", ");
  const first = wrong[0];
  const dmaRead = bound2.view === "cpu";
  const message = dmaRead ? `This ${loop.kind}() loop reads ${reads} of \`${loop.cursor}\`, but ${bound2.why}: after mapping, only the first nents entries (the count dma_map_sg() returned) carry DMA addresses and lengths.` : `This ${loop.kind}() loop reads ${reads} of \`${loop.cursor}\`, but ${bound2.why}: DMA segment i is not CPU entry i once the mapping merged entries, and the CPU list may have more entries.`;
  return {
    line: first.e.line,
    startLine: loop.header.line,
    function: fn,
    code: `${loop.header.text} ${first.e.text}`,
    certainty: bound2.certainty,
    message,
    why: dmaRead ? "dma_map_sg() may merge adjacent entries (IOMMU, swiotlb) and returns how many DMA segments it produced; the DMA fields of the remaining entries are undefined (dma-iommu leaves sg_dma_len() 0 there). Programming the device from the CPU bound sends garbage addresses or drops data. Without CONFIG_NEED_SG_DMA_LENGTH sg_dma_len() aliases ->length, which hides the bug on x86." : "The DMA view has as many entries as the map returned; the CPU fields (page, offset, length) of those entries describe different memory than the DMA segments, and the CPU list can be longer than the DMA count.",
    instead: dmaRead ? "Walk the DMA view: for_each_sgtable_dma_sg(sgt, sg, i), or for_each_sg(sgl, sg, count, i) with the count dma_map_sg() returned." : "Walk the CPU view for CPU fields: for_each_sgtable_sg(sgt, sg, i) (orig_nents), or for_each_sg() with the original nents.",
    evidence: [...bound2.evidence, { file: ctx.image.path, line: first.e.line, note: `reads ${first.what}` }],
    references: REFS9
  };
}

// dist/src/rules/dma-unmap-nents.js
var ID12 = "dma-unmap-nents";
var REFS10 = ["DMA-003", "Documentation/core-api/dma-api.rst (dma_unmap_sg)", "Documentation/core-api/dma-api-howto.rst", 'kernel/dma/debug.c ("different entry count")'];
var dmaUnmapNents = {
  meta: {
    id: ID12,
    defaultSeverity: "error",
    certainty: "certain",
    description: "dma_unmap_sg()/dma_sync_sg_for_*() called with the count dma_map_sg() returned instead of the original nents; dma_unmap_sgtable() after orig_nents was rewritten",
    catalogue: ["DMA-003"],
    docsUrl: docsUrl(ID12)
  },
  check(ctx) {
    const out = [];
    const flow = new CountFlow(ctx.analysis, ctx.model, ctx.image.path);
    const declared = ctx.side === "old" ? declaredFix(ctx.patch) : void 0;
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const release = releaseStyle(ctx.model, call.callee);
        if (!release)
          continue;
        const nents = argOfRole(ctx.model, call, "nents")?.expr;
        if (!nents)
          continue;
        const at = { stmt: site.stmt, stmtParents: site.stmtParents };
        const origins = flow.origins(nents, fn, at);
        const mapped = origins.filter((o) => o.cls === "mapped");
        if (mapped.length) {
          out.push(countReport(ctx, fn, call, nents, origins, mapped));
        } else if (declared && ctx.image.changed.has(call.line) && replacedInPatch(ctx, call.line, lvalueKey(nents) ?? nents.text)) {
          out.push(declaredReport(ctx, fn, call.line, call.text, `${call.callee}() is given \`${nents.text}\``, declared));
        }
      }
      out.push(...sgtableAfterEdit(ctx, fn, flow));
      if (declared)
        out.push(...declaredStores(ctx, fn, declared));
    }
    return out;
  }
};
function countReport(ctx, fn, call, nents, origins, mapped) {
  const others = origins.filter((o) => o.cls === "other" || o.cls === "original");
  const map = mapped[0].map;
  const original = map?.nents?.text;
  const verb = call.callee.includes("sync") ? "synced" : "unmapped";
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty: others.length ? "likely" : "certain",
    message: `${call.callee}() is given \`${nents.text}\`, ${others.length ? "which can be " : ""}the count ${map?.call.callee ?? "dma_map_sg"}() returned${map ? ` (line ${map.call.line})` : ""}; a list must be ${verb} with the nents it was mapped with${original ? ` (\`${original}\`)` : ""}, not with the number of DMA segments.`,
    why: `dma_map_sg() may merge entries (IOMMU, swiotlb) and returns how many DMA segments it produced, which can be fewer than the entries it was given. dma_unmap_sg() and dma_sync_sg_*() walk the CPU entries: given the smaller count they skip the tail of the list, so IOVA space and swiotlb slots leak, P2PDMA bus-address marks are not cleared and cache maintenance misses entries. dma-api.rst and dma-api-howto.rst both require the nents given to dma_map_sg(), explicitly not the count it returned.`,
    instead: `Keep the nents you passed to ${map?.call.callee ?? "dma_map_sg"}() (store it next to the mapped count if the unmap happens elsewhere) and pass that; or switch to dma_map_sgtable()/dma_unmap_sgtable(), which keep both counts in the sg_table.`,
    evidence: [...chainOf2(mapped), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: REFS10,
    suggestion: suggestionFor2(ctx, fn, call, nents, mapped)
  };
}
function suggestionFor2(ctx, fn, call, nents, mapped) {
  const sites = new Set(mapped.map((m) => m.map?.call));
  if (sites.size !== 1 || ctx.side !== "new")
    return void 0;
  const map = mapped[0].map;
  const orig = map.nents;
  if (!orig || orig.k !== "ident" && orig.k !== "field")
    return void 0;
  const origKey = lvalueKey(orig);
  if (origKey === lvalueKey(nents))
    return void 0;
  let safety;
  if (orig.k === "ident") {
    if (map.fn !== fn || !inScope(fn, orig.name))
      return void 0;
    if (assignedBetween(fn, orig.name, map.call.line, call.line, true))
      return void 0;
    safety = "safe";
  } else {
    const root = rootIdent(orig);
    if (!root || !inScope(fn, root))
      return void 0;
    if (map.fn === fn && assignedBetween(fn, origKey, map.call.line, call.line, true))
      return void 0;
    safety = map.fn === fn ? "safe" : "review";
  }
  const lines = [];
  for (let l = call.line; l <= call.endLine; l++) {
    const t = ctx.image.lineText.get(l);
    if (t === void 0)
      return void 0;
    lines.push(t);
  }
  const joined = lines.join("\n");
  const needle = new RegExp(`(?<![\\w>.])${nents.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w])`, "g");
  if ((joined.match(needle) ?? []).length !== 1)
    return void 0;
  return { startLine: call.line, endLine: call.endLine, replacement: joined.replace(needle, orig.text), safety };
}
function rootIdent(e) {
  let cur = e;
  while (cur.k === "field")
    cur = cur.base;
  return cur.k === "ident" ? cur.name : void 0;
}
function inScope(fn, name) {
  return fn.params.some((p) => p.name === name) || !!localDeclOf(fn, name);
}
function assignedBetween(fn, key2, from, to, inclusive) {
  for (const { expr: e } of exprSitesOfKind(fn, "assign")) {
    if (lvalueKey(e.left) !== key2)
      continue;
    if ((inclusive ? e.line >= from : e.line > from) && e.line <= to)
      return true;
  }
  return false;
}
function sgtableAfterEdit(ctx, fn, flow) {
  const out = [];
  const writes = [];
  for (const { expr: e, stmt: s, stmtParents: parents } of exprSitesOfKind(fn, "assign")) {
    if (e.left.k === "field" && e.left.field === "orig_nents") {
      writes.push({ e, at: { stmt: s, stmtParents: parents }, base: tableKey(e.left.base, e.left.arrow) });
    }
  }
  if (!writes.length)
    return out;
  const reported = /* @__PURE__ */ new Set();
  for (const w of writes) {
    const value = flow.origins(w.e.right, fn, w.at).filter((o) => o.cls === "mapped");
    if (!value.length)
      continue;
    reported.add(w.e);
    out.push({
      line: w.e.line,
      function: fn,
      code: w.e.text,
      certainty: "certain",
      message: `\`${w.e.text}\` stores the DMA segment count in orig_nents, the CPU entry count of the table; dma_unmap_sgtable(), dma_sync_sgtable_*() and sg_free_table() will then walk the wrong number of entries.`,
      why: "struct sg_table keeps both views: orig_nents (entries of the CPU list, what the unmap and free paths walk) and nents (mapped DMA segments). Overwriting orig_nents with the mapped count is the dma_unmap_sg() mistake in table form.",
      instead: "Store the mapped count in sgt->nents (or let dma_map_sgtable() do it) and leave orig_nents alone.",
      evidence: [...chainOf2(value), { file: ctx.image.path, line: w.e.line, note: "stored in orig_nents" }],
      references: REFS10
    });
  }
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    if (!releaseStyle(ctx.model, call.callee))
      continue;
    const sgt = argOfRole(ctx.model, call, "sgt")?.expr;
    if (!sgt)
      continue;
    const key2 = tableKey(sgt.k === "addr" ? sgt.arg : sgt, sgt.k !== "addr");
    const at = { stmt: site.stmt, stmtParents: site.stmtParents };
    const map = ctx.analysis.calls(fn).find((m) => m.call.line < call.line && mapsTable(ctx, m.call, key2));
    if (!map)
      continue;
    const mapAt = { stmt: map.stmt, stmtParents: map.stmtParents };
    const edit = writes.find((w) => w.base === key2 && !reported.has(w.e) && w.e.line > map.call.line && w.e.line < call.line && (dominates(mapAt, w.at) || w.at.stmtParents.length >= mapAt.stmtParents.length) && dominates(w.at, at));
    if (!edit)
      continue;
    out.push({
      line: call.line,
      function: fn,
      code: call.text,
      certainty: "certain",
      message: `${call.callee}() runs after \`${edit.e.text}\` (line ${edit.e.line}) rewrote orig_nents of the mapped table; it unmaps by orig_nents, so it no longer covers the entries that were mapped.`,
      why: "dma_unmap_sgtable() and dma_sync_sgtable_*() pass sgt->orig_nents to dma_unmap_sg()/dma_sync_sg_*(): the table must keep the entry count it was mapped with until it is unmapped (include/linux/dma-mapping.h).",
      instead: "Do not edit orig_nents between dma_map_sgtable() and dma_unmap_sgtable(); trim the table before mapping it, or keep the trimmed count in a separate variable.",
      evidence: [
        { file: ctx.image.path, line: map.call.line, note: `${map.call.callee}() maps the table` },
        { file: ctx.image.path, line: edit.e.line, note: "orig_nents rewritten" },
        { file: ctx.image.path, line: call.line, note: `${call.callee}() walks orig_nents` }
      ],
      references: REFS10
    });
  }
  return out;
}
function tableKey(base, pointer) {
  const t = base.text.replace(/\s+/g, "");
  return pointer ? t : `&${t}`;
}
function mapsTable(ctx, call, key2) {
  const style = mapStyle(ctx.model, call.callee);
  if (style === "sgtable") {
    const sgt = argOfRole(ctx.model, call, "sgt")?.expr;
    if (!sgt)
      return false;
    return tableKey(sgt.k === "addr" ? sgt.arg : sgt, sgt.k !== "addr") === key2;
  }
  if (style === "sg-count") {
    const sg = argOfRole(ctx.model, call, "sg")?.expr;
    return !!sg && sg.k === "field" && sg.field === "sgl" && tableKey(sg.base, sg.arrow) === key2;
  }
  return false;
}
function declaredFix(patch) {
  const text = patch.body.replace(/\s+/g, " ");
  const mentionsRelease = /\b(dma_unmap_sg\w*|dma_sync_sg\w*|unmap\w*)\b/i.test(text);
  const sentence = text.split(/(?<=[.!?])\s+/).find((s) => /(returned by|return(ed)? value of|value (the )?\w* ?(function )?returned|count returned|mapped count|number of (entries )?returned)/i.test(s) && /(dma_map_sg|map function|mapping function|mapped)/i.test(s));
  const original = /(original|same) (number of entries|nents|number of sg entries)|same nents|original nents/i.test(text);
  if (!mentionsRelease || !(sentence || original))
    return void 0;
  return sentence?.trim() ?? "the patch message says the unmap used the mapped count instead of the original nents";
}
function replacedInPatch(ctx, line, removed) {
  const lead = (ctx.image.lineText.get(line) ?? "").trim();
  const head = lead.slice(0, Math.max(0, lead.indexOf(removed))).replace(/\s+/g, "");
  if (!head)
    return false;
  for (const h of ctx.file.hunks) {
    if (!h.lines.some((l) => l.kind === "del" && l.oldLine === line))
      continue;
    return h.lines.some((l) => l.kind === "add" && l.text.replace(/\s+/g, "").startsWith(head) && !l.text.includes(removed));
  }
  return false;
}
function declaredStores(ctx, fn, declared) {
  const out = [];
  walkStmts(fn.body, (s) => {
    if (s.k !== "expr" || s.expr.k !== "assign" || s.expr.op !== "=" || s.expr.left.k !== "field")
      return;
    const e = s.expr;
    if (!ctx.image.changed.has(e.line) || e.right.k !== "ident" && e.right.k !== "field")
      return;
    const key2 = lvalueKey(e.left);
    const after = ctx.file.hunks.flatMap((h) => h.lines.some((l) => l.kind === "del" && l.oldLine === e.line) ? h.lines : []).filter((l) => l.kind === "add" && l.text.replace(/\s+/g, "").startsWith(`${key2}=`));
    if (!after.length || after.some((l) => l.text.replace(/\s+/g, "") === `${key2}=${e.right.text.replace(/\s+/g, "")};`))
      return;
    out.push(declaredReport(ctx, fn, e.line, e.text, `\`${e.text}\` keeps a count for a later dma_unmap_sg()`, declared));
  });
  return out;
}
function declaredReport(ctx, fn, line, code2, what, declared) {
  const ev = { file: ctx.image.path, line, note: "removed by the patch" };
  return {
    line,
    function: fn,
    code: code2,
    certainty: "likely",
    message: `${what}; the patch message says this is the count dma_map_sg() returned rather than the nents the list was mapped with ("${declared.slice(0, 160)}").`,
    why: "dma_unmap_sg()/dma_sync_sg_*() must get the nents passed to dma_map_sg(), not the (possibly smaller) number of DMA segments it returned (dma-api.rst). The map call is outside the lines the patch shows, so this rests on the patch description together with the removed line.",
    instead: "Keep the original nents for the unmap, or use dma_map_sgtable()/dma_unmap_sgtable().",
    evidence: [ev],
    references: REFS10
  };
}
function chainOf2(origins) {
  const seen = /* @__PURE__ */ new Set();
  return origins.flatMap((o) => o.chain).filter((e) => {
    const k = `${e.line}:${e.note}`;
    if (seen.has(k))
      return false;
    seen.add(k);
    return true;
  });
}

// dist/src/rules/support/function-visibility.js
function wholeFileVisible(ctx) {
  if (ctx.image.complete)
    return true;
  return ctx.side === "new" && ctx.file.status === "added" || ctx.side === "old" && ctx.file.status === "deleted";
}
function functionFullyVisible(ctx, fn) {
  if (wholeFileVisible(ctx))
    return true;
  if (fn.synthetic)
    return false;
  for (let l = fn.line; l <= fn.endLine; l++)
    if (!ctx.image.lineText.has(l))
      return false;
  return /^}\s*$/.test(ctx.image.lineText.get(fn.endLine) ?? "");
}

// dist/src/rules/dma-mapping-error-unchecked.js
var ID13 = "dma-mapping-error-unchecked";
var REFS11 = ["DMA-004", "include/linux/dma-mapping.h (dma_mapping_error)", 'Documentation/core-api/dma-api-howto.rst ("Handling Errors")', 'kernel/dma/debug.c ("device driver failed to check map error")'];
var MAX_CALLER_DEPTH = 2;
var dmaMappingErrorUnchecked = {
  meta: {
    id: ID13,
    defaultSeverity: "error",
    certainty: "certain",
    description: "dma_map_single/page/resource/phys result not checked with dma_mapping_error(), compared by hand, or checked with a failure path that carries on",
    catalogue: ["DMA-004"],
    docsUrl: docsUrl(ID13)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        if (mapStyle(ctx.model, site.call.callee) !== "address")
          continue;
        const v = judge(ctx, fn, site, site.call, 0);
        if (v.k === "report")
          out.push(v.report);
      }
    }
    return out;
  }
};
function judge(ctx, fn, site, map, depth) {
  const call = site.call;
  const parent = parentOf(site);
  const base = { function: fn, code: call.text, references: REFS11 };
  const mapEv = { file: ctx.image.path, line: map.line, note: `${map.callee}() returns DMA_MAPPING_ERROR on failure` };
  const chain = call === map ? [mapEv] : [mapEv, { file: ctx.image.path, line: call.line, note: `returned by ${call.callee}()` }];
  if (parent?.k === "call" && isMappingErrorCheck(parent.callee))
    return { k: "checked" };
  const hand = handComparison(parent, call);
  if (hand) {
    return { k: "report", report: { ...base, line: call.line, certainty: "certain", message: handMessage(hand, map.callee, call.text), why: why(map.callee), instead: instead(), evidence: chain } };
  }
  if (parent?.k === "call" && /^(WARN_ON|WARN_ON_ONCE|BUG_ON|unlikely|likely)$/.test(parent.callee))
    return { k: "unknown" };
  const target = resultTarget(site);
  if (target === "discarded") {
    return { k: "report", report: {
      ...base,
      line: call.line,
      certainty: "certain",
      message: `The dma_addr_t returned by ${map.callee}() is discarded: a failed mapping goes unnoticed and the mapping can never be unmapped.`,
      why: why(map.callee),
      instead: instead(),
      evidence: chain
    } };
  }
  if (target === "other") {
    if (site.stmt.k === "return")
      return callersOf(ctx, fn, map, depth);
    if (parent?.k === "call") {
      return { k: "report", report: {
        ...base,
        line: call.line,
        certainty: "likely",
        message: `The result of ${map.callee}() goes straight into ${parent.callee}() without a dma_mapping_error() check; on failure DMA_MAPPING_ERROR is used as an address.`,
        why: why(map.callee),
        instead: instead(),
        evidence: chain
      } };
    }
    return { k: "unknown" };
  }
  if (target.key.startsWith("*"))
    return { k: "unknown" };
  return followKey(ctx, fn, site, map, target.key, target.line, chain, depth);
}
function followKey(ctx, fn, site, map, key2, line, chain, depth) {
  const call = site.call;
  const base = { function: fn, code: call.text, references: REFS11 };
  const uses = usesUntilReassigned(fn, key2, line, site);
  let check;
  let firstUse;
  for (const u of uses) {
    const p = parentOf(u);
    if (p?.k === "call" && isMappingErrorCheck(p.callee)) {
      check = u;
      break;
    }
    const hand = handComparison(p, u.expr) ?? bareTruthTest(u);
    if (hand) {
      return { k: "report", report: {
        ...base,
        line: u.expr.line,
        certainty: "certain",
        message: handMessage(hand, map.callee, key2),
        why: why(map.callee),
        instead: instead(),
        evidence: [...chain, { file: ctx.image.path, line: u.expr.line, note: `tested by hand: ${hand}` }],
        suggestion: handSuggestion(ctx, fn, map, p, u, hand)
      } };
    }
    if (inCondition(u) && p?.k === "call")
      return { k: "unknown" };
    firstUse ??= u;
  }
  if (check)
    return swallowed(ctx, fn, site, map, key2, check, uses, chain);
  const isField = !/^\w+$/.test(key2) && !/^\w+\[/.test(key2);
  if (isField && checkedElsewhere(ctx, key2))
    return { k: "checked" };
  if (!isField) {
    for (const u of uses) {
      if (u.stmt.k === "return" && u.stmt.value && lvalueKey(u.stmt.value) === key2)
        return callersOf(ctx, fn, map, depth);
      const p = parentOf(u);
      if (p?.k === "assign" && p.right === u.expr) {
        const dest = lvalueKey(p.left);
        if (!dest || dest.startsWith("*"))
          return { k: "unknown" };
        if (!/^\w+$/.test(dest) && checkedElsewhere(ctx, dest))
          return { k: "checked" };
      }
    }
  }
  const whole = functionFullyVisible(ctx, fn);
  if (firstUse) {
    const certainty = whole ? "certain" : "likely";
    return { k: "report", report: {
      ...base,
      line: call.line,
      certainty,
      message: `\`${key2}\` from ${map.callee}() is used (line ${firstUse.expr.line}) without a dma_mapping_error() check: if the mapping fails, DMA_MAPPING_ERROR is handed on as a device address.`,
      why: why(map.callee),
      instead: instead(),
      evidence: [...chain, { file: ctx.image.path, line: firstUse.expr.line, note: `${key2} used unchecked` }]
    } };
  }
  if (isField && !wholeFileVisible(ctx) && !nextStatementVisible(site))
    return { k: "unknown" };
  if (!whole && !nextStatementVisible(site))
    return { k: "unknown" };
  return { k: "report", report: {
    ...base,
    line: call.line,
    certainty: whole && !isField ? "certain" : "likely",
    message: `\`${key2}\` from ${map.callee}() is never tested with dma_mapping_error()${whole ? "" : " in the lines that follow the map"}; a failed mapping goes unnoticed.`,
    why: why(map.callee),
    instead: instead(),
    evidence: chain
  } };
}
function usesUntilReassigned(fn, key2, line, site) {
  const mapAt = { stmt: site.stmt, stmtParents: site.stmtParents };
  let stop = Infinity;
  const uses = [];
  walkFunction(fn, void 0, (e, exprParents, s, stmtParents) => {
    if (e.k === "assign" && e.op === "=" && lvalueKey(e.left) === key2 && e.line > line && s !== site.stmt && dominates(mapAt, { stmt: s, stmtParents }))
      stop = Math.min(stop, e.line);
    if (e.line < line || lvalueKey(e) !== key2)
      return;
    const parent = exprParents[exprParents.length - 1];
    if (parent?.k === "field" && parent.base === e)
      return;
    if (parent?.k === "index" && parent.base === e)
      return;
    if (parent?.k === "assign" && parent.left === e)
      return;
    uses.push({ expr: e, stmt: s, exprParents, stmtParents, fn });
  });
  return uses.filter((u) => u.expr.line < stop).sort((a, b) => a.expr.line - b.expr.line);
}
function checkedElsewhere(ctx, key2) {
  const path = fieldPath(key2.replace(/\[[^\]]*\]$/, ""));
  const last = path.split(".").pop() ?? path;
  return ctx.analysis.uses(last, { byField: true }).some((u) => {
    const p = parentOf(u);
    if (p?.k !== "call" || !isMappingErrorCheck(p.callee))
      return false;
    const up = fieldPath(u.expr);
    return up === path || up.endsWith(`.${path}`) || path.endsWith(`.${up}`);
  });
}
function callersOf(ctx, helper, map, depth) {
  if (depth >= MAX_CALLER_DEPTH || !helper.name)
    return { k: "unknown" };
  const callers = ctx.analysis.callsTo([helper.name]).filter(({ fn }) => fn !== helper);
  if (!callers.length)
    return { k: "unknown" };
  for (const { fn, site } of callers) {
    const v = judge(ctx, fn, site, map, depth + 1);
    if (v.k === "report")
      return v;
  }
  return { k: "checked" };
}
function swallowed(ctx, fn, site, map, key2, check, uses, chain) {
  const checkCall = parentOf(check);
  const ifStmt = check.stmt.k === "if" ? check.stmt : void 0;
  let failure;
  let after;
  if (ifStmt) {
    if (!positive(ifStmt.cond, checkCall))
      return { k: "checked" };
    failure = ifStmt.then;
    if (mayExit(failure) || recordsError(failure) || ifStmt.else && alwaysExits(ifStmt.else))
      return { k: "checked" };
    after = { stmt: check.stmt, stmtParents: check.stmtParents };
  } else if (check.stmt.k === "expr" && check.exprParents.every((p) => p === checkCall || p.k === "call" && /^(WARN_ON|WARN_ON_ONCE|WARN|unlikely)$/.test(p.callee))) {
    after = { stmt: check.stmt, stmtParents: check.stmtParents };
  } else {
    return { k: "checked" };
  }
  const later = uses.find((u) => u.expr.line > (ifStmt?.endLine ?? check.stmt.endLine) && dominates(after, { stmt: u.stmt, stmtParents: u.stmtParents }));
  if (!later)
    return { k: "checked" };
  return { k: "report", report: {
    line: check.expr.line,
    function: fn,
    code: site.call.text,
    references: REFS11,
    certainty: functionFullyVisible(ctx, fn) ? "certain" : "likely",
    message: `dma_mapping_error() is checked but the failure is swallowed: nothing leaves or records the error, and \`${key2}\` is still used at line ${later.expr.line}.`,
    why: why(map.callee),
    instead: instead(),
    evidence: [
      ...chain,
      { file: ctx.image.path, line: check.expr.line, note: "checked, but the failure path carries on" },
      { file: ctx.image.path, line: later.expr.line, note: `${key2} used after a possible failure` }
    ]
  } };
}
function positive(cond, check) {
  let negated = false;
  walkExpr(cond, (e, parents) => {
    if (e !== check)
      return;
    negated = parents.some((p) => p.k === "unary" && p.op === "!") || parents.some((p) => p.k === "binary" && (p.op === "==" || p.op === "&&"));
  });
  return !negated;
}
function recordsError(s) {
  let found = false;
  walkStmts(s, (x) => {
    for (const root of ownExprs(x))
      walkExpr(root, (e) => {
        if (e.k === "assign")
          found = true;
      });
  });
  return found;
}
function handComparison(p, e) {
  if (!p)
    return void 0;
  if (zeroTest(p, e))
    return p.text;
  const sign = signTest(p, e);
  if (sign)
    return sign;
  if (p.k === "binary" && (p.op === "==" || p.op === "!=")) {
    const other = p.left === e ? p.right : p.right === e ? p.left : void 0;
    if (other && /\bDMA_MAPPING_ERROR\b/.test(other.text))
      return p.text;
    if (other?.k === "literal" && /^0[uUlL]*$/.test(other.text.trim()))
      return p.text;
  }
  return void 0;
}
function bareTruthTest(u) {
  const p = parentOf(u);
  if (u.stmt.k === "if" && u.stmt.cond === u.expr)
    return u.expr.text;
  if (p?.k === "binary" && (p.op === "&&" || p.op === "||") && inCondition(u))
    return u.expr.text;
  return void 0;
}
function handMessage(test, callee, what) {
  if (/DMA_MAPPING_ERROR/.test(test)) {
    return `\`${test}\` compares the result of ${callee}() with DMA_MAPPING_ERROR by hand; use dma_mapping_error(), the only check DMA_API_DEBUG records (it otherwise warns "device driver failed to check map error") and the one that stays right if the error encoding changes.`;
  }
  if (/<|>/.test(test)) {
    return `\`${test}\` can never detect a failed ${callee}(): dma_addr_t is unsigned and failure is DMA_MAPPING_ERROR (~0); use dma_mapping_error().`;
  }
  return `\`${test}\` does not detect a failed ${callee}() on \`${what}\`: failure is DMA_MAPPING_ERROR (~0), not 0, and 0 can be a valid DMA address; use dma_mapping_error().`;
}
function handSuggestion(ctx, fn, map, p, u, test) {
  if (ctx.side !== "new" || !p || p.line !== p.endLine || /<|>/.test(test))
    return void 0;
  const dev = map.args[0];
  if (!dev || !ctx.analysis.calls(fn).some((s) => s.call === map))
    return void 0;
  const text = ctx.image.lineText.get(p.line);
  if (!text || text.split(p.text).length !== 2)
    return void 0;
  const negate = p.k === "binary" && p.op === "!=";
  const replacement = `${negate ? "!" : ""}dma_mapping_error(${dev.text}, ${u.expr.text})`;
  return { startLine: p.line, endLine: p.line, replacement: text.replace(p.text, replacement), safety: /DMA_MAPPING_ERROR/.test(test) ? "safe" : "review" };
}
function nextStatementVisible(site) {
  const parent = site.stmtParents[site.stmtParents.length - 1];
  if (!parent || parent.k !== "block")
    return false;
  const i = parent.body.indexOf(site.stmt);
  return i >= 0 && i + 1 < parent.body.length;
}
function why(callee) {
  return `${callee}() returns DMA_MAPPING_ERROR when the mapping fails (no IOVA space, swiotlb full, address beyond the DMA mask, vmalloc memory rejected); only dma_mapping_error() tests for it, and 0 can be a valid DMA address (include/linux/dma-mapping.h, dma-api-howto.rst "Handling Errors"). With CONFIG_DMA_API_DEBUG an unchecked address is reported as "device driver failed to check map error".`;
}
function instead() {
  return "`dma = dma_map_single(dev, buf, len, dir); if (dma_mapping_error(dev, dma)) { ret = -ENOMEM; goto err; }` before the address reaches a descriptor or register.";
}

// dist/src/rules/dma-fields-unmapped.js
var ID14 = "dma-fields-unmapped";
var REFS12 = ["DMA-005", "include/linux/scatterlist.h (sg_dma_address, sg_dma_len)", "Documentation/core-api/dma-api.rst"];
var dmaFieldsUnmapped = {
  meta: {
    id: ID14,
    defaultSeverity: "error",
    certainty: "certain",
    description: "sg_dma_address()/sg_dma_len() read before a successful map, after the unmap, or in the failure path of the map",
    catalogue: ["DMA-005"],
    docsUrl: docsUrl(ID14)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      const events = listEvents(ctx, fn);
      if (!events.length)
        continue;
      const reads = fieldReads(fn);
      const reported = /* @__PURE__ */ new Set();
      const push = (r, rep) => {
        if (reported.has(r.e))
          return;
        reported.add(r.e);
        out.push({ line: r.e.line, function: fn, code: r.e.text, references: REFS12, ...rep });
      };
      for (const r of reads) {
        const same = events.filter((ev) => ev.list === r.list);
        if (!same.length)
          continue;
        const unmap = same.find((ev) => ev.kind === "unmap" && straightLine(ev.at, r.at) && !shareLoop(ev.at, r.at) && !same.some((m) => m.kind === "map" && m.call.line > ev.call.line && m.call.line <= r.e.line));
        if (unmap) {
          push(r, {
            certainty: "certain",
            message: `${r.what} of \`${r.list}\` is read after ${unmap.call.callee}() (line ${unmap.call.line}) released the mapping; the DMA fields no longer describe anything.`,
            why: why2(),
            instead: "Read the DMA address and length while the list is mapped (before the unmap), or keep the values you need in your own descriptor.",
            evidence: [{ file: ctx.image.path, line: unmap.call.line, note: `${unmap.call.callee}() unmaps ${r.list}` }, { file: ctx.image.path, line: r.e.line, note: `reads ${r.what}` }]
          });
          continue;
        }
        const map = same.find((ev) => ev.kind === "map" && ev.call.line > r.e.line && straightLine(r.at, ev.at) && !shareLoop(ev.at, r.at));
        if (map && !same.some((ev) => ev.call.line < r.e.line)) {
          push(r, {
            certainty: "certain",
            message: `${r.what} of \`${r.list}\` is read before ${map.call.callee}() (line ${map.call.line}) has mapped the list; the DMA fields are not set yet.`,
            why: why2(),
            instead: "Map the list first and read the DMA fields only after the map succeeded (and only for the mapped count of entries).",
            evidence: [{ file: ctx.image.path, line: r.e.line, note: `reads ${r.what}` }, { file: ctx.image.path, line: map.call.line, note: `${map.call.callee}() maps ${r.list} only here` }]
          });
          continue;
        }
        for (const m of same.filter((ev) => ev.kind === "map" && ev.call.line <= r.e.line)) {
          const failure = failureBranch(ctx, fn, m);
          if (!failure || !failure.branch || branchOf(failure.ifStmt, r.at) !== failure.branch)
            continue;
          push(r, {
            certainty: "certain",
            message: `${r.what} of \`${r.list}\` is read in the branch that handles a failed ${m.call.callee}() (\`${failure.test}\`); nothing was mapped, so the DMA fields are undefined.`,
            why: why2(),
            instead: "On a failed map, report the error without touching sg_dma_address()/sg_dma_len() (the CPU fields sg_page()/->length are still valid for messages).",
            evidence: [
              { file: ctx.image.path, line: m.call.line, note: `${m.call.callee}() may fail` },
              { file: ctx.image.path, line: failure.ifStmt.line, note: `failure tested: ${failure.test}` },
              { file: ctx.image.path, line: r.e.line, note: `reads ${r.what}` }
            ]
          });
          break;
        }
      }
    }
    return out;
  }
};
function listEvents(ctx, fn) {
  const out = [];
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    const style = mapStyle(ctx.model, call.callee);
    const release = releaseStyle(ctx.model, call.callee);
    const kind = style === "sg-count" || style === "sgtable" ? "map" : release === "unmap" ? "unmap" : void 0;
    if (!kind)
      continue;
    const sg = argOfRole(ctx.model, call, "sg")?.expr;
    const sgt = argOfRole(ctx.model, call, "sgt")?.expr;
    const list = sg ? listKey(sg) : sgt ? tableListKey(sgt) : void 0;
    if (!list)
      continue;
    out.push({ kind, call, site, at: { stmt: site.stmt, stmtParents: site.stmtParents }, list, style: style === "address" ? void 0 : style });
  }
  return out;
}
function fieldReads(fn) {
  const out = [];
  const inLoops = /* @__PURE__ */ new Set();
  for (const loop of sgLoops(fn)) {
    const list = loop.kind.startsWith("for_each_sgtable") ? tableListKey(loop.list) : listKey(loop.list);
    for (const b of loop.bodyExprs) {
      const r = isDmaFieldRead(b.e, b.parents);
      if (!r)
        continue;
      const x = stripCasts(r.list);
      if (x.k !== "ident" || x.name !== loop.cursor)
        continue;
      inLoops.add(b.e);
      out.push({ e: b.e, what: r.what, list, at: b.at });
    }
  }
  for (const { expr: e, exprParents: parents, stmt, stmtParents } of exprSitesOfKind(fn, "call", "field")) {
    if (inLoops.has(e) || inCallee(e, parents))
      continue;
    const r = isDmaFieldRead(e, parents);
    if (!r)
      continue;
    out.push({ e, what: r.what, list: listKey(r.list), at: { stmt, stmtParents } });
  }
  return out;
}
function inCallee(e, parents) {
  for (let i = 0; i < parents.length; i++) {
    const p = parents[i];
    if (p.k === "call" && p.calleeExpr && (i + 1 < parents.length ? parents[i + 1] : e) === p.calleeExpr)
      return true;
  }
  return false;
}
function listKey(e) {
  let x = stripCasts(e);
  if (x.k === "addr")
    x = stripCasts(x.arg);
  if (x.k === "index" && x.index.k === "literal" && /^0+$/.test(x.index.text.trim()))
    x = stripCasts(x.base);
  return x.text.replace(/\s+/g, "").replace(/->/g, ".");
}
function tableListKey(e) {
  const x = stripCasts(e);
  const base = x.k === "addr" ? x.arg : x;
  return `${base.text.replace(/\s+/g, "").replace(/->/g, ".")}.sgl`;
}
function failureBranch(ctx, fn, m) {
  const direct = parentOf(m.site);
  if (m.at.stmt.k === "if") {
    const ifStmt = m.at.stmt;
    if (m.style === "sg-count") {
      if (zeroTest(direct, m.call))
        return { ifStmt, branch: "then", test: direct.text };
    } else if (ifStmt.cond === m.call || signTest(direct, m.call)) {
      return { ifStmt, branch: "then", test: (direct ?? m.call).text };
    }
    return void 0;
  }
  const target = resultTarget(m.site);
  if (typeof target !== "object")
    return void 0;
  for (const u of usesAfter(ctx.analysis, fn, target.key, target.line)) {
    if (u.stmt.k !== "if")
      continue;
    const p = parentOf(u);
    const ifStmt = u.stmt;
    if (!dominates(m.at, { stmt: u.stmt, stmtParents: u.stmtParents }))
      continue;
    if (m.style === "sg-count") {
      if (zeroTest(p, u.expr) || p?.k === "binary" && p.op === "<=" && p.left === u.expr)
        return { ifStmt, branch: "then", test: p.text };
      if (ifStmt.cond === u.expr)
        return { ifStmt, branch: "else", test: u.expr.text };
    } else {
      if (ifStmt.cond === u.expr || signTest(p, u.expr)?.includes("<") || p?.k === "binary" && p.op === "!=") {
        return { ifStmt, branch: "then", test: (ifStmt.cond === u.expr ? u.expr : p).text };
      }
    }
    return void 0;
  }
  return void 0;
}
function why2() {
  return "The DMA fields of a scatterlist entry are written by dma_map_sg()/dma_map_sgtable() and are meaningful only while the mapping exists, and only for the mapped entries. Before the map they hold stale values (or, without CONFIG_NEED_SG_DMA_LENGTH, sg_dma_len() silently aliases ->length, which hides the bug on x86 and breaks IOMMU platforms); after the unmap the IOVA may already belong to someone else; after a failed map nothing was set.";
}

// dist/src/rules/support/phys-origins.js
var ADDRESS_ARITHMETIC = /^(PHYS_PFN|PFN_DOWN|PFN_UP|PFN_PHYS|__pfn_to_phys|__phys_to_pfn|phys_to_pfn|pfn_to_phys|ALIGN|ALIGN_DOWN|round_down|round_up)$/;
var BAR_PHYS2 = /^(pci_resource_start|pci_resource_end)$/;
var SG_ACCESSORS = /^(sg_page|sg_virt|sg_phys)$/;
var MAX_DEPTH3 = 6;
function fieldOrigins(analysis, x, fn, file, depth) {
  const container = containerOf(x, fn, analysis.ir);
  const decls = structFieldsNamed(analysis.ir, x.field).filter((f) => !container || f.struct === container);
  if (decls.length && decls.every((d) => d.addressSpace === "iomem")) {
    return [{ kind: "iomem", chain: [{ file, line: decls[0].line, note: `struct field ${x.field} is declared __iomem` }] }];
  }
  const out = [];
  for (const other of analysis.functions) {
    for (const { expr: a } of exprSitesOfKind(other, "assign")) {
      if (a.op !== "=" || a.left.k !== "field" || !sameField(a.left, other, x, fn, analysis.ir))
        continue;
      for (const o of addressOrigins(analysis, a.right, other, file, depth + 1)) {
        out.push({ kind: o.kind, chain: [...o.chain, { file, line: a.line, note: `stored in ${a.left.text}${other === fn ? "" : ` in ${other.name}()`}` }] });
      }
    }
  }
  return out.length ? out : [{ kind: "unknown", chain: [{ file, line: x.line, note: `no visible store to ${x.text}` }] }];
}
function addressOrigins(analysis, e, fn, file, depth = 0) {
  const x = stripCasts(e);
  if (depth > MAX_DEPTH3)
    return [{ kind: "unknown", chain: [] }];
  if (x.k === "binary" && ["+", "-", ">>", "<<", "|", "&"].includes(x.op)) {
    const left = addressOrigins(analysis, x.left, fn, file, depth + 1);
    if (left.some((o) => o.kind !== "unknown" && o.kind !== "integer") || x.op !== "+")
      return left;
    return addressOrigins(analysis, x.right, fn, file, depth + 1);
  }
  if (x.k === "call") {
    if (BAR_PHYS2.test(x.callee)) {
      return [{ kind: "raw-pfn", chain: [{ file, line: x.line, note: `${x.callee}() is the CPU physical address of a PCI BAR (MMIO)` }] }];
    }
    if (ADDRESS_ARITHMETIC.test(x.callee) && x.args[0])
      return addressOrigins(analysis, x.args[0], fn, file, depth + 1);
    if (SG_ACCESSORS.test(x.callee) && x.args[0])
      return analysis.origins(x.args[0], fn);
    const through = analysis.model.passesThrough(x.callee);
    if (through !== void 0 && x.args[through]) {
      return addressOrigins(analysis, x.args[through], fn, file, depth + 1).map((o) => ({
        kind: o.kind,
        chain: [...o.chain, { file, line: x.line, note: `${x.callee}() of it` }]
      }));
    }
  }
  if (x.k === "field" && x.field === "start" && /\bresource\s*\[/.test(x.base.text)) {
    return [{ kind: "raw-pfn", chain: [{ file, line: x.line, note: `${x.text} is the start of a PCI BAR (MMIO)` }] }];
  }
  if (x.k === "field")
    return fieldOrigins(analysis, x, fn, file, depth);
  const direct = analysis.origins(x, fn);
  if (direct.some((o) => o.kind !== "unknown" && o.kind !== "integer"))
    return direct;
  if (x.k === "ident" && localDeclOf(fn, x.name)) {
    const decl = localDeclOf(fn, x.name);
    const rhs = decl.init ? [decl.init] : [];
    const viaAssign = analysis.provenance.scope(fn).assigns.get(x.name) ?? [];
    for (const a of viaAssign)
      if (!rhs.includes(a.rhs))
        rhs.push(a.rhs);
    const out = rhs.flatMap((r) => addressOrigins(analysis, r, fn, file, depth + 1).map((o) => ({
      kind: o.kind,
      chain: [...o.chain, { file, line: r.line, note: `assigned to ${x.name}` }]
    })));
    if (out.some((o) => o.kind !== "unknown" && o.kind !== "integer"))
      return out;
  }
  return direct;
}

// dist/src/rules/dma-mmio-attr-mismatch.js
var ID15 = "dma-mmio-attr-mismatch";
var REFS13 = ["DMA-007", "Documentation/core-api/dma-api.rst (dma_map_resource)", "include/linux/dma-mapping.h (DMA_ATTR_MMIO)", "kernel/dma/direct.h"];
var LEFT_TO_OTHER_RULES2 = /* @__PURE__ */ new Set(["stack", "kernel-image", "vmalloc", "kvmalloc", "dma-coherent", "p2pdma", "user"]);
var dmaMmioAttrMismatch = {
  meta: {
    id: ID15,
    defaultSeverity: "error",
    certainty: "certain",
    description: "dma_map_resource() on RAM; MMIO through dma_map_page/single or dma_map_phys without DMA_ATTR_MMIO; DMA_ATTR_MMIO on RAM",
    catalogue: ["DMA-007"],
    docsUrl: docsUrl(ID15)
  },
  check(ctx) {
    const out = [];
    const isRam = (k) => !LEFT_TO_OTHER_RULES2.has(k) && ram(ctx.model.kind(k));
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const c = ctx.model.contract(call.callee);
        if (!c || c.category !== "dma-map" && c.category !== "dma-iova")
          continue;
        const arg = mappedArg(ctx.model, call);
        if (!arg)
          continue;
        const accepts = c.params?.[arg.index]?.accepts;
        if (!accepts)
          continue;
        const origins = addressOrigins(ctx.analysis, arg.expr, fn, ctx.image.path);
        const attrs = attrsArg(ctx.model, call);
        const mmioAttr = hasAttr(attrs, "DMA_ATTR_MMIO");
        const takesRam = accepts.some((k) => isRam(k));
        const isMmio = (k) => !LEFT_TO_OTHER_RULES2.has(k) && mmio(ctx.model.kind(k), arg.role, k);
        if (!takesRam || mmioAttr) {
          const split = splitOrigins(origins, isRam);
          const certainty = certaintyOf(split);
          if (!certainty || certainty === "likely" && !split.bad.some((o) => withinFunction(o, fn)))
            continue;
          out.push(ramReport(ctx, fn, call, arg.expr, split.bad, certainty, mmioAttr));
        } else {
          const split = splitOrigins(origins, isMmio);
          const certainty = certaintyOf(split);
          if (!certainty || certainty === "likely" && !split.bad.some((o) => withinFunction(o, fn)))
            continue;
          out.push(mmioReport(ctx, fn, call, arg.expr, split.bad, certainty, attrs));
        }
      }
    }
    return out;
  }
};
function withinFunction(o, fn) {
  return o.chain.every((e) => e.line >= fn.line && e.line <= fn.endLine);
}
function ram(info) {
  return !!info && info.hasStructPage === true && info.cpuAccess === "normal";
}
function mmio(info, role, kind) {
  if (!info || info.hasStructPage !== false || info.cpuAccess === "normal")
    return false;
  if (kind === "p2p-provider")
    return false;
  return role === "buffer" || kind !== "iomem";
}
function labels(ctx, bad) {
  return kindsOf(bad).map((k) => ctx.model.kind(k)?.label ?? k).join(" or ");
}
function ramReport(ctx, fn, call, arg, bad, certainty, viaAttr) {
  const maybe = certainty === "likely" ? "may be" : "is";
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty,
    message: viaAttr ? `${call.callee}() is given DMA_ATTR_MMIO for \`${arg.text}\`, which ${maybe} ${labels(ctx, bad)}: RAM mapped as MMIO gets no cache maintenance and no swiotlb bounce.` : `${call.callee}() is given \`${arg.text}\`, which ${maybe} ${labels(ctx, bad)}: it maps MMIO only, and RAM must go through dma_map_page()/dma_map_single()/dma_map_sg().`,
    why: viaAttr ? "DMA_ATTR_MMIO tells the DMA layer the range is device memory: no cache flush/invalidate, no swiotlb, and (dma-direct) the physical address used as is. For RAM that means stale or corrupted data on non-coherent platforms and DMA beyond the device mask (include/linux/dma-mapping.h, kernel/dma/direct.h)." : "dma-api.rst restricts dma_map_resource() to MMIO and forbids RAM: it does no cache maintenance and no bouncing, and with an IOMMU it maps the range as IOMMU_MMIO.",
    instead: "Map RAM with dma_map_page()/dma_map_single() (or dma_map_sg()/dma_map_sgtable() for lists), and keep dma_map_resource()/DMA_ATTR_MMIO for device memory.",
    evidence: [...evidenceOf(bad), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: REFS13
  };
}
function mmioReport(ctx, fn, call, arg, bad, certainty, attrs) {
  const target = targetVersion(ctx.patch, ctx.model);
  const hasPhys = atOrAfter(target.version, ctx.model.apiStatus("dma_map_phys")?.since);
  const maybe = certainty === "likely" ? "may be" : "is";
  const isPhys = call.callee.startsWith("dma_map_phys") || call.callee.startsWith("dma_iova_link");
  return {
    line: call.line,
    function: fn,
    code: call.text,
    certainty,
    message: isPhys ? `${call.callee}() maps \`${arg.text}\`, which ${maybe} ${labels(ctx, bad)}, without DMA_ATTR_MMIO: the range is treated as RAM.` : `${call.callee}() is given \`${arg.text}\`, which ${maybe} ${labels(ctx, bad)}: the page/single mapping API is for RAM and will treat the MMIO range as cacheable memory.`,
    why: "Without DMA_ATTR_MMIO the DMA layer assumes RAM: it may flush or invalidate CPU caches over the range, bounce it through swiotlb (copying device memory with the CPU) and, for page APIs, compute a struct page that does not exist. dma-api.rst reserves dma_map_resource() (and, from \u22486.18, dma_map_phys() with DMA_ATTR_MMIO) for MMIO.",
    instead: hasPhys ? `Use dma_map_phys(dev, phys, size, dir, DMA_ATTR_MMIO) (or dma_map_resource()) for device memory, after a P2P topology check if it is a peer's BAR (checked against ${target.note}).` : `Use dma_map_resource(dev, phys, size, dir, 0) for device memory, after a P2P topology check if it is a peer's BAR (dma_map_phys()/DMA_ATTR_MMIO do not exist in ${target.note}).`,
    evidence: [...evidenceOf(bad), { file: ctx.image.path, line: call.line, note: `passed to ${call.callee}()` }],
    references: REFS13,
    suggestion: isPhys ? attrSuggestion(ctx, attrs) : void 0
  };
}
function attrSuggestion(ctx, attrs) {
  if (!attrs || ctx.side !== "new" || attrs.line !== attrs.endLine)
    return void 0;
  const text = ctx.image.lineText.get(attrs.line);
  if (!text || text.split(attrs.text).length !== 2)
    return void 0;
  const replacement = /^0[uUlL]*$/.test(attrs.text.trim()) ? "DMA_ATTR_MMIO" : `${attrs.text} | DMA_ATTR_MMIO`;
  return { startLine: attrs.line, endLine: attrs.line, replacement: text.replace(attrs.text, replacement), safety: "review" };
}

// dist/src/rules/p2pdma-single-map.js
var ID16 = "p2pdma-single-map";
var REFS14 = ["DMA-008", "kernel/dma/direct.c (dma_direct_map_sg)", "include/linux/pci-p2pdma.h (pci_p2pdma_state)", "block/blk-mq-dma.c"];
var P2P_DECISION = /^(pci_p2pdma_state|pci_p2pdma_map_type|is_pci_p2pdma_page|pci_p2pdma_bus_addr_map)$/;
var P2P_GUP_FLAG = /\b(FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b/;
var p2pdmaSingleMap = {
  meta: {
    id: ID16,
    defaultSeverity: "warning",
    certainty: "likely",
    description: "P2PDMA pages mapped with dma_map_page/dma_map_single/dma_map_phys without a pci_p2pdma_state() switch on the map type",
    catalogue: ["DMA-008"],
    docsUrl: docsUrl(ID16)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      const gupPages = p2pGupPages(ctx, fn);
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const c = ctx.model.contract(call.callee);
        if (c?.category !== "dma-map" || c.returns?.error !== "dma-mapping-error")
          continue;
        const arg = mappedArg(ctx.model, call);
        if (!arg || arg.role === "phys" && call.callee.startsWith("dma_map_resource"))
          continue;
        const p2p = p2pOrigins(ctx, fn, arg.expr, gupPages);
        if (!p2p.length)
          continue;
        if (decidedBefore(ctx, fn, call))
          continue;
        const notes = ctx.model.p2p().map((p) => `${p.platform}: ${p.mapType} \u2192 ${p.outcome}. ${p.explanation}`);
        out.push({
          line: call.line,
          function: fn,
          code: call.text,
          certainty: "likely",
          message: `${call.callee}() maps \`${arg.expr.text}\`, which can be a P2PDMA page, without asking pci_p2pdma_state() how it must be mapped; the page/single APIs do not apply the P2P map type.`,
          why: "A P2PDMA page is peer BAR memory with a struct page. Only the sg/sgtable paths (dma-direct, dma-iommu), blk_rq_dma_map_iter_*() and HMM look at the provider/client pair: for PCI_P2PDMA_MAP_BUS_ADDR the device must get the PCI bus address (physical address + bus offset, no IOMMU), for THRU_HOST_BRIDGE a normal mapping of MMIO (DMA_ATTR_MMIO: no cache maintenance, no swiotlb), and NOT_SUPPORTED must fail. dma_map_page()/dma_map_single() do none of this, so the device may get a CPU physical address or IOVA where a bus address was needed, or the MMIO gets bounced.",
          instead: "Map P2P memory with dma_map_sgtable() (and handle -EREMOTEIO); or call pci_p2pdma_state(&state, dev, page) first and switch: BUS_ADDR \u2192 pci_p2pdma_bus_addr_map(), THRU_HOST_BRIDGE \u2192 dma_map_phys(..., DMA_ATTR_MMIO), NOT_SUPPORTED \u2192 fail.",
          platformNotes: notes,
          evidence: [...evidenceOf(p2p), { file: ctx.image.path, line: call.line, note: `mapped with ${call.callee}()` }],
          references: REFS14
        });
      }
    }
    return out;
  }
};
function p2pOrigins(ctx, fn, e, gupPages, depth = 0) {
  if (depth > 5)
    return [];
  const x = stripCasts(e);
  const direct = addressOrigins(ctx.analysis, x, fn, ctx.image.path).filter((o) => o.kind === "p2pdma");
  if (direct.length)
    return direct;
  if (x.k === "call" && /^(sg_page|sg_virt|sg_phys)$/.test(x.callee) && x.args[0]) {
    const cur = stripCasts(x.args[0]);
    if (cur.k === "ident") {
      const loop = sgLoops(fn).find((l) => l.cursor === cur.name);
      if (loop)
        return p2pOrigins(ctx, fn, loop.list, gupPages, depth + 1);
    }
  }
  if (x.k === "call") {
    const through = ctx.model.passesThrough(x.callee);
    if (through !== void 0 && x.args[through])
      return p2pOrigins(ctx, fn, x.args[through], gupPages, depth + 1);
  }
  const root = arrayRoot(x);
  if (root && gupPages.has(root))
    return [{ kind: "p2pdma", chain: [gupPages.get(root)] }];
  if (x.k === "ident" && localDeclOf(fn, x.name)) {
    const decl = localDeclOf(fn, x.name);
    const rhs = decl.init ? [decl.init] : [];
    for (const a of ctx.analysis.provenance.scope(fn).assigns.get(x.name) ?? [])
      if (!rhs.includes(a.rhs))
        rhs.push(a.rhs);
    return rhs.flatMap((r) => p2pOrigins(ctx, fn, r, gupPages, depth + 1).map((o) => ({
      kind: o.kind,
      chain: [...o.chain, { file: ctx.image.path, line: r.line, note: `assigned to ${x.name}` }]
    })));
  }
  return [];
}
function arrayRoot(e) {
  const x = stripCasts(e);
  if (x.k === "index")
    return stripCasts(x.base).text.replace(/\s+/g, "");
  return void 0;
}
function p2pGupPages(ctx, fn) {
  const out = /* @__PURE__ */ new Map();
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    if (ctx.model.contract(call.callee)?.category !== "gup")
      continue;
    const flags = argOfRole(ctx.model, call, "flags")?.expr;
    const pages = argOfRole(ctx.model, call, "page")?.expr;
    if (!flags || !pages)
      continue;
    const flagEv = p2pFlag(fn, flags);
    if (!flagEv)
      continue;
    const x = stripCasts(pages);
    const key2 = (x.k === "addr" ? x.arg.text : x.text).replace(/\s+/g, "");
    out.set(key2, { file: ctx.image.path, line: call.line, note: `${call.callee}() with ${flagEv} may return P2PDMA pages in ${key2}` });
  }
  return out;
}
function p2pFlag(fn, flags) {
  const direct = P2P_GUP_FLAG.exec(flags.text);
  if (direct)
    return direct[1];
  const x = stripCasts(flags);
  if (x.k !== "ident")
    return void 0;
  const init = localDeclOf(fn, x.name)?.init;
  const fromInit = init && P2P_GUP_FLAG.exec(init.text)?.[1];
  if (fromInit)
    return fromInit;
  for (const { expr: e } of exprSitesOfKind(fn, "assign")) {
    const flag = e.left.k === "ident" && e.left.name === x.name ? P2P_GUP_FLAG.exec(e.right.text)?.[1] : void 0;
    if (flag)
      return flag;
  }
  return void 0;
}
function decidedBefore(ctx, fn, call) {
  return ctx.analysis.calls(fn).some((s) => P2P_DECISION.test(s.call.callee) && s.call.line <= call.line);
}

// dist/src/rules/support/function-name.js
function functionNameAt(ctx, fn, line) {
  if (fn.name)
    return fn.name;
  for (const h of ctx.file.hunks) {
    const start = ctx.side === "new" ? h.newStart : h.oldStart;
    const count = ctx.side === "new" ? h.newLines : h.oldLines;
    if (line < start || line >= start + Math.max(count, 1))
      continue;
    const m = /([A-Za-z_]\w*)\s*\(/.exec(h.section);
    if (m && !/^(if|for|while|switch|return|sizeof)$/.test(m[1]))
      return m[1];
  }
  return "";
}

// dist/src/rules/p2pdma-ops-unchecked.js
var ID17 = "p2pdma-ops-unchecked";
var REFS15 = [
  "DMA-009",
  "kernel/dma/mapping.c (dma_pci_p2pdma_supported)",
  "include/rdma/ib_verbs.h (ib_dma_pci_p2p_dma_supported)",
  "drivers/nvme/host/pci.c (supports_pci_p2pdma)",
  'linux-pci 2019-06 review of the "Removing struct page from P2PDMA" RFC (devices that need struct pages must be refused)',
  '"PCI/P2PDMA: Fix missing check for dma_virt_ops" (2019)'
];
var ADVERTISE = /^(BLK_FEAT_PCI_P2PDMA|QUEUE_FLAG_PCI_P2PDMA|ITER_ALLOW_P2PDMA|FOLL_PCI_P2PDMA)$/;
var CAPABILITY = /\b(dma_pci_p2pdma_supported|ib_dma_pci_p2p_dma_supported|blk_queue_pci_p2pdma)\b/;
var DMA_OPS_CHECK = /\b(dma_ops|dma_virt_ops|get_dma_ops|dma_pci_p2pdma_supported|ib_uses_virt_dma|ib_dma_pci_p2p_dma_supported|dma_map_ops)\b/;
var P2P_DECISION2 = /\b(pci_p2pdma_distance\w*|pci_p2pdma_map_type|pci_p2pdma_state|pci_p2pmem_find\w*)\b/;
var SUPPORTS_OP = /^(supports?_\w*p2p\w*|\w*p2p\w*_supported)$/i;
var PAGE_SETTERS2 = /^(sg_set_page|sg_set_buf|sg_init_one|sg_set_folio|sg_assign_page)$/;
var p2pdmaOpsUnchecked = {
  meta: {
    id: ID17,
    defaultSeverity: "error",
    certainty: "certain",
    description: "P2P support advertised without dma_pci_p2pdma_supported(); P2P setup accepting clients whose DMA ops cannot take P2PDMA pages",
    catalogue: ["DMA-009"],
    docsUrl: docsUrl(ID17)
  },
  check(ctx) {
    const target = targetVersion(ctx.patch, ctx.model);
    const helperSince = ctx.model.apiStatus("dma_pci_p2pdma_supported")?.since;
    const modern = atOrAfter(target.version, helperSince);
    const out = [];
    for (const fn of ctx.analysis.functions) {
      if (modern)
        out.push(...advertised(ctx, fn, target));
      else
        out.push(...clientsWithoutOpsCheck(ctx, fn, target));
      out.push(...pagelessSg(ctx, fn));
    }
    if (modern)
      out.push(...supportOps(ctx, target), ...p2pOpsFlags(ctx, target));
    return out;
  }
};
function advertised(ctx, fn, target) {
  const out = [];
  if (!exprSitesOfKind(fn, "ident").some(({ expr: e }) => ADVERTISE.test(e.name)))
    return out;
  if (CAPABILITY.test(fn.text) || checksThroughHelper(ctx, fn))
    return out;
  for (const { expr: e, exprParents: eps, stmt: s, stmtParents: parents } of exprSitesOfKind(fn, "ident")) {
    if (!ADVERTISE.test(e.name) || !sets(s, e, eps))
      continue;
    if (guarded({ stmt: s, stmtParents: parents }) || eps.some((p) => p.k === "cond" && /p2p/i.test(p.test.text)) || guardedInText(ctx, s.line))
      continue;
    out.push({
      line: e.line,
      function: fn,
      code: `${fn.name}:${e.name}:${s.text.split("\n")[0].trim()}`,
      certainty: "likely",
      message: `${e.name} is set without dma_pci_p2pdma_supported(): upper layers will hand this device P2PDMA pages even when its DMA ops cannot map them.`,
      why: `P2PDMA pages can only be mapped by dma-direct and dma-iommu; a device behind custom dma_map_ops (or virtual DMA) maps them as if they were RAM, so the transfer gets wrong addresses or the CPU touches MMIO. dma_pci_p2pdma_supported(dev) is the check (kernel/dma/mapping.c); judged for ${target.note}.`,
      instead: "Set the flag only when the DMA device can take P2P pages: `if (dma_pci_p2pdma_supported(dma_dev)) lim.features |= BLK_FEAT_PCI_P2PDMA;` (ib_dma_pci_p2p_dma_supported() for an ib_device), as nvme-pci does.",
      evidence: [{ file: ctx.image.path, line: e.line, note: `${e.name} advertised` }],
      references: REFS15
    });
  }
  return out;
}
function sets(s, e, parents) {
  if (s.k === "if" || s.k === "switch" || s.k === "loop" && !!s.cond && contains(s.cond, e))
    return false;
  for (const p of parents) {
    if (p.k === "binary" && ["&", "==", "!=", "&&", "||"].includes(p.op))
      return false;
    if (p.k === "unary" && (p.op === "~" || p.op === "!"))
      return false;
    if (p.k === "call" && /clear|test|WARN|BUG/i.test(p.callee))
      return false;
    if (p.k === "cond" && contains(p.test, e))
      return false;
  }
  return true;
}
function contains(root, target) {
  let hit = false;
  walkExpr(root, (x) => {
    if (x === target)
      hit = true;
  });
  return hit;
}
function guarded(l) {
  return l.stmtParents.some((p) => p.k === "if" && /p2p/i.test(p.cond.text));
}
function guardedInText(ctx, line) {
  const above = [];
  for (let l = line - 1; l >= line - 4; l--) {
    const t = ctx.image.lineText.get(l);
    if (t === void 0 || /[;{}]\s*$/.test(t.replace(/\/\*.*?\*\/|\/\/.*$/g, "").trimEnd()))
      break;
    above.unshift(t);
  }
  return /\bif\s*\([\s\S]*p2p/i.test(above.join("\n"));
}
function checksThroughHelper(ctx, fn) {
  return ctx.analysis.calls(fn).some((s) => {
    const h = ctx.analysis.provenance.functionNamed(s.call.callee);
    return !!h && h !== fn && checksCapability(h);
  });
}
var checksCapability = memoize((fn) => CAPABILITY.test(fn.text));
function supportOps(ctx, target) {
  const out = [];
  const implementations = /* @__PURE__ */ new Set();
  for (const g of ctx.ir.globals)
    for (const d of designators(g))
      if (SUPPORTS_OP.test(d.field) && d.value.k === "ident")
        implementations.add(d.value.name);
  for (const fn of ctx.analysis.functions) {
    for (const { expr: e } of exprSitesOfKind(fn, "assign")) {
      if (e.left.k === "field" && SUPPORTS_OP.test(e.left.field) && e.right.k === "ident")
        implementations.add(e.right.name);
    }
  }
  for (const name of implementations) {
    const impl = ctx.analysis.provenance.functionNamed(name);
    if (!impl || CAPABILITY.test(impl.text) || DMA_OPS_CHECK.test(impl.text) || checksThroughHelper(ctx, impl))
      continue;
    walkStmts(impl.body, (s) => {
      if (s.k !== "return" || !s.value || !/^(true|1)$/.test(stripCasts(s.value).text.trim()))
        return;
      out.push({
        line: s.line,
        function: impl,
        code: `${impl.name}:${s.text}`,
        certainty: "certain",
        message: `${impl.name}() answers "supports P2PDMA" with a constant true: the device is offered P2PDMA pages whatever DMA ops it has.`,
        why: `The op exists so the answer can depend on the device: with custom dma_map_ops (or virtual DMA) P2PDMA pages cannot be mapped. dma_pci_p2pdma_supported() (kernel/dma/mapping.c) gives that answer; judged for ${target.note}.`,
        instead: `Return dma_pci_p2pdma_supported(<the DMA device>) (ib_dma_pci_p2p_dma_supported() for RDMA).`,
        evidence: [{ file: ctx.image.path, line: s.line, note: "unconditional true" }],
        references: REFS15
      });
    });
  }
  return out;
}
function p2pOpsFlags(ctx, target) {
  const out = [];
  for (const g of ctx.ir.globals) {
    const ds = designators(g);
    const flags = ds.find((d) => d.field === "flags" && /P2P/.test(d.value.text));
    if (!flags)
      continue;
    const mapSg = ds.find((d) => d.field === "map_sg");
    if (/\bDMA_F_/.test(flags.value.text)) {
      const impl = mapSg?.value.k === "ident" ? ctx.analysis.provenance.functionNamed(mapSg.value.name) : void 0;
      if (!impl || /p2p/i.test(impl.text))
        continue;
      out.push({
        line: flags.value.line,
        code: `${g.name}:${flags.value.text}`,
        certainty: "likely",
        message: `${g.name} declares P2PDMA support in .flags, but its map_sg (${impl.name}()) never handles P2PDMA pages.`,
        why: `dma_pci_p2pdma_supported() trusts this flag; a map_sg that does not look at the P2P map type maps bus-address pages through the IOMMU or bounces MMIO (judged for ${target.note}).`,
        instead: `Handle P2PDMA pages in ${impl.name}() (pci_p2pdma_state(), bus-address marking) before declaring the flag, or drop it.`,
        evidence: [{ file: ctx.image.path, line: flags.value.line, note: "P2P flag declared" }, { file: ctx.image.path, line: impl.line, note: `${impl.name}() has no P2PDMA handling` }],
        references: REFS15
      });
      continue;
    }
    out.push({
      line: flags.value.line,
      code: `${g.name}:${flags.value.text}`,
      certainty: "likely",
      message: `${g.name} advertises P2PDMA support through a static flag (${flags.value.text.replace(/\s+/g, " ")}), which cannot depend on whether the device's DMA ops can map P2PDMA pages.`,
      why: `Custom dma_map_ops cannot map P2PDMA pages; the answer must come from dma_pci_p2pdma_supported(dev) at run time (kernel/dma/mapping.c; judged for ${target.note}).`,
      instead: "Replace the flag with an op (e.g. supports_pci_p2pdma()) that returns dma_pci_p2pdma_supported(dev), as nvme-pci does.",
      evidence: [{ file: ctx.image.path, line: flags.value.line, note: "static P2P flag" }],
      references: REFS15
    });
  }
  return out;
}
var designators = memoize((g) => Object.freeze(findDesignators(g)));
function findDesignators(g) {
  if (g.init?.k !== "init")
    return [];
  const out = [];
  let from = 0;
  for (const item of g.init.items) {
    const idx = g.text.indexOf(item.text, from);
    if (idx < 0)
      continue;
    const m = /\.(\w+)\s*=\s*$/.exec(g.text.slice(from, idx));
    if (m)
      out.push({ field: m[1], value: item });
    from = idx + item.text.length;
  }
  return out;
}
function clientsWithoutOpsCheck(ctx, fn, target) {
  if (DMA_OPS_CHECK.test(fn.text))
    return [];
  const out = [];
  for (const site of ctx.analysis.calls(fn)) {
    const call = site.call;
    if (!/^(find_parent_pci_dev|to_pci_dev)$/.test(call.callee) || !call.args[0] || !/client/i.test(call.args[0].text))
      continue;
    const name = functionNameAt(ctx, fn, call.line);
    if (!/p2p/i.test(name))
      continue;
    out.push({
      line: call.line,
      function: fn,
      code: call.text,
      certainty: "likely",
      message: `${name}() accepts \`${call.args[0].text}\` for P2PDMA by its PCI topology alone; clients whose DMA goes through dma_virt_ops (software RDMA) or other custom dma_map_ops cannot use P2PDMA pages and are not rejected.`,
      why: `In ${target.note} there is no dma_pci_p2pdma_supported(); the P2PDMA core's client check is the only place such devices are turned away, and without it a software device maps the peer's BAR pages as if they were RAM (it needs CPU access through struct pages).`,
      instead: "Reject the client before looking at its topology: `if (IS_ENABLED(CONFIG_DMA_VIRT_OPS) && client->dma_ops == &dma_virt_ops) return -1;` (newer kernels: check dma_pci_p2pdma_supported() in the P2P consumer).",
      evidence: [{ file: ctx.image.path, line: call.line, note: "client accepted by topology only" }],
      references: REFS15
    });
    break;
  }
  return out;
}
function pagelessSg(ctx, fn) {
  if (fn.isStatic || fn.synthetic)
    return [];
  if (DMA_OPS_CHECK.test(fn.text) || P2P_DECISION2.test(fn.text) || CAPABILITY.test(fn.text))
    return [];
  const out = [];
  const locals = [];
  walkStmts(fn.body, (s) => {
    if (s.k === "decl") {
      for (const v of s.vars)
        if (/\bstruct\s+scatterlist\b/.test(v.type) && !v.pointer)
          locals.push(v);
    }
  });
  for (const v of locals) {
    let dmaWrite;
    let hasPage = false;
    let handed;
    for (const { call: e, exprParents: parents } of callsIn(fn)) {
      const first = e.args[0] ? rootName2(e.args[0]) : void 0;
      if (/^(sg_dma_address|sg_dma_len)$/.test(e.callee) && first === v.name) {
        const p = parents[parents.length - 1];
        if (p?.k === "assign" && p.left === e)
          dmaWrite ??= e;
        continue;
      }
      if (PAGE_SETTERS2.test(e.callee) && first === v.name) {
        hasPage = true;
        continue;
      }
      if (/^(sg_|memset|memcpy)/.test(e.callee))
        continue;
      if (e.args.some((a) => rootName2(a) === v.name))
        handed ??= e;
    }
    if (!dmaWrite || hasPage || !handed)
      continue;
    const w = dmaWrite;
    const h = handed;
    out.push({
      line: w.line,
      function: fn,
      code: `${fn.name}:${v.name}:${w.text}`,
      certainty: "likely",
      message: `\`${v.name}\` is a scatterlist with only a DMA address (no page) that is handed to ${h.callee}() without checking that the device can work from DMA addresses alone; devices that need struct pages (dma_virt_ops / software RDMA such as rxe and siw) must be refused.`,
      why: "Software and virtual-DMA devices do not DMA at all: they copy with the CPU through sg_page()/kmap. A page-less entry crashes them, and P2P bus addresses mean nothing to them. The P2P path must reject such devices (ib_uses_virt_dma() / ib_dma_pci_p2p_dma_supported(), dma_pci_p2pdma_supported()).",
      instead: "Fail early for devices that cannot take P2P DMA addresses (e.g. `if (!ib_dma_pci_p2p_dma_supported(dev)) return -EOPNOTSUPP;`), or keep struct pages in the list and map it with dma_map_sgtable().",
      evidence: [
        { file: ctx.image.path, line: v.line, note: `${v.name} declared here, never given a page` },
        { file: ctx.image.path, line: w.line, note: "only the DMA address is set" },
        { file: ctx.image.path, line: h.line, note: `handed to ${h.callee}()` }
      ],
      references: REFS15
    });
  }
  return out;
}
function rootName2(e) {
  let x = stripCasts(e);
  for (; ; ) {
    if (x.k === "addr" || x.k === "deref")
      x = stripCasts(x.arg);
    else if (x.k === "index")
      x = stripCasts(x.base);
    else if (x.k === "binary" && (x.op === "+" || x.op === "-"))
      x = stripCasts(x.left);
    else
      break;
  }
  return x.k === "ident" ? x.name : void 0;
}

// dist/src/rules/support/code-lines.js
function codeOfLine(t, inComment) {
  let o = "";
  let i = 0;
  const n = t.length;
  let include;
  while (i < n) {
    if (inComment) {
      const close = t.indexOf("*/", i);
      if (close < 0) {
        o += " ".repeat(n - i);
        i = n;
        break;
      }
      o += " ".repeat(close - i + 1);
      i = close + 2;
      inComment = false;
      continue;
    }
    let j = i;
    while (j < n) {
      const c = t.charCodeAt(j);
      if (c === 47 || c === 34)
        break;
      j++;
    }
    if (j > i)
      o += t.slice(i, j);
    i = j;
    if (i >= n)
      break;
    if (t.charCodeAt(i) === 47) {
      const next = t[i + 1];
      if (next === "*") {
        inComment = true;
        o += "  ";
        i += 2;
        continue;
      }
      if (next === "/")
        break;
      o += "/";
      i++;
      continue;
    }
    include ??= /#\s*include/.test(t);
    if (include) {
      o += '"';
      i++;
      continue;
    }
    o += " ";
    for (i++; i < n && t[i] !== '"'; i++) {
      if (t[i] === "\\")
        i++;
      o += " ";
    }
    o += " ";
    i++;
  }
  return { code: o, inComment };
}
function codeLines(lineText) {
  const out = /* @__PURE__ */ new Map();
  let inComment = false;
  let prev = -1;
  for (const line of [...lineText.keys()].sort((a, b) => a - b)) {
    if (line !== prev + 1)
      inComment = false;
    prev = line;
    const r = codeOfLine(lineText.get(line) ?? "", inComment);
    inComment = r.inComment;
    out.set(line, r.code);
  }
  return out;
}

// dist/src/rules/removed-api.js
var ID18 = "removed-api";
var removedApi = {
  meta: {
    id: ID18,
    defaultSeverity: "error",
    certainty: "certain",
    description: "Identifiers removed or renamed for the target kernel version (F.2), used in added code",
    catalogue: ["API-001"],
    docsUrl: docsUrl(ID18)
  },
  check(ctx) {
    const target = targetVersion(ctx.patch, ctx.model);
    if (target.source === "mainline" && ctx.patch.quoted)
      return [];
    const gone = goneFor(ctx.model, eraKey(target));
    if (!gone.list.length)
      return [];
    const out = [];
    const code2 = codeLines(ctx.image.lineText);
    for (const line of [...ctx.image.changed].sort((a, b) => a - b)) {
      const text = code2.get(line);
      if (!text || !NON_BLANK.test(text))
        continue;
      let seen;
      for (const g of candidates(gone, text)) {
        if (!g.pattern.test(text) || seen?.has(g.message))
          continue;
        if (g.token && definesOrDeclares(text, g.name))
          continue;
        (seen ??= /* @__PURE__ */ new Set()).add(g.message);
        out.push(report5(ctx, line, ctx.image.lineText.get(line) ?? text, g, target));
      }
    }
    return out;
  }
};
var goneFor = memoize2((model, era) => {
  const [source, version] = era.split("\0");
  return indexGone(computeGone(model, { source, version }));
});
function eraKey(target) {
  return `${target.source}\0${target.version}`;
}
function indexGone(list) {
  const byWord = /* @__PURE__ */ new Map();
  const always = [];
  list.forEach((g, i) => {
    if (!g.word) {
      always.push(i);
      return;
    }
    const l = byWord.get(g.word);
    if (l)
      l.push(i);
    else
      byWord.set(g.word, [i]);
  });
  const words = [...byWord.keys()].map(escape);
  return {
    list,
    byWord,
    always,
    alwaysGone: Object.freeze(always.map((i) => list[i])),
    anyWord: words.length ? new RegExp(`(?<!\\w)(?:${words.join("|")})(?!\\w)`) : void 0
  };
}
function candidates(gone, text) {
  if (!gone.anyWord?.test(text))
    return gone.alwaysGone;
  let hits;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const l = gone.byWord.get(m[0]);
    if (!l)
      continue;
    hits ??= new Set(gone.always);
    for (const i of l)
      hits.add(i);
  }
  if (!hits)
    return gone.alwaysGone;
  return [...hits].sort((a, b) => a - b).map((i) => gone.list[i]);
}
var WORD = /\w+/g;
var NON_BLANK = /\S/;
function computeGone(model, target) {
  const out = [];
  for (const item of model.removedIdentifiers()) {
    const name = typeof item === "string" ? item : item.name;
    if (!name)
      continue;
    const st = model.apiStatus(name);
    if (!st)
      continue;
    const neverMerged = !st.exists && !st.removedIn;
    const gone = target.source === "config" ? st.exists === false : neverMerged || atOrAfter(target.version, st.removedIn);
    if (!gone)
      continue;
    const m = matcher(name);
    if (!m)
      continue;
    const source = typeof item === "object" && item ? item.source : void 0;
    out.push({ name, source, removedIn: st.removedIn, replacement: st.replacement, neverMerged, message: st.message ?? `${name} does not exist in ${target.version}`, ...m });
  }
  return out;
}
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function matcher(name) {
  if (/\.h$/.test(name)) {
    const base = name.replace(/^linux\//, "");
    return { pattern: new RegExp(`^\\s*#\\s*include\\s*[<"](?:linux/)?${escape(base)}[>"]`), token: false };
  }
  const field = /^(\w+)->(\w+)$/.exec(name);
  if (field) {
    return { pattern: new RegExp(`\\b(?!\\w*folio)\\w*${escape(field[1])}\\w*(\\s*\\[[^\\]]*\\]|\\s*\\([^()]*\\))?\\s*->\\s*${escape(field[2])}\\b`), token: false, word: field[2] };
  }
  if (!/^\w+$/.test(name))
    return void 0;
  return { pattern: new RegExp(`(?<!\\w)${escape(name)}\\b`), token: true, word: name };
}
function definesOrDeclares(text, name) {
  const n = escape(name);
  if (new RegExp(`^\\s*#\\s*(define|undef)\\s+${n}\\b`).test(text))
    return true;
  if (new RegExp(`\\bEXPORT_SYMBOL(_GPL)?\\s*\\(\\s*${n}\\s*\\)`).test(text))
    return true;
  if (new RegExp(`\\b(DEFINE|DECLARE)_\\w*\\s*\\((?:[^()]*,)?\\s*${n}\\s*[,)]`).test(text))
    return true;
  if (new RegExp(`^typedef\\b.*\\b${n}\\s*;`).test(text))
    return true;
  if (new RegExp(`^[A-Za-z_][\\w\\s\\*]*\\b${n}\\s*\\(`).test(text) && !/^\s/.test(text) && !/^(return|if|while|for)\b/.test(text))
    return true;
  return false;
}
function report5(ctx, line, raw, g, target) {
  const fn = functionAt(ctx, line);
  return {
    line,
    function: fn,
    code: `${g.name}: ${raw.trim()}`,
    certainty: "certain",
    message: `${g.message}; it is not available in ${target.version} (${target.note}).`,
    why: g.neverMerged ? `${g.name} was proposed on the lists but never merged: no upstream kernel has it, so the patch does not build against any release.` : `${g.name} is gone${g.removedIn ? ` since ${g.removedIn}` : ""} (model table, kernel-model.md \xA7F.2): the patch will not build on ${target.version}, or brings back semantics that were retired on purpose.`,
    instead: g.replacement ? `Use ${g.replacement}.` : "Use the current API for the target kernel.",
    evidence: [{ file: ctx.image.path, line, note: `uses ${g.name}` }],
    references: ["API-001", "kernel-model.md \xA7F.2 (removed and renamed identifiers)", ...g.source ? [`${g.source} (where it lived)`] : []],
    suggestion: rename(ctx, line, raw, g)
  };
}
function rename(ctx, line, raw, g) {
  if (ctx.side !== "new" || !g.token || !g.replacement)
    return void 0;
  const m = /^([A-Za-z_]\w*)(\(\))?$/.exec(g.replacement.trim());
  if (!m)
    return void 0;
  const re = new RegExp(`\\b${escape(g.name)}\\b`, "g");
  if ((raw.match(re) ?? []).length !== 1)
    return void 0;
  return { startLine: line, endLine: line, replacement: raw.replace(re, m[1]), safety: "review" };
}
function functionAt(ctx, line) {
  return ctx.analysis.functions.find((f) => f.line <= line && f.endLine >= line);
}

// dist/src/rules/groups/dma.js
var DMA_RULES = [
  dmaSgCountConfusion,
  dmaUnmapNents,
  dmaMappingErrorUnchecked,
  dmaFieldsUnmapped,
  dmaMmioAttrMismatch,
  p2pdmaSingleMap,
  p2pdmaOpsUnchecked,
  removedApi
];

// dist/src/rules/support/call-graph.js
function callersOf2(analysis, name) {
  return analysis.callsTo([name]).filter(({ fn }) => fn.name !== name);
}
function callerChainSatisfies(analysis, fn, pred, opts = {}) {
  const seen = /* @__PURE__ */ new Set();
  const visit = (f, via, depth) => {
    if (pred(f, via))
      return true;
    if (depth <= 0 || !f.name || seen.has(f.name))
      return false;
    seen.add(f.name);
    const callers = callersOf2(analysis, f.name);
    if (callers.length === 0)
      return false;
    const results = callers.map((c) => visit(c.fn, c.site, depth - 1));
    return opts.all ? results.every(Boolean) : results.some(Boolean);
  };
  return visit(fn, void 0, opts.depth ?? 4);
}
function reachableHelpers(analysis, fn, depth = 4) {
  const out = [fn];
  const seen = /* @__PURE__ */ new Set([fn]);
  let frontier = [fn];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next = [];
    for (const f of frontier) {
      for (const site of analysis.calls(f)) {
        for (const g of analysis.functionsNamed(site.call.callee)) {
          if (seen.has(g))
            continue;
          seen.add(g);
          out.push(g);
          next.push(g);
        }
      }
    }
    frontier = next;
  }
  return out;
}

// dist/src/rules/support/p2p-branches.js
var MAP_TYPE_RE = /\bPCI_P2PDMA_MAP_(BUS_ADDR|THRU_HOST_BRIDGE|NONE|NOT_SUPPORTED|UNKNOWN)\b/g;
function mapTypesIn(e) {
  if (!e)
    return [];
  return [...e.text.matchAll(MAP_TYPE_RE)].map((m) => m[1]);
}
function isTerminator(s) {
  return !!s && (s.k === "break" || s.k === "continue" || s.k === "return" || s.k === "goto");
}
function isFallthrough(s) {
  return !!s && s.k === "expr" && s.expr.k === "ident" && s.expr.name === "fallthrough";
}
function caseContainer(s) {
  if (s.k === "switch")
    return s.body.k === "block" ? s.body.body : [s.body];
  if (s.k === "block" && s.body.some((x) => x.k === "case"))
    return s.body;
  return void 0;
}
function switchCases(sw) {
  const labels2 = [];
  for (const s of caseContainer(sw) ?? [])
    if (s.k === "case")
      labels2.push(s);
  return labels2.map((label, i) => {
    const run = [];
    let end;
    let fallsThrough = false;
    for (let j = i; j < labels2.length; j++) {
      const body = labels2[j].body;
      run.push(...body);
      const last = lastReal(body);
      if (isTerminator(last)) {
        end = last;
        break;
      }
      if (j === labels2.length - 1)
        break;
      if (j === i)
        fallsThrough = true;
    }
    return {
      label,
      mapTypes: mapTypesIn(label.value),
      isDefault: !label.value,
      own: label.body,
      run,
      end,
      fallsThrough: fallsThrough || isFallthrough(lastReal(label.body))
    };
  });
}
function lastReal(body) {
  for (let i = body.length - 1; i >= 0; i--) {
    const s = body[i];
    if (s.k === "block" && s.body.length === 0)
      continue;
    return s.k === "block" ? lastReal(s.body) ?? s : s;
  }
  return void 0;
}
var mapTypeSwitches = memoize((fn) => Object.freeze(findMapTypeSwitches(fn)));
function findMapTypeSwitches(fn) {
  const out = [];
  walkStmts(fn.body, (s, parents) => {
    if (s.k === "block" && parents[parents.length - 1]?.k === "switch")
      return;
    if (caseContainer(s) && switchCases(s).some((c) => c.mapTypes.length > 0))
      out.push(s);
  });
  return out;
}
function guardingMapTypes(stmt, stmtParents) {
  const out = /* @__PURE__ */ new Set();
  const chain = [...stmtParents, stmt];
  for (let i = 0; i < chain.length - 1; i++) {
    const p = chain[i];
    const child = chain[i + 1];
    if (p.k === "switch" || p.k === "block" && caseContainer(p) && chain[i - 1]?.k !== "switch") {
      for (const c of switchCases(p)) {
        if (c.run.some((s) => contains2(s, stmt)))
          for (const t of c.mapTypes)
            out.add(t);
      }
    } else if (p.k === "case") {
      for (const t of mapTypesIn(p.value))
        out.add(t);
    } else if (p.k === "if") {
      const inThen = p.then === child;
      const inElse = p.else === child;
      if (!inThen && !inElse)
        continue;
      for (const t of equalityTests(p.cond, inThen ? "==" : "!="))
        out.add(t);
    }
  }
  return out;
}
function equalityTests(cond, op) {
  const out = [];
  walkExpr(cond, (e) => {
    if (e.k === "binary" && e.op === op)
      out.push(...mapTypesIn(e.left), ...mapTypesIn(e.right));
  });
  return out;
}
function contains2(outer, inner) {
  if (outer === inner)
    return true;
  if (inner.line < outer.line || inner.endLine > outer.endLine)
    return false;
  return stmtChildren(outer).some((c) => contains2(c, inner));
}
function flatten(stmts) {
  const out = [];
  for (const s of stmts)
    walkStmts(s, (x) => {
      out.push(x);
    });
  return out;
}
function exprsOf(stmts) {
  const out = [];
  for (const s of flatten(stmts)) {
    for (const root of ownExprs(s))
      walkExpr(root, (e) => {
        out.push(e);
      });
  }
  return out;
}
function decidesMapTypeBefore(fn, type, line) {
  const first = firstMentions(fn).get(type);
  return first !== void 0 && first <= line;
}
var firstMentions = memoize((fn) => {
  const out = /* @__PURE__ */ new Map();
  const note = (t, l) => {
    const cur = out.get(t);
    if (cur === void 0 || l < cur)
      out.set(t, l);
  };
  walkStmts(fn.body, (s) => {
    for (const root of ownExprs(s))
      for (const t of mapTypesIn(root))
        note(t, s.line);
    if (s.k === "case")
      for (const t of mapTypesIn(s.value))
        note(t, s.line);
  });
  return out;
});

// dist/src/rules/support/p2p-platforms.js
function platformVerdict(model, wrongFor) {
  let all = [];
  try {
    all = model.p2p();
  } catch {
    all = [];
  }
  const broken = all.filter((p) => wrongFor(normalise(p.mapType)));
  const fine = all.filter((p) => !wrongFor(normalise(p.mapType)));
  const notes = all.map((p) => {
    const tag = wrongFor(normalise(p.mapType)) ? "[breaks]" : "[ok]";
    const text = p.explanation.includes(p.platform) ? p.explanation : `${p.platform}: ${normalise(p.mapType)}. ${p.explanation}`;
    return `${tag} ${text}`.trim();
  });
  return { notes, broken, fine };
}
function brokenSentence(v, what) {
  if (v.broken.length === 0 && v.fine.length === 0)
    return "";
  if (v.broken.length === 0)
    return ` On the configured platforms (${v.fine.map((p) => p.platform).join(", ")}) the model finds no map type where ${what}, but other topologies do.`;
  const names = v.broken.map((p) => `${p.platform} (${normalise(p.mapType)})`).join(", ");
  return ` On the configured platforms this breaks on ${names}.`;
}
function normalise(mapType) {
  return mapType.replace(/^PCI_P2PDMA_MAP_/, "");
}

// dist/src/rules/support/patch-text.js
var cache = /* @__PURE__ */ new WeakMap();
function reviewText(ctx) {
  const key2 = ctx.image;
  const hit = cache.get(key2);
  if (hit !== void 0)
    return hit;
  const drop = ctx.side === "new" ? "del" : "add";
  const parts = [];
  for (const f of ctx.patch.files)
    for (const h of f.hunks)
      for (const l of h.lines)
        if (l.kind !== drop)
          parts.push(l.text);
  parts.push(...ctx.image.lineText.values());
  const text = parts.map(codeOnly).join("\n");
  cache.set(key2, text);
  return text;
}
var CONTINUATION = /^\s*\*(\s|$)/;
function codeOnly(line) {
  if (!line.includes("/"))
    return line.includes("*") && CONTINUATION.test(line) ? "" : line;
  const rest = line.replace(/\/\*.*?\*\//g, "").replace(/\/\/.*$/, "");
  return /^\s*(\/\*|\*\/|\*(\s|$))/.test(rest) ? "" : rest;
}

// dist/src/rules/bar-addr-as-dma-addr.js
var ID19 = "bar-addr-as-dma-addr";
var ADDRESS_APIS = {
  pci_bus_address: "bus",
  pci_p2pmem_virt_to_bus: "bus",
  virt_to_bus: "bus",
  pci_p2pdma_bus_addr_map: "bus",
  pci_resource_start: "cpu-phys",
  pci_resource_end: "cpu-phys"
};
var PHYS_OF2 = /* @__PURE__ */ new Set(["virt_to_phys", "__pa", "page_to_phys"]);
var MAP_TYPE_DECIDERS = /* @__PURE__ */ new Set(["pci_p2pdma_map_type", "pci_p2pdma_state", "pci_p2pdma_map_segment"]);
var DISTANCE_APIS = /* @__PURE__ */ new Set(["pci_p2pdma_distance", "pci_p2pdma_distance_many"]);
var PEER_LOOKUPS = /^(pci_p2pmem_find|pci_p2pmem_find_many|pci_get_device|pci_get_slot|pci_get_domain_bus_and_slot|pci_dev_get)$/;
var IOMMU_AWARE = /\b(iommu_present|device_iommu_mapped|iommu_get_domain_for_dev|iommu_get_dma_domain|dev_iommu_fwspec_get|get_dma_ops|dma_pci_p2pdma_supported|use_dma_iommu)\b/;
var HOST_BRIDGE_LOOKUPS = /* @__PURE__ */ new Set(["pci_find_host_bridge", "pci_get_slot"]);
var REFS16 = ["P2P-001", "P2P-014", "include/linux/pci-p2pdma.h (pci_p2pdma_map_type, pci_p2pdma_bus_addr_map)", "drivers/pci/p2pdma.c (calc_map_type_and_dist)", 'LKML 2019-06 "[RFC PATCH 22/28] nvmet: ... dma addresses" (Christoph Hellwig)'];
var barAddrAsDmaAddr = {
  meta: {
    id: ID19,
    defaultSeverity: "error",
    certainty: "certain",
    description: "PCI bus/BAR/physical address of peer memory used as a dma_addr_t without a P2PDMA map-type decision",
    catalogue: ["P2P-001", "P2P-014"],
    docsUrl: docsUrl(ID19)
  },
  check(ctx) {
    const out = [];
    const undecided = [];
    for (const fn of ctx.analysis.functions) {
      for (const sink of dmaAddrSinks(ctx, fn)) {
        const sources = derivedSources(ctx.analysis, sink.value, fn, (x, f) => recogniseAddress(ctx, x, f)).filter((s) => !s.helpers.some((h) => returnsDmaAddr(h)));
        if (sources.length === 0)
          continue;
        if (decided(ctx.analysis, fn, sink.stmt, sink.stmtParents, sink.line))
          continue;
        const report9 = reportFor(ctx, fn, sink, sources);
        if (report9) {
          out.push(report9);
          undecided.push(report9);
        }
      }
      out.push(...distanceAsBusAddr(ctx, fn));
    }
    out.push(...allowListIgnoringIommu(ctx, undecided.length > 0));
    return out;
  }
};
var DMA_ADDR_TYPE = /\bdma_addr_t\b/;
function returnsDmaAddr(fn) {
  return DMA_ADDR_TYPE.test(fn.returnType) && !/\*/.test(fn.returnType);
}
function dmaAddrSinks(ctx, fn) {
  const out = [];
  const scope = ctx.analysis.provenance.scope(fn);
  const isDmaAddrLvalue = (e) => {
    if (e.k === "call" && e.callee === "sg_dma_address")
      return true;
    if (e.k === "field") {
      if (e.field === "dma_address")
        return true;
      const decls = structFieldsNamed(ctx.ir, e.field);
      return decls.length > 0 && decls.every((d) => DMA_ADDR_TYPE.test(d.type));
    }
    if (e.k === "ident") {
      const d = scope.locals.get(e.name) ?? scope.params.get(e.name) ?? globalNamed(ctx.ir, e.name);
      return !!d && DMA_ADDR_TYPE.test(d.type) && !d.pointer;
    }
    return false;
  };
  walkFunction(fn, (stmt, stmtParents) => {
    if (stmt.k === "decl") {
      for (const v of stmt.vars) {
        if (v.init && DMA_ADDR_TYPE.test(v.type) && !v.pointer)
          out.push({ value: v.init, target: `dma_addr_t ${v.name}`, line: v.line, stmt, stmtParents });
      }
    }
    if (stmt.k === "return" && stmt.value && returnsDmaAddr(fn)) {
      out.push({ value: stmt.value, target: `the dma_addr_t returned by ${fn.name}()`, line: stmt.line, stmt, stmtParents });
    }
  }, (e, _ep, stmt, stmtParents) => {
    if (e.k === "assign" && e.op === "=" && isDmaAddrLvalue(e.left)) {
      out.push({ value: e.right, target: e.left.text.replace(/\s+/g, ""), line: e.line, stmt, stmtParents });
    } else if (e.k === "call") {
      const params = ctx.model.contract(e.callee)?.params;
      if (!params)
        return;
      e.args.forEach((a, i) => {
        if (params[i]?.role === "dma-addr")
          out.push({ value: a, target: `the dma_addr_t argument of ${e.callee}()`, line: a.line, stmt, stmtParents });
      });
    }
  }, ["assign", "call"]);
  return out;
}
function recogniseAddress(ctx, x, fn) {
  if (x.k === "call") {
    const api = ADDRESS_APIS[x.callee];
    if (api)
      return { kind: api, api: `${x.callee}()`, owner: x.callee === "pci_p2pdma_bus_addr_map" ? void 0 : x.args[0] };
    const value = ctx.model.contract(x.callee)?.returns?.value;
    if (value === "bus-addr")
      return { kind: "bus", api: `${x.callee}()`, owner: x.args[0] };
    if (PHYS_OF2.has(x.callee) && x.args[0] && ctx.analysis.kinds(x.args[0], fn).has("p2pdma")) {
      return { kind: "cpu-phys", api: `${x.callee}() of P2PDMA memory` };
    }
    return void 0;
  }
  if (x.k === "field") {
    if (/^bus_off(set)?$/.test(x.field))
      return { kind: "bus", api: `the provider's bus offset (${x.text.replace(/\s+/g, "")})` };
    if (x.field === "start" && x.base.k === "field" && x.base.field === "range")
      return { kind: "cpu-phys", api: `the pgmap range start (${x.text.replace(/\s+/g, "")})` };
    if (x.field === "start" && x.base.k === "index" && x.base.base.k === "field" && x.base.base.field === "resource") {
      return { kind: "cpu-phys", api: `the BAR resource start (${x.text.replace(/\s+/g, "")})`, owner: x.base.base.base };
    }
  }
  return void 0;
}
function decided(analysis, fn, stmt, parents, line) {
  if (guardingMapTypes(stmt, parents).has("BUS_ADDR"))
    return true;
  if (decidesBefore(analysis, fn, line))
    return true;
  if (analysis.calls(fn).some((s) => s.call.callee === "sg_dma_mark_bus_address"))
    return true;
  return callerChainSatisfies(analysis, fn, (f, via) => !!via && (guardingMapTypes(via.stmt, via.stmtParents).has("BUS_ADDR") || decidesBefore(analysis, f, via.call.line)), { all: true });
}
function decidesBefore(analysis, fn, line) {
  if (decidesMapTypeBefore(fn, "BUS_ADDR", line) || decidesMapTypeBefore(fn, "THRU_HOST_BRIDGE", line))
    return true;
  return analysis.calls(fn).some((s) => MAP_TYPE_DECIDERS.has(s.call.callee) && s.call.line <= line);
}
function ownerRelation(ctx, fn, owner) {
  if (!owner)
    return "unknown";
  if (/p2p|peer|provider/i.test(owner.text))
    return "peer";
  const looked = derivedSources(ctx.analysis, owner, fn, (x) => x.k === "call" && (PEER_LOOKUPS.test(x.callee) || x.callee === "to_pci_dev") ? x.callee : void 0);
  if (looked.some((s) => s.info !== "to_pci_dev"))
    return "peer";
  if (looked.some((s) => s.info === "to_pci_dev"))
    return "mine";
  return "unknown";
}
function reportFor(ctx, fn, sink, sources) {
  const relations = sources.map((s) => ownerRelation(ctx, s.fn, s.info.owner));
  if (relations.every((r) => r === "mine"))
    return void 0;
  const src = sources[relations.findIndex((r) => r !== "mine")] ?? sources[0];
  const visiblyPeer = relations.includes("peer") || src.info.owner === void 0;
  const certainty = visiblyPeer && !src.viaField && !src.mixed ? "certain" : "likely";
  const bus = src.info.kind === "bus";
  const distance = ctx.analysis.calls(fn).find((s) => DISTANCE_APIS.has(s.call.callee) && s.call.line <= sink.line);
  const verdict = platformVerdict(ctx.model, (t) => bus ? t !== "BUS_ADDR" : true);
  const what = bus ? "a PCI bus address" : "a CPU physical address of PCI BAR memory";
  const evidence = [...src.chain, { file: ctx.image.path, line: sink.line, note: `used as ${sink.target}` }];
  if (distance)
    evidence.unshift({ file: ctx.image.path, line: distance.call.line, note: `${distance.call.callee}() is the only topology check` });
  return {
    line: sink.line,
    function: fn,
    code: `${sink.target} = ${src.expr.text}`,
    certainty,
    message: `${sink.target} is set from ${src.info.api}, ${what}, with no P2PDMA map-type decision${distance ? ` (only ${distance.call.callee}(), whose non-negative result also covers host-bridge paths)` : ""}: ${bus ? "the bus address is only valid for PCI_P2PDMA_MAP_BUS_ADDR transfers" : "a CPU physical address is never a device address for a peer"}.`,
    why: `${bus ? "A PCI bus address reaches the provider only when both devices sit below a common switch with no ACS redirect (PCI_P2PDMA_MAP_BUS_ADDR): the TLPs then never reach the root complex or the IOMMU. Through the host bridge (PCI_P2PDMA_MAP_THRU_HOST_BRIDGE) the client needs a real DMA mapping: the CPU physical address with dma-direct, an IOVA behind an IOMMU, which rejects or misroutes an untranslated bus address." : "pci_resource_start() and pgmap ranges are CPU physical addresses: a BUS_ADDR transfer needs phys + bus_offset, and a host-bridge transfer needs a DMA mapping (phys_to_dma() or an IOVA)."}${distance ? " pci_p2pdma_distance*() returns a non-negative distance for host-bridge paths too, so it cannot tell the two cases apart (P2P-014)." : ""}` + brokenSentence(verdict, "this address is right"),
    instead: "Let the DMA API decide: put the memory in a scatterlist and use dma_map_sgtable() (handling -EREMOTEIO), or query pci_p2pdma_map_type()/pci_p2pdma_state() and use pci_p2pdma_bus_addr_map() only for PCI_P2PDMA_MAP_BUS_ADDR, mapping the CPU physical address with dma_map_resource()/dma_map_phys(..., DMA_ATTR_MMIO) for PCI_P2PDMA_MAP_THRU_HOST_BRIDGE and failing for NOT_SUPPORTED.",
    evidence,
    platformNotes: verdict.notes,
    references: REFS16
  };
}
function distanceAsBusAddr(ctx, fn) {
  const out = [];
  walkStmts(fn.body, (stmt, parents) => {
    if (stmt.k !== "expr" || stmt.expr.k !== "assign" || stmt.expr.op !== "=")
      return;
    const { left, right } = stmt.expr;
    if (!/bus/i.test(left.text) || !/^(true|1)$/.test(right.text.trim()))
      return;
    const gate = [...parents].reverse().find((p) => p.k === "if" && /pci_p2pdma_distance/.test(p.cond.text));
    if (!gate || mapTypesIn(gate.cond).length || decidesBefore(ctx.analysis, fn, stmt.line))
      return;
    const verdict = platformVerdict(ctx.model, (t) => t !== "BUS_ADDR");
    out.push({
      line: stmt.line,
      function: fn,
      code: stmt.text,
      message: `\`${stmt.text.trim()}\` is decided by pci_p2pdma_distance*(): a non-negative distance only says the devices can do P2P, not that bus addresses work.`,
      why: "pci_p2pdma_distance() and pci_p2pdma_distance_many() return a distance for PCI_P2PDMA_MAP_THRU_HOST_BRIDGE paths as well as for PCI_P2PDMA_MAP_BUS_ADDR ones (drivers/pci/p2pdma.c); host-bridge traffic must be DMA-mapped (CPU physical address or IOVA), never sent to the bus address." + brokenSentence(verdict, "a bus address works"),
      instead: "Ask pci_p2pdma_map_type() for the client (or let dma_map_sgtable() decide) and use bus addresses only for PCI_P2PDMA_MAP_BUS_ADDR.",
      evidence: [{ file: ctx.image.path, line: gate.line, note: `distance test \`${gate.cond.text.replace(/\s+/g, " ")}\`` }, { file: ctx.image.path, line: stmt.line, note: "bus addresses chosen" }],
      platformNotes: verdict.notes,
      references: REFS16
    });
  });
  return out;
}
function allowListIgnoringIommu(ctx, imageHandsOutBusAddrs) {
  const deciders = ctx.analysis.functions.flatMap((fn) => {
    if (!/\bbool\b|map_type/.test(fn.returnType))
      return [];
    const lookup = ctx.analysis.calls(fn).find((s) => HOST_BRIDGE_LOOKUPS.has(s.call.callee));
    return lookup ? [{ fn, lookup }] : [];
  });
  if (!deciders.length)
    return [];
  if (/\bPCI_P2PDMA_MAP_THRU_HOST_BRIDGE\b/.test(reviewText(ctx)))
    return [];
  const since = ctx.model.apiStatus("PCI_P2PDMA_MAP_THRU_HOST_BRIDGE")?.since;
  const era = targetVersion(ctx.patch, ctx.model);
  const predatesMapping = !!since && !atOrAfter(era.version, since);
  if (!predatesMapping && !imageHandsOutBusAddrs)
    return [];
  const out = [];
  for (const { fn, lookup } of deciders) {
    const aware = (f) => IOMMU_AWARE.test(f.text);
    if (callerChainSatisfies(ctx.analysis, fn, aware))
      continue;
    out.push({
      line: lookup.call.line,
      function: fn,
      code: `${fn.name}: ${lookup.call.text}`,
      certainty: "likely",
      message: `${fn.name}() allows P2P through the host bridge without considering the IOMMU, while ${predatesMapping ? "the P2PDMA code of this era hands out" : "this code hands out"} PCI bus addresses for P2P transfers: behind an IOMMU they are never translated.`,
      why: "An allow-listed root complex can route peer TLPs, but with an IOMMU enabled every TLP that reaches the root complex is translated: an untranslated bus address is rejected or hits the wrong page. Until host-bridge transfers are DMA-mapped (PCI_P2PDMA_MAP_THRU_HOST_BRIDGE handled by dma_map_sg), the allow-list must not apply when an IOMMU translates the client." + (predatesMapping ? ` Judged against ${era.note}, which predates host-bridge DMA mapping (${since}).` : " This image hands out bus addresses without any host-bridge map type."),
      instead: "Refuse the host-bridge path when the client is behind an IOMMU (iommu_present()/device_iommu_mapped()), or map host-bridge transfers through the DMA API instead of using bus addresses.",
      evidence: [{ file: ctx.image.path, line: lookup.call.line, note: `${lookup.call.callee}(): host-bridge allow-list decision` }],
      platformNotes: platformVerdict(ctx.model, (t) => t !== "BUS_ADDR").notes,
      references: [...REFS16, 'LKML 2019-07 "PCI/P2PDMA: Root complex whitelist should not apply when an IOMMU is present"']
    });
  }
  return out;
}

// dist/src/rules/gup-p2pdma-flags.js
var ID20 = "gup-p2pdma-flags";
var P2P_FLAGS = /\b(FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b/;
var GATES = /\b(blk_queue_pci_p2pdma|dma_pci_p2pdma_supported|ib_dma_pci_p2p_dma_supported|BLK_FEAT_PCI_P2PDMA|supports_pci_p2pdma|pci_p2pdma_distance\w*|FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b|p2p/i;
var GRABS = /* @__PURE__ */ new Set([
  "try_grab_folio",
  "try_grab_folio_fast",
  "try_grab_compound_head",
  "try_grab_page",
  "try_get_page",
  "try_get_folio",
  "folio_try_get",
  "folio_try_get_rcu",
  "get_page_unless_zero",
  "page_cache_get_speculative",
  "folio_ref_try_add_rcu"
]);
var PAGE_TESTS = /* @__PURE__ */ new Set([
  "is_pci_p2pdma_page",
  "is_zone_device_page",
  "is_device_private_page",
  "is_device_coherent_page",
  "is_fsdax_page",
  "page_pgmap",
  "folio_is_zone_device",
  "folio_is_pci_p2pdma",
  "is_pci_p2pdma_folio"
]);
var REFS17 = ["P2P-009", "P2P-010", "mm/gup.c (is_valid_gup_args, check_vma_flags, try_grab_folio)", "Documentation/driver-api/pci/p2pdma.rst", "block/bio.c, block/blk-map.c (FOLL_PCI_P2PDMA only if blk_queue_pci_p2pdma())"];
var gupP2pdmaFlags = {
  meta: {
    id: ID20,
    defaultSeverity: "error",
    certainty: "certain",
    description: "FOLL_LONGTERM with FOLL_PCI_P2PDMA; P2P GUP flags without a queue/device check; P2PDMA page tests before a GUP reference is held",
    catalogue: ["P2P-009", "P2P-010"],
    docsUrl: docsUrl(ID20)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      const sets2 = flagSets(fn);
      out.push(...longtermWithP2p(ctx, fn, sets2));
      out.push(...ungatedP2pFlags(ctx, fn, sets2));
      out.push(...pageTestBeforeGrab(ctx, fn));
    }
    return out;
  }
};
var FLAG_NAME = /^(FOLL_\w+|ITER_ALLOW_P2PDMA)$/;
function setFlags(e) {
  switch (e.k) {
    case "ident":
      return FLAG_NAME.test(e.name) ? [e.name] : [];
    case "binary":
      return e.op === "|" ? [...setFlags(e.left), ...setFlags(e.right)] : [];
    case "cast":
      return setFlags(e.arg);
    case "cond":
      return [...setFlags(e.then), ...setFlags(e.else)];
    default:
      return [];
  }
}
function flagSets(fn) {
  const out = [];
  if (!exprSitesOfKind(fn, "ident").some(({ expr: e }) => FLAG_NAME.test(e.name)))
    return out;
  walkFunction(fn, (stmt, parents) => {
    if (stmt.k === "return" && stmt.value) {
      const flags = setFlags(stmt.value);
      if (flags.length)
        out.push({ target: `the value returned by ${fn.name || "this function"}()`, flags, expr: stmt.value, stmt, parents });
    }
    if (stmt.k === "decl") {
      for (const v of stmt.vars) {
        const flags = v.init ? setFlags(v.init) : [];
        if (flags.length)
          out.push({ target: v.name, flags, expr: v.init, stmt, parents });
      }
    }
  }, (e, exprParents, stmt, parents) => {
    if (e.k === "assign" && (e.op === "|=" || e.op === "=")) {
      const flags = setFlags(e.right);
      if (flags.length)
        out.push({ target: e.left.text.replace(/\s+/g, ""), flags, expr: e, stmt, parents });
    } else if (e.k === "call") {
      for (const a of e.args) {
        const flags = setFlags(a);
        if (flags.length && !exprParents.some((p) => p.k === "binary" && p.op === "&"))
          out.push({ target: `${e.callee}()`, flags, expr: a, stmt, parents });
      }
    }
  }, ["assign", "call"]);
  return out;
}
function longtermWithP2p(ctx, fn, sets2) {
  const out = [];
  const byTarget = /* @__PURE__ */ new Map();
  for (const s of sets2)
    byTarget.set(s.target, [...byTarget.get(s.target) ?? [], s]);
  for (const [target, list] of byTarget) {
    const p2p = list.find((s) => s.flags.includes("FOLL_PCI_P2PDMA"));
    const lt = list.find((s) => s.flags.includes("FOLL_LONGTERM"));
    if (!p2p || !lt)
      continue;
    const same = p2p === lt;
    out.push({
      line: p2p.expr.line,
      function: fn,
      code: `${target}: ${p2p.expr.text}`,
      certainty: same ? "certain" : "likely",
      message: `${target} ${same ? "gets" : "can get"} both FOLL_LONGTERM and FOLL_PCI_P2PDMA: long-term pins of P2PDMA pages are refused by GUP.`,
      why: `mm/gup.c rejects the combination (a WARN in is_valid_gup_args(), -EOPNOTSUPP from check_vma_flags()) "to allow the pgmap to be hot-unplugged at all times": a long-term pin would keep the provider's BAR pages alive across device removal. Documentation/driver-api/pci/p2pdma.rst: "The use of FOLL_LONGTERM is prevented."`,
      instead: "Use short-term pins (no FOLL_LONGTERM) for P2PDMA buffers, or import peer memory through DMABUF, whose move_notify/revoke handles removal.",
      evidence: [
        { file: ctx.image.path, line: lt.expr.line, note: `FOLL_LONGTERM set: \`${lt.expr.text.replace(/\s+/g, " ")}\`` },
        ...same ? [] : [{ file: ctx.image.path, line: p2p.expr.line, note: `FOLL_PCI_P2PDMA set: \`${p2p.expr.text.replace(/\s+/g, " ")}\`` }]
      ],
      references: REFS17
    });
  }
  return out;
}
function ungatedP2pFlags(ctx, fn, sets2) {
  const out = [];
  for (const s of sets2) {
    const flag = s.flags.find((f) => P2P_FLAGS.test(f));
    if (!flag)
      continue;
    if (gated(fn, s) || gatedByPreviousLine(ctx, s.expr.line))
      continue;
    if (s.stmt.k === "return" && callerChainSatisfies(ctx.analysis, fn, (f, via) => !!via && gatedSite(f, via.stmt, via.stmtParents), { all: true }))
      continue;
    out.push({
      line: s.expr.line,
      function: fn,
      code: `${s.target}: ${s.expr.text}`,
      certainty: "likely",
      message: `${flag} is set for ${s.target} without checking that the device can DMA-map P2PDMA pages (blk_queue_pci_p2pdma() / dma_pci_p2pdma_supported()).`,
      why: `With ${flag} GUP hands out P2PDMA pages (BAR memory behind an uncached MMIO alias); without it, it refuses them with -EREMOTEIO. Every consumer of the pages must then be P2P-safe: no CPU copies, and a DMA path that applies the P2P map type. Devices with custom dma_map_ops (dma_pci_p2pdma_supported() is false) and queues without BLK_FEAT_PCI_P2PDMA cannot map them.`,
      instead: `Set ${flag} only when the target can take P2P pages, as the block layer does: \`if (blk_queue_pci_p2pdma(q)) flags |= ${flag};\` (or gate on dma_pci_p2pdma_supported(dma_dev)).`,
      evidence: [{ file: ctx.image.path, line: s.expr.line, note: `\`${s.expr.text.replace(/\s+/g, " ")}\` with no P2P capability check on the path` }],
      references: REFS17
    });
  }
  return out;
}
function gated(fn, s) {
  let conditional = false;
  walkExpr(s.expr, (e) => {
    if (e.k === "cond" && GATES.test(e.test.text))
      conditional = true;
  });
  return conditional || gatedSite(fn, s.stmt, s.parents);
}
function gatedByPreviousLine(ctx, line) {
  for (let l = line - 1; l >= line - 4; l--) {
    const t = ctx.image.lineText.get(l);
    if (t === void 0)
      return false;
    const code2 = t.replace(/\/\*.*?\*\/|\/\/.*$/g, "").trim();
    if (!code2)
      continue;
    return /^(\}\s*else\s+)?if\s*\(/.test(code2) && !/;\s*$/.test(code2) && GATES.test(code2);
  }
  return false;
}
function gatedSite(fn, stmt, parents) {
  if (parents.some((p) => (p.k === "if" || p.k === "switch") && GATES.test(p.cond.text)))
    return true;
  let early = false;
  walkStmts(fn.body, (st) => {
    if (early || st.line >= stmt.line || st.k !== "if")
      return;
    const leaves = st.then.k === "return" || st.then.k === "block" && st.then.body.some((b) => b.k === "return" || b.k === "goto");
    if (leaves && GATES.test(st.cond.text))
      early = true;
  });
  return early;
}
function pageTestBeforeGrab(ctx, fn) {
  const out = [];
  const calls = ctx.analysis.calls(fn);
  const grabs = calls.filter((s) => GRABS.has(s.call.callee));
  if (grabs.length === 0 || GRABS.has(fn.name))
    return out;
  const pgmapRef = calls.find((s) => s.call.callee === "get_dev_pagemap");
  for (const t of calls) {
    if (!PAGE_TESTS.has(t.call.callee) || !t.call.args[0])
      continue;
    if (pgmapRef && pgmapRef.call.line <= t.call.line)
      continue;
    const page = t.call.args[0].text.replace(/\s+/g, "");
    const grab = grabs.find((g) => g.call.line >= t.call.line && g.call !== t.call && g.call.args.some((a) => a.text.replace(/\s+/g, "") === page || new RegExp(`\\b${escape2(page)}\\b`).test(a.text)));
    if (!grab)
      continue;
    out.push({
      line: t.call.line,
      function: fn,
      code: t.call.text,
      // likely: the upstream grab helpers still test P2PDMA-ness right before their speculative get.
      certainty: "likely",
      message: `${t.call.callee}(${page}) reads the struct page before ${grab.call.callee}() takes a reference on it: a lockless GUP walk cannot look at the page's contents until it holds one.`,
      why: 'GUP-fast walks page tables without locks; until the speculative reference succeeds (and the PTE is re-checked) the page may be freed, reused or, for ZONE_DEVICE, have its pgmap torn down, so its flags and pgmap pointer are not stable. Jason Gunthorpe on the FOLL_PCI_P2PDMA series: "we cannot touch the content of *page without holding a ref".',
      instead: `Take the reference first and test afterwards, dropping it on rejection: \`folio = ${grab.call.callee}(...); if (!folio) goto out; if (!(flags & FOLL_PCI_P2PDMA) && is_pci_p2pdma_page(page)) { gup_put_folio(folio, 1, flags); goto out; }\`, or move the test into the grab helper after the reference is taken.`,
      evidence: [
        { file: ctx.image.path, line: t.call.line, note: `${t.call.callee}() on an unreferenced page` },
        { file: ctx.image.path, line: grab.call.line, note: `reference taken only here (${grab.call.callee}())` }
      ],
      references: REFS17
    });
  }
  return out;
}
function escape2(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// dist/src/rules/p2pdma-bus-addr-mark.js
var ID21 = "p2pdma-bus-addr-mark";
var MARKERS = /* @__PURE__ */ new Set(["sg_dma_mark_bus_address", "sg_dma_unmark_bus_address", "sg_dma_mark_swiotlb", "sg_dma_unmark_swiotlb"]);
var IMPLEMENTATION_PATHS = /^(kernel\/dma\/|drivers\/iommu\/|arch\/|drivers\/pci\/p2pdma\.c$|include\/linux\/|lib\/scatterlist\.c$|drivers\/xen\/swiotlb-xen\.c$|drivers\/parisc\/)/;
var IMPLEMENTATION_NAME = /(^|_)(un)?map_sg(_attrs)?$|(^|_)map_(bus_)?segment$|^__finalise_sg$|^__invalidate_sg$/;
var MAPPING_CALL = /^(dma_direct_map_(page|phys)|iommu_dma_map_(page|phys)|swiotlb_map|swiotlb_tbl_map_single|dma_map_(page|phys|single)(_attrs)?|__iommu_dma_map|phys_to_dma)$/;
var REFS18 = ["P2P-004", "P2P-005", "P2P-006", "include/linux/scatterlist.h (sg_dma_mark_bus_address)", "kernel/dma/direct.c (dma_direct_map_sg)", "drivers/iommu/dma-iommu.c (iommu_dma_map_sg)"];
var p2pdmaBusAddrMark = {
  meta: {
    id: ID21,
    defaultSeverity: "error",
    certainty: "certain",
    description: "Bus-address mark set outside map_sg implementations; BUS_ADDR branch without sg_dma_len; THRU_HOST_BRIDGE case that skips the mapping",
    catalogue: ["P2P-004", "P2P-005", "P2P-006"],
    docsUrl: docsUrl(ID21)
  },
  check(ctx) {
    const out = [];
    const opsImplementations = mapSgOps(ctx);
    for (const fn of ctx.analysis.functions) {
      out.push(...markOutsideImplementations(ctx, fn, opsImplementations));
      out.push(...busAddrWithoutLength(ctx, fn));
      out.push(...hostBridgeBreak(ctx, fn));
    }
    return out;
  }
};
function mapSgOps(ctx) {
  const out = /* @__PURE__ */ new Set();
  for (const text of ctx.image.lineText.values()) {
    if (!text.includes("map_"))
      continue;
    for (const m of text.matchAll(/\.\s*(?:map_sg|unmap_sg|map_phys|map_page)\s*=\s*(\w+)/g))
      out.add(m[1]);
  }
  return out;
}
function markOutsideImplementations(ctx, fn, ops) {
  if (IMPLEMENTATION_PATHS.test(ctx.image.path) || ops.has(fn.name))
    return [];
  const wrapsDmaApi = ctx.analysis.calls(fn).some((s) => /^(dma_map_sg|dma_map_sg_attrs|dma_map_sgtable|ib_dma_map_sg\w*)$/.test(s.call.callee));
  if (IMPLEMENTATION_NAME.test(fn.name) && !wrapsDmaApi)
    return [];
  return ctx.analysis.calls(fn).filter((s) => MARKERS.has(s.call.callee)).map((s) => ({
    line: s.call.line,
    function: fn,
    code: s.call.text,
    message: `${s.call.callee}() is called ${fn.name ? `by ${fn.name}() ` : ""}in ${ctx.image.path}, which is not a dma_map_sg() implementation: the DMA mapping flags belong to the code that created the mapping.`,
    why: 'The scatterlist kerneldoc says these helpers "should only be used by dma_map_sg() implementations". The bus-address mark tells dma_unmap_sg() that a segment holds a PCI bus address that must not be unmapped; a driver that sets it makes the unmap skip a real IOVA (leaking it), and one that clears it makes the unmap free an IOVA that was never allocated. The swiotlb mark likewise steers the sync and unmap paths.',
    instead: "Let dma_map_sg()/dma_map_sgtable() set the marks, and only read them (sg_dma_is_bus_address(), sg_dma_is_swiotlb()) in drivers.",
    evidence: [{ file: ctx.image.path, line: s.call.line, note: `${s.call.callee}() outside kernel/dma, dma-iommu and arch map_sg code` }],
    references: REFS18
  }));
}
function busAddrBranches(fn) {
  const out = [];
  for (const sw of mapTypeSwitches(fn)) {
    for (const c of switchCases(sw)) {
      if (!c.mapTypes.includes("BUS_ADDR"))
        continue;
      out.push({ label: "case PCI_P2PDMA_MAP_BUS_ADDR", line: c.label.line, stmts: c.run, end: c.end, after: followers(fn, sw) });
    }
  }
  const eqTypes = equalityMapTypesByStmt(fn);
  walkStmts(fn.body, (s) => {
    if (s.k !== "if")
      return;
    const eq = eqTypes.get(s) ?? [];
    if (!eq.includes("BUS_ADDR"))
      return;
    const then = s.then.k === "block" ? s.then.body : [s.then];
    const last = then[then.length - 1];
    out.push({ label: `if (${s.cond.text.replace(/\s+/g, " ")})`, line: s.line, stmts: then, end: last && /^(continue|return|goto|break)$/.test(last.k) ? last : void 0, after: followers(fn, s) });
  });
  return out;
}
function equalityMapTypesByStmt(fn) {
  const out = /* @__PURE__ */ new Map();
  for (const { expr: e, stmt } of exprSitesOfKind(fn, "binary")) {
    if (e.op !== "==")
      continue;
    const types = [...mapTypesIn(e.left), ...mapTypesIn(e.right)];
    if (!types.length)
      continue;
    const l = out.get(stmt);
    if (l)
      l.push(...types);
    else
      out.set(stmt, types);
  }
  return out;
}
function followers(fn, target) {
  const result = [];
  walkStmts(fn.body, (s, parents) => {
    if (s !== target)
      return;
    for (let i = parents.length - 1; i >= 0; i--) {
      const p = parents[i];
      if (p.k === "block") {
        const idx = p.body.findIndex((x) => x === (i === parents.length - 1 ? s : parents[i + 1]));
        result.push(...p.body.slice(idx + 1));
      }
      if (p.k === "loop")
        break;
    }
  });
  return result;
}
var isAddrSet = (e) => e.k === "assign" && (e.left.k === "field" && e.left.field === "dma_address" || e.left.k === "call" && e.left.callee === "sg_dma_address");
var isLenSet = (e) => e.k === "assign" && (e.left.k === "field" && e.left.field === "dma_length" || e.left.k === "call" && e.left.callee === "sg_dma_len");
function busAddrWithoutLength(ctx, fn) {
  const out = [];
  for (const b of busAddrBranches(fn)) {
    const exprs2 = exprsOf(b.stmts);
    const addr = exprs2.find(isAddrSet);
    const mark = exprs2.find((e) => e.k === "call" && e.callee === "sg_dma_mark_bus_address");
    if (!addr && !mark)
      continue;
    if (exprs2.some(isLenSet))
      continue;
    const leaves = b.end && (b.end.k === "continue" || b.end.k === "return" || b.end.k === "goto");
    if (!leaves && exprsOf(b.after).some(isLenSet))
      continue;
    const at = addr ?? mark;
    const verdict = platformVerdict(ctx.model, (t) => t === "BUS_ADDR");
    out.push({
      line: at.line,
      function: fn,
      code: `${b.label}: ${at.text}`,
      message: `The ${b.label} branch sets ${addr ? "the DMA address" : "the bus-address mark"} but never sg_dma_len()${leaves ? ` and leaves with \`${b.end.text.trim()}\` before the common length assignment` : ""}: P2P segments are mapped with length 0.`,
      why: 'A mapped segment is described by sg_dma_address() and sg_dma_len() together; drivers program hardware from both and stop at the first zero length. This is the \u22486.16 dma-direct regression (fixed by d0d08f4bd7f6, "dma-direct: Fix missing sg_dma_len assignment in P2PDMA bus mappings") that broke RDMA for P2P segments.' + brokenSentence(verdict, "segments take this branch"),
      instead: "Set the three together in the BUS_ADDR branch: `sg->dma_address = pci_p2pdma_bus_addr_map(...); sg_dma_len(sg) = sg->length; sg_dma_mark_bus_address(sg);`",
      evidence: [
        { file: ctx.image.path, line: b.line, note: b.label },
        { file: ctx.image.path, line: at.line, note: `\`${at.text.replace(/\s+/g, " ")}\`` },
        ...b.end ? [{ file: ctx.image.path, line: b.end.line, note: `\`${b.end.text.trim()}\` skips the code after the branch` }] : []
      ],
      platformNotes: verdict.notes,
      references: REFS18
    });
  }
  return out;
}
function mapsSegment(ctx, stmts) {
  for (const s of flatten(stmts)) {
    for (const root of ownExprs(s)) {
      let hit;
      walkExpr(root, (e) => {
        if (hit || e.k !== "call")
          return;
        if (MAPPING_CALL.test(e.callee) || ctx.model.contract(e.callee)?.category === "dma-map" && !/sg|sgtable/.test(e.callee))
          hit = e;
      });
      if (hit)
        return hit;
    }
  }
  return void 0;
}
function hostBridgeBreak(ctx, fn) {
  const out = [];
  for (const sw of mapTypeSwitches(fn)) {
    const cases = switchCases(sw);
    for (const c of cases) {
      if (!c.mapTypes.includes("THRU_HOST_BRIDGE") || c.end?.k !== "break")
        continue;
      if (mapsSegment(ctx, c.run) || exprsOf(c.run).some(isAddrSet))
        continue;
      const mapper = cases.filter((o) => o !== c && !o.mapTypes.includes("BUS_ADDR")).map((o) => ({ o, call: mapsSegment(ctx, o.own) })).find((x) => x.call);
      if (!mapper)
        continue;
      if (mapsSegment(ctx, followers(fn, sw)))
        continue;
      const verdict = platformVerdict(ctx.model, (t) => t === "THRU_HOST_BRIDGE");
      out.push({
        line: c.end.line,
        function: fn,
        code: `case PCI_P2PDMA_MAP_THRU_HOST_BRIDGE: ${c.end.text}`,
        message: `case PCI_P2PDMA_MAP_THRU_HOST_BRIDGE breaks out of the switch, but the segment is only mapped in \`${mapper.o.label.text.split(":")[0].trim()}\` (${mapper.call.callee}()): host-bridge P2P segments are left with an uninitialised dma_address.`,
        why: 'Traffic through the host bridge must be mapped like any other segment (the CPU physical address with dma-direct, an IOVA with an IOMMU). Breaking out of the switch skips that mapping, so the device is programmed with whatever dma_address held before: the regression fixed upstream by 560000d619ef ("fallthrough" into the NONE mapping).' + brokenSentence(verdict, "peers take this branch"),
        instead: "Replace the break with `fallthrough;` into the case that maps the segment (adding DMA_ATTR_MMIO to attrs first on kernels that have it, so the MMIO is neither bounced nor cache-maintained).",
        evidence: [
          { file: ctx.image.path, line: c.label.line, note: "case PCI_P2PDMA_MAP_THRU_HOST_BRIDGE" },
          { file: ctx.image.path, line: c.end.line, note: "`break` leaves the switch without mapping" },
          { file: ctx.image.path, line: mapper.call.line, note: `the mapping (${mapper.call.callee}()) runs only in another case` }
        ],
        platformNotes: verdict.notes,
        references: REFS18,
        suggestion: { startLine: c.end.line, endLine: c.end.line, replacement: (ctx.image.lineText.get(c.end.line) ?? "			break;").replace(/\bbreak\s*;/, "fallthrough;"), safety: "review" }
      });
    }
  }
  return out;
}

// dist/src/rules/p2pdma-eremoteio.js
var ID22 = "p2pdma-eremoteio";
var RETRYABLE = /^-?(BLK_STS_RESOURCE|BLK_STS_DEV_RESOURCE|BLK_STS_AGAIN|EAGAIN|ENOMEM|EBUSY|ENOSPC|EINPROGRESS|ERESTARTSYS)$/;
var P2P_CAPABLE = /\b(is_pci_p2pdma_page|FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA|BLK_FEAT_PCI_P2PDMA|blk_queue_pci_p2pdma|pci_p2pmem_\w+|pci_alloc_p2pmem|REQ_P2PDMA|dma_pci_p2pdma_supported|ib_dma_pci_p2p_dma_supported|supports_pci_p2pdma|pci_p2pdma_\w+)\b/;
var REFS19 = ["P2P-003", 'kernel/dma/mapping.c (dma_map_sgtable kerneldoc: -EREMOTEIO "will not succeed if retried")'];
var p2pdmaEremoteio = {
  meta: {
    id: ID22,
    defaultSeverity: "error",
    certainty: "certain",
    description: "-EREMOTEIO from dma_map_sgtable() retried, requeued or converted into a retryable error",
    catalogue: ["P2P-003"],
    docsUrl: docsUrl(ID22)
  },
  check(ctx) {
    const out = [];
    const p2pCapable = lazy(() => P2P_CAPABLE.test(reviewText(ctx)));
    for (const fn of ctx.analysis.functions) {
      walkStmts(fn.body, (stmt) => {
        if (stmt.k !== "if" || !/-\s*EREMOTEIO\b/.test(stmt.cond.text) || !equalsEremoteio(stmt.cond))
          return;
        const retry = retryIn(fn, [stmt.then], stmt.line);
        if (!retry)
          return;
        out.push(report6(ctx, fn, retry.line, retry.code, "certain", `-EREMOTEIO is answered with ${retry.what}: the device cannot reach that P2PDMA memory, so the mapping will fail the same way every time.`, [{ line: stmt.line, note: `\`${stmt.cond.text.replace(/\s+/g, " ")}\`` }, { line: retry.line, note: retry.what }]));
      });
      const maps = ctx.analysis.calls(fn).filter((site) => mayReturnEremoteio(ctx, site));
      if (!maps.length || /\bEREMOTEIO\b/.test(fn.text) || !p2pCapable())
        continue;
      for (const site of maps) {
        const target = resultTarget(site);
        if (typeof target !== "object")
          continue;
        for (const use of usesAfter(ctx.analysis, fn, target.key, target.line)) {
          if (!inCondition(use))
            continue;
          const branch = failureBranch2(use.stmt, use.expr);
          if (!branch)
            continue;
          const retry = retryIn(fn, [branch], site.call.line);
          if (!retry)
            continue;
          out.push(report6(ctx, fn, retry.line, retry.code, "likely", `Every ${site.call.callee}() failure, including -EREMOTEIO (P2PDMA memory this device cannot reach), is turned into ${retry.what}.`, [
            { line: site.call.line, note: `${target.key} = ${site.call.callee}(): 0 or -EINVAL/-ENOMEM/-EIO/-EREMOTEIO` },
            { line: use.expr.line, note: `\`${use.stmt.k === "if" ? use.stmt.cond.text.replace(/\s+/g, " ") : use.expr.text}\` does not single out -EREMOTEIO` },
            { line: retry.line, note: retry.what }
          ]));
          break;
        }
      }
    }
    return out;
  }
};
function mayReturnEremoteio(ctx, site) {
  if (/^(ib_)?dma_map_sgtable(_attrs)?$/.test(site.call.callee))
    return true;
  const c = ctx.model.contract(site.call.callee);
  return c?.returns?.error === "zero-success-negative-errno" && c.category === "dma-map";
}
function equalsEremoteio(cond) {
  let found = false;
  walkExpr(cond, (e) => {
    if (e.k === "binary" && e.op === "==" && (/EREMOTEIO/.test(e.left.text) || /EREMOTEIO/.test(e.right.text)))
      found = true;
  });
  return found;
}
function failureBranch2(stmt, use) {
  if (stmt.k !== "if")
    return void 0;
  const c = stmt.cond.text.replace(/\s+/g, "");
  const key2 = use.text.replace(/\s+/g, "");
  const failure = [key2, `${key2}<0`, `unlikely(${key2})`, `unlikely(${key2}<0)`, `${key2}!=0`, `WARN_ON(${key2})`, `WARN_ON_ONCE(${key2})`];
  return failure.includes(c) ? stmt.then : void 0;
}
function retryIn(fn, branch, mapLine) {
  for (const s of flatten(branch)) {
    if (s.k === "return" && s.value && RETRYABLE.test(s.value.text.replace(/\s+/g, ""))) {
      return { line: s.line, code: s.text, what: `\`return ${s.value.text}\`` };
    }
    if (s.k === "expr" && s.expr.k === "assign" && s.expr.op === "=" && RETRYABLE.test(s.expr.right.text.replace(/\s+/g, ""))) {
      return { line: s.line, code: s.text, what: `\`${s.expr.text}\`` };
    }
    if (s.k === "goto") {
      const label = labelNamed(fn, s.label);
      if (label && label.line <= mapLine)
        return { line: s.line, code: s.text, what: `a retry (\`goto ${s.label}\` back to before the mapping)` };
      const ret = label ? returnedRetryable(fn, label) : void 0;
      if (ret)
        return { line: s.line, code: s.text, what: `\`goto ${s.label}\`, which returns ${ret}` };
    }
  }
  return void 0;
}
function labelNamed(fn, name) {
  let found;
  walkStmts(fn.body, (s) => {
    if (s.k === "label" && s.name === name && !found)
      found = s;
  });
  return found;
}
function returnedRetryable(fn, label) {
  let ret;
  walkStmts(fn.body, (s) => {
    if (!ret && s.k === "return" && s.line >= label.line)
      ret = s;
  });
  const v = ret?.value;
  if (!v || v.k !== "ident")
    return void 0;
  let init;
  let reassigned2 = false;
  walkStmts(fn.body, (s) => {
    if (s.k === "decl") {
      for (const d of s.vars)
        if (d.name === v.name && d.init)
          init = d.init.text.replace(/\s+/g, "");
    }
    if (s.k === "expr" && s.expr.k === "assign" && s.expr.left.k === "ident" && s.expr.left.name === v.name)
      reassigned2 = true;
  });
  return init && RETRYABLE.test(init) && !reassigned2 ? `\`${v.name}\` (still ${init})` : void 0;
}
function report6(ctx, fn, line, code2, certainty, message, ev) {
  return {
    line,
    function: fn,
    code: code2,
    certainty,
    message,
    why: '-EREMOTEIO means the DMA device cannot reach the P2PDMA memory in the table (PCI_P2PDMA_MAP_NOT_SUPPORTED: the path crosses a host bridge that cannot route peer traffic, or the client is not PCI). The topology does not change between attempts, so dma_map_sgtable() documents it as "will not succeed if retried"; BLK_STS_RESOURCE/-ENOMEM/-EAGAIN make the block layer or the caller retry forever.',
    instead: "Fail the request for good: map -EREMOTEIO to BLK_STS_TARGET (as nvme-pci does) or return -EREMOTEIO to the caller; keep -ENOMEM as the only retryable mapping error. Optionally fall back to a bounce through host memory.",
    evidence: ev.map((e) => ({ file: ctx.image.path, line: e.line, note: e.note })),
    references: REFS19
  };
}

// dist/src/rules/p2pdma-genalloc-rcu.js
var ID23 = "p2pdma-genalloc-rcu";
var USER_INSERTS = /\b(vm_insert_page|vm_insert_pages|vmf_insert_mixed\w*|vmf_insert_page\w*|vmf_insert_folio\w*|vmf_insert_pfn_pmd|vmf_insert_pfn_pud)\s*\(/;
var SPECIAL_INSERTS = /\b(remap_pfn_range|io_remap_pfn_range|vmf_insert_pfn|vmf_insert_pfn_prot|vm_iomap_memory)\s*\(/;
var POOL = /\b(gen_pool_alloc\w*|gen_pool_free\w*|pci_alloc_p2pmem|pci_free_p2pmem)\s*\(/;
var ZAPS = /* @__PURE__ */ new Set(["unmap_mapping_range", "unmap_mapping_pages", "zap_vma_ptes", "zap_page_range", "zap_page_range_single"]);
var RELEASES = /* @__PURE__ */ new Set(["gen_pool_free", "gen_pool_free_owner", "pci_free_p2pmem", "put_page", "folio_put", "put_folio", "free_zone_device_folio"]);
var GRACE = /* @__PURE__ */ new Set(["synchronize_rcu", "synchronize_rcu_expedited", "call_rcu", "kfree_rcu", "rcu_barrier", "synchronize_srcu"]);
var REFS20 = ["seed 001 (userspace P2PDMA)", "drivers/pci/p2pdma.c (p2pdma_page_free, pci_p2pdma_release)", "mm/gup.c (lockless GUP-fast)", 'LKML 2021-10 "[PATCH v3 19/20] PCI/P2PDMA: introduce pci_mmap_p2pmem()" (Jason Gunthorpe)'];
var p2pdmaGenallocRcu = {
  meta: {
    id: ID23,
    defaultSeverity: "warning",
    certainty: "likely",
    description: "P2PDMA pages returned to the genalloc pool after a user-mapping zap with no RCU grace period for GUP-fast walkers",
    catalogue: ["seed 001"],
    docsUrl: docsUrl(ID23)
  },
  check(ctx) {
    if (!ctx.analysis.functions.some((fn) => ctx.analysis.calls(fn).some((s) => ZAPS.has(s.call.callee))))
      return [];
    const text = reviewText(ctx);
    if (!POOL.test(text) || SPECIAL_INSERTS.test(text) && !USER_INSERTS.test(text))
      return [];
    const insert = lineOf(ctx, USER_INSERTS);
    const out = [];
    for (const fn of ctx.analysis.functions) {
      const calls = ctx.analysis.calls(fn);
      for (const zap of calls.filter((s) => ZAPS.has(s.call.callee))) {
        const after = calls.filter((s) => s.call.line > zap.call.line || s.call.line === zap.call.line && s !== zap && s.call.endLine > zap.call.endLine);
        const grace = after.find((s) => GRACE.has(s.call.callee));
        const release = firstRelease(ctx, after, grace?.call.line);
        if (!release)
          continue;
        const graceBefore = calls.find((s) => GRACE.has(s.call.callee) && s.call.line < zap.call.line);
        out.push({
          line: release.site.call.line,
          function: fn,
          code: release.site.call.text,
          message: `${fn.name}() zaps the user mappings with ${zap.call.callee}() and then ${release.via ? `(through ${release.via}()) ` : ""}releases the pages with ${release.callee}() without an RCU grace period in between: a concurrent GUP-fast walk can still reach pages that are back in the genalloc pool.`,
          why: "GUP-fast walks user page tables locklessly; a walk that read the PTE before the zap can still take a reference on the page afterwards. Once the page is back in the genalloc pool it can be allocated to another user, who then shares it with the stale walker. The zap must be followed by synchronize_rcu() (or call_rcu()) before the memory returns to the pool; or the pages must only be freed through their refcount (the pgmap page_free callback), which waits for every reference." + (graceBefore ? ` The synchronize_rcu() at line ${graceBefore.call.line} runs before the zap, so it does not cover walkers that start before the zap completes.` : ""),
          instead: "Zap, then synchronize_rcu(), then free; better, do not free P2PDMA pages by hand after a zap: give them to user space with vm_insert_page() (which takes page references) and return them to the pool from the dev_pagemap_ops page_free callback, as drivers/pci/p2pdma.c does (p2pdma_page_free()).",
          evidence: [
            ...insert ? [{ file: ctx.image.path, line: insert, note: "pages are inserted into user page tables here" }] : [],
            { file: ctx.image.path, line: zap.call.line, note: `${zap.call.callee}() zaps the user mappings` },
            ...release.via ? [{ file: ctx.image.path, line: release.site.call.line, note: `${release.via}() releases the pages` }] : [],
            { file: ctx.image.path, line: release.line, note: `${release.callee}() returns the memory with no grace period after the zap` }
          ],
          references: REFS20
        });
      }
    }
    return out;
  }
};
function firstRelease(ctx, after, graceLine) {
  for (const s of after) {
    if (graceLine !== void 0 && s.call.line >= graceLine)
      return void 0;
    if (RELEASES.has(s.call.callee))
      return { site: s, callee: s.call.callee, line: s.call.line };
    const helper = ctx.analysis.functions.find((f) => f.name === s.call.callee);
    if (!helper)
      continue;
    const inner = helperRelease(ctx, helper);
    if (inner)
      return { site: s, callee: inner.callee, line: inner.line, via: s.call.callee };
  }
  return void 0;
}
function helperRelease(ctx, helper) {
  for (const f of reachableHelpers(ctx.analysis, helper)) {
    const calls = ctx.analysis.calls(f);
    if (calls.some((c) => GRACE.has(c.call.callee)))
      return void 0;
    const r = calls.find((c) => RELEASES.has(c.call.callee));
    if (r)
      return { callee: r.call.callee, line: r.call.line };
  }
  return void 0;
}
function lineOf(ctx, re) {
  const lines = [...ctx.image.lineText.keys()].sort((a, b) => a - b);
  return lines.find((l) => re.test(ctx.image.lineText.get(l) ?? ""));
}

// dist/src/rules/p2pdma-map-resource-unchecked.js
var ID24 = "p2pdma-map-resource-unchecked";
var MMIO_MAPPERS = { dma_map_resource: 1, dma_map_phys: 1 };
var NEEDS_MMIO_ATTR = /* @__PURE__ */ new Set(["dma_map_phys"]);
var BAR_ADDRESS_APIS = /* @__PURE__ */ new Set(["pci_resource_start", "pci_resource_end", "pci_bus_address", "pci_p2pmem_virt_to_bus"]);
var TOPOLOGY_CHECKS = /\b(pci_p2pdma_distance|pci_p2pdma_distance_many|pci_p2pdma_map_type|pci_p2pdma_state|pci_p2pmem_find|pci_p2pmem_find_many|PCI_P2PDMA_MAP_\w+)\b/;
var REFS21 = ["P2P-002", "kernel/dma/mapping.c (dma_map_resource)", "Documentation/driver-api/pci/p2pdma.rst", "drivers/pci/p2pdma.c (pci_p2pdma_distance_many, pci_p2pdma_map_type)"];
var p2pdmaMapResourceUnchecked = {
  meta: {
    id: ID24,
    defaultSeverity: "warning",
    certainty: "likely",
    description: "dma_map_resource() of a peer PCI BAR without pci_p2pdma_distance()/pci_p2pdma_map_type()",
    catalogue: ["P2P-002"],
    docsUrl: docsUrl(ID24)
  },
  check(ctx) {
    const out = [];
    for (const fn of ctx.analysis.functions) {
      for (const site of ctx.analysis.calls(fn)) {
        const call = site.call;
        const idx = MMIO_MAPPERS[call.callee];
        if (idx === void 0 || !call.args[idx])
          continue;
        if (NEEDS_MMIO_ATTR.has(call.callee) && !call.args.some((a) => /\bDMA_ATTR_MMIO\b/.test(a.text)))
          continue;
        const bars = derivedSources(ctx.analysis, call.args[idx], fn, (x) => barAddress(x));
        if (bars.length === 0)
          continue;
        const bar = bars[0];
        if (sameDevice(ctx, fn, call.args[0], bar.info))
          continue;
        if (callerChainSatisfies(ctx.analysis, fn, (f) => TOPOLOGY_CHECKS.test(f.text)))
          continue;
        const busAddr = /pci_bus_address|virt_to_bus/.test(bar.info.api);
        const verdict = platformVerdict(ctx.model, (t) => t !== "THRU_HOST_BRIDGE");
        out.push({
          line: call.line,
          function: fn,
          code: call.text,
          message: `${call.callee}() maps ${bar.info.api} of a peer device for DMA without any P2P topology check (pci_p2pdma_distance()/pci_p2pdma_map_type()).` + (busAddr ? ` It is also given a PCI bus address where it expects a CPU physical address.` : ""),
          why: `${call.callee}() only creates an IOVA (or returns the address) for the MMIO range; it does not look at ACS or the host-bridge allow-list. Peer traffic that has to cross a root complex that cannot route it is dropped or corrupted (PCI_P2PDMA_MAP_NOT_SUPPORTED), and devices behind a common switch without ACS redirect (PCI_P2PDMA_MAP_BUS_ADDR) should be given the bus address, not an IOMMU mapping.` + brokenSentence(verdict, "this mapping is the right one"),
          instead: "Check the pair first: pci_p2pdma_distance(provider, client, true) < 0 means no P2P at all; then pci_p2pdma_map_type() decides between pci_p2pdma_bus_addr_map() (BUS_ADDR) and dma_map_resource()/dma_map_phys(..., DMA_ATTR_MMIO) (THRU_HOST_BRIDGE). Exporters of peer MMIO should prefer DMABUF with struct p2pdma_provider (\u22486.19+).",
          evidence: [...bar.chain, { file: ctx.image.path, line: call.line, note: `mapped with ${call.callee}() for ${call.args[0].text.replace(/\s+/g, "")}` }],
          platformNotes: verdict.notes,
          references: REFS21
        });
      }
    }
    return out;
  }
};
function barAddress(x) {
  if (x.k === "call" && BAR_ADDRESS_APIS.has(x.callee))
    return { api: `${x.callee}()`, owner: x.args[0] };
  if (x.k === "field" && x.field === "start" && x.base.k === "index" && x.base.base.k === "field" && x.base.base.field === "resource") {
    return { api: `the BAR resource ${x.text.replace(/\s+/g, "")}`, owner: x.base.base.base };
  }
  return void 0;
}
function sameDevice(ctx, fn, mapDev, bar) {
  if (!mapDev || !bar.owner)
    return false;
  return deviceKey(ctx, fn, mapDev) === deviceKey(ctx, fn, bar.owner);
}
function deviceKey(ctx, fn, e, depth = 0) {
  let cur = e;
  for (; ; ) {
    if (cur.k === "addr" || cur.k === "cast")
      cur = cur.arg;
    else if (cur.k === "call" && /^(to_pci_dev|pci_dev_get)$/.test(cur.callee) && cur.args[0])
      cur = cur.args[0];
    else if (cur.k === "field" && cur.field === "dev")
      cur = cur.base;
    else
      break;
  }
  if (cur.k === "ident" && depth < 3) {
    const scope = ctx.analysis.provenance.scope(fn);
    const assigns = scope.locals.has(cur.name) ? scope.assigns.get(cur.name) ?? [] : [];
    if (assigns.length === 1)
      return deviceKey(ctx, fn, assigns[0].rhs, depth + 1);
  }
  return cur.text.replace(/\s+/g, "");
}

// dist/src/rules/p2pdma-map-unmap-mismatch.js
var ID25 = "p2pdma-map-unmap-mismatch";
var MAPS = {
  pci_p2pdma_map_sg: { family: "p2pdma", list: 1 },
  pci_p2pdma_map_sg_attrs: { family: "p2pdma", list: 1 },
  dma_map_sg: { family: "dma", list: 1 },
  dma_map_sg_attrs: { family: "dma", list: 1 },
  dma_map_sgtable: { family: "dma", list: 1 },
  ib_dma_map_sg: { family: "dma", list: 1 },
  ib_dma_map_sg_attrs: { family: "dma", list: 1 },
  ib_dma_map_sgtable_attrs: { family: "dma", list: 1 }
};
var UNMAPS = {
  pci_p2pdma_unmap_sg: { family: "p2pdma", list: 1 },
  pci_p2pdma_unmap_sg_attrs: { family: "p2pdma", list: 1 },
  dma_unmap_sg: { family: "dma", list: 1 },
  dma_unmap_sg_attrs: { family: "dma", list: 1 },
  dma_unmap_sgtable: { family: "dma", list: 1 },
  ib_dma_unmap_sg: { family: "dma", list: 1 },
  ib_dma_unmap_sg_attrs: { family: "dma", list: 1 },
  ib_dma_unmap_sgtable_attrs: { family: "dma", list: 1 }
};
var SEGMENT_UNMAPS = /^(dma_unmap_page|dma_unmap_page_attrs|dma_unmap_single|dma_unmap_single_attrs|dma_unmap_phys|dma_unmap_resource|dma_direct_unmap_page|dma_direct_unmap_phys|iommu_dma_unmap_page|iommu_dma_unmap_phys|__iommu_dma_unmap|swiotlb_tbl_unmap_single)$/;
var BUS_ADDR_TESTS = /\b(sg_dma_is_bus_address|sg_is_dma_bus_address|is_pci_p2pdma_page|pci_p2pdma_state|PCI_P2PDMA_MAP_\w+)\b/;
var P2P_LISTS = /\b(sg_dma_mark_bus_address|is_pci_p2pdma_page|dma_pci_p2pdma_supported|pci_p2pdma_\w+|PCI_P2PDMA_MAP_BUS_ADDR|FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA|blk_queue_pci_p2pdma|pci_alloc_p2pmem|pci_p2pmem_alloc_sgl|REQ_P2PDMA)\b/;
var REFS22 = ["seed 001 (Userspace P2PDMA series: dma_unmap_sg() needs to know which segments are bus addresses)", "include/linux/scatterlist.h (sg_dma_is_bus_address)", "kernel/dma/direct.c (dma_direct_unmap_sg)", "drivers/pci/p2pdma.c (pci_p2pdma_unmap_sg_attrs, before \u22486.0)"];
var p2pdmaMapUnmapMismatch = {
  meta: {
    id: ID25,
    defaultSeverity: "error",
    certainty: "certain",
    description: "A scatterlist mapped through a P2PDMA-aware path and unmapped through another (or bus-address segments unmapped as IOVAs)",
    catalogue: ["seed 001"],
    docsUrl: docsUrl(ID25)
  },
  check(ctx) {
    const mismatches = familyMismatch(ctx);
    const segmentUnmaps = ctx.analysis.allCalls().some(({ site }) => SEGMENT_UNMAPS.test(site.call.callee));
    return [...mismatches, ...segmentUnmaps && P2P_LISTS.test(reviewText(ctx)) ? segmentUnmapsOfBusAddrs(ctx) : []];
  }
};
function listKey2(e) {
  const t = e.text.replace(/\s+/g, "").replace(/^&/, "").replace(/(->|\.)sgl$/, "");
  const m = /(?:->|\.)(\w+)$/.exec(t);
  return m ? m[1] : t;
}
function familyMismatch(ctx) {
  const maps = [];
  const unmaps = [];
  for (const { fn, site } of ctx.analysis.allCalls()) {
    const m = MAPS[site.call.callee];
    const u = UNMAPS[site.call.callee];
    const spec = m ?? u;
    const arg = spec ? site.call.args[spec.list] : void 0;
    if (!spec || !arg)
      continue;
    (m ? maps : unmaps).push({ site, fn, family: spec.family, key: listKey2(arg) });
  }
  const out = [];
  for (const u of unmaps) {
    const sameList2 = maps.filter((m2) => m2.key === u.key);
    if (sameList2.length === 0 || classified(u.site))
      continue;
    const families = new Set(sameList2.map((m2) => m2.family));
    const unmapFamilies = new Set(unmaps.filter((x) => x.key === u.key).map((x) => x.family));
    const foreign = !families.has(u.family);
    const orphan = sameList2.find((m2) => !unmapFamilies.has(m2.family) && m2.family !== u.family);
    if (!foreign && !orphan)
      continue;
    const m = foreign ? sameList2[0] : orphan;
    out.push(report7(ctx, u.fn, u.site, m, `\`${u.site.call.text.replace(/\s+/g, " ")}\` unmaps a list that ${m.site.call.callee}() ${foreign ? "" : "may have "}mapped: ${m.family === "p2pdma" ? "bus-address segments were never DMA-mapped and must not be unmapped as IOVAs" : "a dma_map_sg() mapping must be undone by dma_unmap_sg()"}.`));
  }
  return out;
}
function classified(site) {
  return site.stmtParents.some((p) => p.k === "if" && BUS_ADDR_TESTS.test(p.cond.text));
}
function report7(ctx, fn, site, mapped, message) {
  const v = platformVerdict(ctx.model, (t) => t === "BUS_ADDR" || t === "THRU_HOST_BRIDGE");
  return {
    line: site.call.line,
    function: fn,
    code: site.call.text,
    message,
    why: "pci_p2pdma_map_sg() filled BUS_ADDR lists with bus addresses without creating any mapping (pci_p2pdma_unmap_sg() only unmapped host-bridge lists), while dma_map_sg() lists own IOVAs or swiotlb slots. Unmapping one with the other frees IOVAs that were never allocated (or bus addresses taken as IOVAs) on IOMMU platforms, or leaks the real mapping." + (v.broken.length ? ` On the configured platforms P2P lists are ${[...new Set(v.broken.map((p) => p.mapType))].join("/")} (${v.broken.map((p) => p.platform).join(", ")}).` : ""),
    instead: "Map and unmap through the same API. On current kernels use dma_map_sgtable()/dma_unmap_sgtable() for lists that may hold P2PDMA pages: the unmap skips segments marked with sg_dma_mark_bus_address().",
    evidence: [{ file: ctx.image.path, line: mapped.site.call.line, note: `mapped with ${mapped.site.call.callee}()` }, { file: ctx.image.path, line: site.call.line, note: `unmapped with ${site.call.callee}()` }],
    platformNotes: v.notes,
    references: REFS22
  };
}
var UNMAP_IMPLEMENTATION = /(^|_)unmap_sg(_attrs)?$/;
var SWIOTLB_ONLY = /\bsg_dma_is_swiotlb\b/;
function segmentUnmapsOfBusAddrs(ctx) {
  const out = [];
  const mappedLists = new Set(ctx.analysis.allCalls().filter(({ site }) => MAPS[site.call.callee]?.family === "dma").map(({ site }) => listKey2(site.call.args[MAPS[site.call.callee].list] ?? site.call)));
  const opsUnmaps = new Set([...ctx.image.lineText.values()].flatMap((t) => [...t.matchAll(/\.\s*unmap_sg\s*=\s*(\w+)/g)].map((m) => m[1])));
  for (const fn of ctx.analysis.functions) {
    const implementation = UNMAP_IMPLEMENTATION.test(fn.name) || opsUnmaps.has(fn.name);
    if (implementation && callerChainSatisfies(ctx.analysis, fn, (_f, via) => !!via && via.stmtParents.some((p) => p.k === "if" && SWIOTLB_ONLY.test(p.cond.text)), { all: true }))
      continue;
    walkStmts(fn.body, (stmt) => {
      if (stmt.k !== "loop" || stmt.form !== "macro" || !stmt.header || !/for_each_(sg|sgtable_dma_sg|sgtable_sg)/.test(stmt.header.text))
        return;
      const exprs2 = exprsOf([stmt.body]);
      const unmap = exprs2.find((e) => e.k === "call" && SEGMENT_UNMAPS.test(e.callee) && e.args.some((a) => /sg_dma_address|->dma_address|\.dma_address/.test(a.text)));
      if (!unmap)
        return;
      const list = stmt.header?.k === "call" ? stmt.header.args[0] : void 0;
      if (!implementation && !(list && mappedLists.has(listKey2(list))))
        return;
      if (exprs2.some((e) => e.k === "call" && BUS_ADDR_TESTS.test(e.callee)) || BUS_ADDR_TESTS.test(stmt.header.text))
        return;
      const v = platformVerdict(ctx.model, (t) => t === "BUS_ADDR");
      out.push({
        line: unmap.line,
        function: fn,
        code: unmap.text,
        // The list's contents are inferred from the file (P2P handling visible), not proven per list.
        certainty: implementation ? "certain" : "likely",
        message: `This loop unmaps every segment's DMA address with ${unmap.callee}() without skipping bus-address segments: a PCI_P2PDMA_MAP_BUS_ADDR segment holds a peer's bus address, not an IOVA.`,
        why: "dma_map_sg() implementations store PCI bus addresses in BUS_ADDR P2PDMA segments and mark them with sg_dma_mark_bus_address(); nothing was mapped for them. Unmapping such a segment as an IOVA or swiotlb slot frees a range that belongs to someone else (IOMMU page-table corruption) or trips DMA debugging." + (v.broken.length ? ` BUS_ADDR segments occur on ${v.broken.map((p) => p.platform).join(", ")}.` : ""),
        instead: "Skip marked segments, clearing the mark: `if (sg_dma_is_bus_address(sg)) { sg_dma_unmark_bus_address(sg); continue; }` (in a dma_map_sg() implementation), or in a driver simply call dma_unmap_sg()/dma_unmap_sgtable() for the whole list.",
        evidence: [{ file: ctx.image.path, line: stmt.line, note: `\`${stmt.header.text.replace(/\s+/g, " ")}\`` }, { file: ctx.image.path, line: unmap.line, note: `${unmap.callee}() on every segment` }],
        platformNotes: v.notes,
        references: REFS22
      });
    });
  }
  return out;
}

// dist/src/rules/p2pdma-mixed-sgl.js
var ID26 = "p2pdma-mixed-sgl";
var CLASSIFIERS = /* @__PURE__ */ new Set(["is_pci_p2pdma_page", "pci_p2pdma_state", "pci_p2pdma_map_type", "page_pgmap", "is_zone_device_page"]);
var HOMOGENEOUS_MAPPERS = /* @__PURE__ */ new Set(["pci_p2pdma_map_sg", "pci_p2pdma_map_sg_attrs", "pci_p2pdma_unmap_sg", "pci_p2pdma_unmap_sg_attrs"]);
var WHOLE_LIST = /^(dma_map_sg|dma_map_sg_attrs|dma_map_sgtable|dma_unmap_sg|dma_unmap_sg_attrs|dma_unmap_sgtable|ib_dma_map_sg\w*|ib_dma_unmap_sg\w*|pci_p2pdma_\w*map_sg\w*)$/;
var MIXING_PRODUCERS = /\b(FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA|sg_alloc_append_table_from_pages|sg_chain)\b/;
var REFS23 = ["P2P-008", "kernel/dma/direct.c (dma_direct_map_sg)", "drivers/iommu/dma-iommu.c (iommu_dma_map_sg)", "block/blk-mq-dma.c", 'LKML 2022 "[PATCH v7 08/21] iommu/dma: support PCI P2PDMA pages in dma-iommu map_sg" (Robin Murphy)'];
var p2pdmaMixedSgl = {
  meta: {
    id: ID26,
    defaultSeverity: "warning",
    certainty: "likely",
    description: "Scatterlists mixing P2PDMA and regular pages handled as if homogeneous (first-entry classification, zero-length BUS_ADDR segments in an IOMMU map)",
    catalogue: ["P2P-008"],
    docsUrl: docsUrl(ID26)
  },
  check(ctx) {
    const out = [];
    const mixingOf = lazy(() => MIXING_PRODUCERS.exec(reviewText(ctx))?.[1]);
    for (const fn of ctx.analysis.functions) {
      out.push(...zeroLengthBusSegments(ctx, fn));
      if (!ctx.analysis.calls(fn).some((s) => CLASSIFIERS.has(s.call.callee) || HOMOGENEOUS_MAPPERS.has(s.call.callee)))
        continue;
      const m = mixingOf();
      if (m)
        out.push(...firstEntryClassification(ctx, fn, m));
    }
    return out;
  }
};
function zeroLengthBusSegments(ctx, fn) {
  const out = [];
  walkStmts(fn.body, (stmt, parents) => {
    if (stmt.k !== "expr" || stmt.expr.k !== "assign" || stmt.expr.op !== "=")
      return;
    const { left, right } = stmt.expr;
    if (left.k !== "field" || left.field !== "length" || right.text.trim() !== "0")
      return;
    const holder = parents[parents.length - 1];
    const nextToContinue = !!holder && stmtChildren(holder).some((b) => b.k === "continue");
    if (!parents.some((p) => p.k === "loop") && !nextToContinue)
      return;
    const guards = guardingMapTypes(stmt, parents);
    const p2pGuard = parents.find((p) => p.k === "if" && /is_pci_p2pdma_page/.test(p.cond.text));
    if (!guards.has("BUS_ADDR") && !p2pGuard)
      return;
    const verdict = platformVerdict(ctx.model, (t) => t === "BUS_ADDR");
    out.push({
      line: stmt.line,
      function: fn,
      code: stmt.text,
      message: `\`${stmt.text.trim()}\` hides a P2PDMA bus-address segment from the IOMMU mapping by giving it a zero length; the mixed list still goes to the IOMMU and relies on size-0 mappings being skipped.`,
      why: "A list may mix RAM, host-bridge and BUS_ADDR P2PDMA segments. Bus-address segments must bypass the IOVA allocation altogether; a zero CPU length only works because iommu_map_sg()/__iommu_map() happen to accept size 0 today, corrupts the segment's length for later passes (finalise, unmap, restore), and breaks as soon as mixed lists are common (Robin Murphy on the dma-iommu P2PDMA series)." + brokenSentence(verdict, "segments are BUS_ADDR"),
      instead: "Mark the segment as a bus address (sg_dma_mark_bus_address()) with its dma_address and sg_dma_len set, leave ->length alone, and make the IOMMU mapping skip marked segments (iommu_map_sg() tests sg_dma_is_bus_address()); __finalise_sg() then copies marked segments into the output list without merging.",
      evidence: [
        ...p2pGuard ? [{ file: ctx.image.path, line: p2pGuard.line, note: `P2PDMA segment: \`${p2pGuard.cond.text.replace(/\s+/g, " ")}\`` }] : [],
        { file: ctx.image.path, line: stmt.line, note: "length zeroed instead of marking the segment" }
      ],
      platformNotes: verdict.notes,
      references: REFS23
    });
  });
  return out;
}
function firstEntryList(call) {
  for (const a of call.args) {
    const page = a.k === "field" && a.field === "pgmap" ? a.base : a;
    if (page.k === "call" && page.callee === "sg_page" && page.args[0])
      return page.args[0];
  }
  return void 0;
}
function iteratedHere(site, list) {
  const key2 = list.text.replace(/\s+/g, "");
  return site.stmtParents.some((p) => p.k === "loop" && p.header?.k === "call" && p.header.args.some((a, i) => i > 0 && a.text.replace(/\s+/g, "") === key2));
}
function listKey3(e) {
  const t = e.text.replace(/\s+/g, "").replace(/^&/, "");
  return t.replace(/(->|\.)sgl$/, "");
}
function firstEntryClassification(ctx, fn, mixing) {
  const out = [];
  const calls = ctx.analysis.calls(fn);
  for (const site of calls) {
    const c = site.call;
    let list;
    let what = "";
    if (CLASSIFIERS.has(c.callee)) {
      list = firstEntryList(c);
      what = `${c.callee}() of the first entry`;
    } else if (HOMOGENEOUS_MAPPERS.has(c.callee)) {
      list = c.args[1];
      what = `${c.callee}(), which requires every entry to be a P2PDMA page of one provider`;
    }
    if (!list || iteratedHere(site, list))
      continue;
    const key2 = listKey3(list);
    const consumer = calls.find((s) => s !== site && WHOLE_LIST.test(s.call.callee) && s.call.args.some((a) => listKey3(a) === key2));
    if (!consumer && !HOMOGENEOUS_MAPPERS.has(c.callee))
      continue;
    const verdict = platformVerdict(ctx.model, (t) => t !== "NONE");
    out.push({
      line: c.line,
      function: fn,
      code: c.text,
      message: `The whole list \`${list.text.replace(/\s+/g, "")}\` is handled according to ${what}, but lists in this code can mix P2PDMA and regular pages (${mixing} is used here).`,
      why: "A user buffer can span a P2PDMA mmap and ordinary memory, and appended or chained tables join pages from different sources, so one list may hold RAM pages, P2PDMA pages of several providers and several map types. Judging it by its first entry maps the rest with the wrong method: bus addresses for RAM, or CPU addresses for BUS_ADDR peers." + brokenSentence(verdict, "the map type differs from the first entry's"),
      instead: "Map the list with dma_map_sgtable(), which evaluates every segment (pci_p2pdma_state() per entry) and returns -EREMOTEIO for unreachable ones; if a homogeneous list is really required, enforce it where the list is built (split at zone_device_pages_have_same_pgmap() boundaries).",
      evidence: [{ file: ctx.image.path, line: c.line, note: what }, ...consumer ? [{ file: ctx.image.path, line: consumer.call.line, note: `the whole list goes to ${consumer.call.callee}()` }] : []],
      platformNotes: verdict.notes,
      references: REFS23
    });
  }
  return out;
}

// dist/src/rules/p2pdma-swiotlb.js
var ID27 = "p2pdma-swiotlb";
var FORCED_BOUNCE = /\b(is_swiotlb_force_bounce|dev_use_swiotlb|dev_use_sg_swiotlb|dev_is_untrusted|swiotlb_force)\b|!\s*dma_capable\s*\(/;
var BOUNCES = /^(swiotlb_map|swiotlb_tbl_map_single|swiotlb_bounce|iommu_dma_map_sg_swiotlb)$/;
var SEGMENT_SYNC = /^(swiotlb_sync_single_for_(cpu|device)|swiotlb_tbl_unmap_single|swiotlb_tbl_map_single|arch_sync_dma_for_(cpu|device)|dma_direct_sync_single_for_(cpu|device)|iommu_dma_sync_single_for_(cpu|device))$/;
var P2P_EXCLUSION = /\b(is_pci_p2pdma_page|pci_p2pdma_state|pci_p2pdma_map_type|sg_dma_is_bus_address|sg_is_dma_bus_address|DMA_ATTR_MMIO|PCI_P2PDMA_MAP_\w+|is_pci_p2pdma_folio)\b/;
var SEES_P2P = /\b(is_pci_p2pdma_page|pci_p2pdma_\w+|PCI_P2PDMA_MAP_\w+|sg_dma_mark_bus_address|sg_dma_is_bus_address|sg_is_dma_bus_address|FOLL_PCI_P2PDMA|ITER_ALLOW_P2PDMA)\b/;
var ATTR_MAPPERS = /^(dma_map_phys|dma_direct_map_phys|iommu_dma_map_phys|dma_iova_link|dma_map_page_attrs|dma_direct_map_page|iommu_dma_map_page)$/;
var REFS24 = ["P2P-007", "kernel/dma/direct.h (dma_direct_map_phys)", "drivers/iommu/dma-iommu.c (dev_use_sg_swiotlb, iommu_dma_map_sg_swiotlb)", "include/linux/dma-mapping.h (DMA_ATTR_MMIO)", 'LKML 2022 "Userspace P2PDMA with O_DIRECT NVMe devices" v5 cover: "Ensure swiotlb is not used with P2PDMA pages"'];
var p2pdmaSwiotlb = {
  meta: {
    id: ID27,
    defaultSeverity: "warning",
    certainty: "likely",
    description: "P2PDMA/peer MMIO that may be bounced through swiotlb or cache-synced (forced bounce before P2P exclusion, sync loops not skipping bus addresses, host-bridge maps without DMA_ATTR_MMIO)",
    catalogue: ["P2P-007"],
    docsUrl: docsUrl(ID27)
  },
  check(ctx) {
    const out = [];
    const seesP2p = lazy(() => SEES_P2P.test(reviewText(ctx)));
    for (const fn of ctx.analysis.functions) {
      if (ctx.analysis.calls(fn).some((s) => BOUNCES.test(s.call.callee) || SEGMENT_SYNC.test(s.call.callee)) && seesP2p()) {
        out.push(...bounceBeforeExclusion(ctx, fn));
        out.push(...syncLoopWithoutSkip(ctx, fn));
      }
      out.push(...hostBridgeWithoutMmio(ctx, fn));
    }
    return out;
  }
};
function verdictNotes(ctx) {
  return platformVerdict(ctx.model, (t) => t === "THRU_HOST_BRIDGE" || t === "BUS_ADDR");
}
function bounceBeforeExclusion(ctx, fn) {
  const out = [];
  walkStmts(fn.body, (stmt, parents) => {
    if (stmt.k !== "if" || !FORCED_BOUNCE.test(stmt.cond.text))
      return;
    const body = stmt.then.k === "block" ? stmt.then.body : [stmt.then];
    const bounce = firstCall(body, (c) => BOUNCES.test(c.callee));
    if (!bounce)
      return;
    const before = flatten(body).filter((s) => s.line < bounce.line || s.line === bounce.line && s.k === "if");
    if (P2P_EXCLUSION.test(stmt.cond.text) || before.some((s) => s.k === "if" && excludesAllP2p(s.cond)))
      return;
    if (excludedEarlier(fn, stmt.line) || parents.some((p) => p.k === "if" && P2P_EXCLUSION.test(p.cond.text)))
      return;
    const v = verdictNotes(ctx);
    out.push({
      line: bounce.line,
      function: fn,
      code: bounce.text,
      message: `\`${stmt.cond.text.replace(/\s+/g, " ")}\` sends the mapping to ${bounce.callee}() before P2PDMA pages are ruled out: a P2PDMA page here would be bounced through swiotlb.`,
      why: "Bouncing copies the data with the CPU between the swiotlb buffer and the page; for a P2PDMA page that is a memcpy to or from another device's BAR (forbidden CPU access), and the client then DMAs to the bounce buffer instead of the peer, so the peer-to-peer transfer silently becomes a host-memory one. Forced bouncing happens for confidential-computing guests, untrusted/external devices and addressing limits." + brokenSentence(v, "P2PDMA pages reach this mapping"),
      instead: "Refuse P2PDMA pages first (`if (is_pci_p2pdma_page(page)) return DMA_MAPPING_ERROR;` inside the bounce branch, or fail the map_sg with -EREMOTEIO), or map MMIO with DMA_ATTR_MMIO, which never bounces.",
      evidence: [{ file: ctx.image.path, line: stmt.line, note: `forced-bounce branch \`${stmt.cond.text.replace(/\s+/g, " ")}\`` }, { file: ctx.image.path, line: bounce.line, note: `${bounce.callee}() with no P2PDMA exclusion before it` }],
      platformNotes: v.notes,
      references: REFS24
    });
  });
  return out;
}
function excludesAllP2p(cond) {
  let all = false;
  walkExpr(cond, (e, parents) => {
    if (e.k !== "call" || !P2P_EXCLUSION.test(e.callee))
      return;
    if (!parents.some((p) => p.k === "binary" && p.op === "&&"))
      all = true;
  });
  return all;
}
function excludedEarlier(fn, line) {
  let found = false;
  walkStmts(fn.body, (s) => {
    if (found || s.k !== "if" || s.line >= line || !excludesAllP2p(s.cond))
      return;
    const then = s.then.k === "block" ? s.then.body : [s.then];
    if (then.some((t) => t.k === "return" || t.k === "goto"))
      found = true;
  });
  return found;
}
function firstCall(stmts, pred) {
  for (const e of exprsOf(stmts))
    if (e.k === "call" && pred(e))
      return e;
  return void 0;
}
function syncLoopWithoutSkip(ctx, fn) {
  const out = [];
  walkStmts(fn.body, (stmt, parents) => {
    if (stmt.k !== "loop" || stmt.form !== "macro" || !stmt.header || !/for_each_(sg|sgtable)/.test(stmt.header.text))
      return;
    const sync = firstCall([stmt.body], (c) => SEGMENT_SYNC.test(c.callee));
    if (!sync)
      return;
    if (exprsOf([stmt.body]).some((e) => e.k === "call" && P2P_EXCLUSION.test(e.callee)))
      return;
    if (parents.some((p) => p.k === "if" && /sg_dma_is_swiotlb|P2P|p2p/.test(p.cond.text) && p.then === stmt))
      return;
    if (parents.some((p) => p.k === "if" && /sg_dma_is_swiotlb/.test(p.cond.text)))
      return;
    const v = verdictNotes(ctx);
    out.push({
      line: sync.line,
      function: fn,
      code: sync.text,
      message: `This loop calls ${sync.callee}() on every mapped segment without skipping bus-address (P2PDMA) segments.`,
      why: "A list mapped by dma_map_sg() can contain PCI_P2PDMA_MAP_BUS_ADDR segments (marked with sg_dma_mark_bus_address()) whose dma_address is a peer's bus address, not memory: treating it as a swiotlb slot or a cache range syncs or copies the wrong memory. Host-bridge P2P segments are MMIO and need no cache maintenance either." + brokenSentence(v, "the list holds P2PDMA segments"),
      instead: "Skip marked segments in every per-segment pass (`if (sg_dma_is_bus_address(sg)) continue;`), and skip P2PDMA pages (is_pci_p2pdma_page(sg_page(sg))) before cache maintenance.",
      evidence: [{ file: ctx.image.path, line: stmt.line, note: `\`${stmt.header.text.replace(/\s+/g, " ")}\`` }, { file: ctx.image.path, line: sync.line, note: `${sync.callee}() for every segment` }],
      platformNotes: v.notes,
      references: REFS24
    });
  });
  return out;
}
function hostBridgeWithoutMmio(ctx, fn) {
  if (ctx.model.apiStatus("DMA_ATTR_MMIO")?.exists === false)
    return [];
  const out = [];
  const runs = [];
  for (const sw of mapTypeSwitches(fn)) {
    for (const c of switchCases(sw))
      if (c.mapTypes.includes("THRU_HOST_BRIDGE"))
        runs.push({ stmts: c.run, line: c.label.line });
  }
  walkStmts(fn.body, (s, parents) => {
    if (s.k === "if" && /==\s*PCI_P2PDMA_MAP_THRU_HOST_BRIDGE|PCI_P2PDMA_MAP_THRU_HOST_BRIDGE\s*==/.test(s.cond.text) && guardingMapTypes(s.then, [...parents, s]).has("THRU_HOST_BRIDGE")) {
      runs.push({ stmts: [s.then], line: s.line });
    }
  });
  for (const r of runs) {
    const exprs2 = exprsOf(r.stmts);
    if (exprs2.some((e) => e.k === "assign" && /DMA_ATTR_MMIO/.test(e.right.text)))
      continue;
    for (const e of exprs2) {
      if (e.k !== "call" || !ATTR_MAPPERS.test(e.callee))
        continue;
      if (e.args.some((a) => /DMA_ATTR_MMIO/.test(a.text)))
        continue;
      const attrs = e.args[e.args.length - 1];
      if (attrs && attrsCarryMmio(fn, attrs, e.line))
        continue;
      const v = platformVerdict(ctx.model, (t) => t === "THRU_HOST_BRIDGE");
      out.push({
        line: e.line,
        function: fn,
        code: e.text,
        message: `The PCI_P2PDMA_MAP_THRU_HOST_BRIDGE path maps peer MMIO with ${e.callee}() without DMA_ATTR_MMIO: the mapping may bounce it through swiotlb and apply CPU cache maintenance.`,
        why: "Host-bridge P2P targets another device's BAR. Without DMA_ATTR_MMIO the DMA core treats the physical address as RAM: dma-direct may bounce it (forced swiotlb, addressing limits) and syncs caches on non-coherent platforms, and IOMMU paths map it without IOMMU_MMIO. DMA_ATTR_MMIO exists to suppress exactly that." + brokenSentence(v, "traffic crosses the host bridge"),
        instead: "Add DMA_ATTR_MMIO for host-bridge P2P (`attrs |= DMA_ATTR_MMIO; fallthrough;` into the common mapping), as dma-direct and blk-mq-dma do.",
        evidence: [{ file: ctx.image.path, line: r.line, note: "PCI_P2PDMA_MAP_THRU_HOST_BRIDGE path" }, { file: ctx.image.path, line: e.line, note: `${e.callee}() without DMA_ATTR_MMIO` }],
        platformNotes: v.notes,
        references: REFS24,
        suggestion: attrs ? { startLine: e.line, endLine: e.line, replacement: (ctx.image.lineText.get(e.line) ?? "").replace(attrs.text, `${attrs.text} | DMA_ATTR_MMIO`), safety: "review" } : void 0
      });
    }
  }
  return out;
}
function attrsCarryMmio(fn, attrs, line) {
  if (attrs.k !== "ident")
    return false;
  return exprSitesOfKind(fn, "assign").some(({ expr: e, stmt }) => stmt.line <= line && e.left.k === "ident" && e.left.name === attrs.name && /DMA_ATTR_MMIO/.test(e.right.text));
}

// dist/src/rules/groups/p2pdma.js
var P2PDMA_RULES = [
  barAddrAsDmaAddr,
  gupP2pdmaFlags,
  p2pdmaBusAddrMark,
  p2pdmaEremoteio,
  p2pdmaGenallocRcu,
  p2pdmaMapResourceUnchecked,
  p2pdmaMapUnmapMismatch,
  p2pdmaMixedSgl,
  p2pdmaSwiotlb
];

// dist/src/rules/support/lock-summaries.js
var UNKEYED = /* @__PURE__ */ new Set(["rcu", "rcu_bh", "rcu_sched", "preempt", "irq", "bh"]);
function lockSummaries(model, ir) {
  const defs = /* @__PURE__ */ new Map();
  for (const fn of ir.functions)
    if (fn.name && !fn.synthetic && !defs.has(fn.name))
      defs.set(fn.name, fn);
  const sleeps = /* @__PURE__ */ new Map();
  const inProgress = /* @__PURE__ */ new Set();
  const sleepOf = (name) => {
    const known = sleeps.get(name);
    if (known !== void 0)
      return known ?? void 0;
    const fn = defs.get(name);
    if (!fn || inProgress.has(name))
      return void 0;
    inProgress.add(name);
    const entered = analyseLocks(fn, wrapped, { entry: [{ cls: "rcu", line: fn.line, call: "rcu_read_lock" }] });
    const hit = entered.sleepInSection.find((x) => x.sections?.some((sec) => sec.entry));
    let found = null;
    if (hit) {
      const site = callsIn(fn).find((c) => c.call.line === hit.line && c.call.callee === hit.call);
      const conditional = !!site && (site.stmtParents.some((p) => p.k === "if" || p.k === "switch") || site.exprParents.some((e) => e.k === "cond" || e.k === "binary" && (e.op === "&&" || e.op === "||")));
      found = { helper: name, line: hit.line, call: hit.call, why: hit.why, conditional };
    }
    inProgress.delete(name);
    sleeps.set(name, found);
    return found ?? void 0;
  };
  const lockOf2 = (fn) => {
    for (const a of fn.annotations) {
      const op = a.startsWith("__acquires") ? "acquire" : a.startsWith("__releases") ? "release" : void 0;
      if (!op)
        continue;
      const cls = annotatedClasses(a).filter((c) => UNKEYED.has(c)).pop();
      if (cls)
        return { cls, op };
    }
    return void 0;
  };
  const wrapped = {
    contract(name) {
      const real = model.contract(name);
      if (real)
        return real;
      const fn = defs.get(name);
      if (!fn)
        return void 0;
      const lock = lockOf2(fn);
      const sleep = sleepOf(name);
      if (!lock && !sleep)
        return void 0;
      return { name, ...lock ? { lock } : {}, ...sleep ? { mightSleep: true } : {}, source: "this file" };
    },
    passesThrough: (name) => model.passesThrough(name),
    describe: (kind) => model.describe(kind)
  };
  return { model: wrapped, sleepOf };
}

// dist/src/rules/support/hunk-spans.js
function spanVisible(image, from, to) {
  if (image.complete)
    return true;
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  for (let l = lo; l <= hi; l++)
    if (!image.lineText.has(l))
      return false;
  return true;
}
function visibleFromStart(image, fn, line) {
  if (fn.synthetic)
    return false;
  return spanVisible(image, fn.line, line);
}

// dist/src/rules/support/rcu-sections.js
var RCU_CLASSES = /* @__PURE__ */ new Set(["rcu", "rcu_bh", "rcu_sched", "srcu"]);
var RCU_NO_SLEEP = /* @__PURE__ */ new Set(["rcu", "rcu_bh", "rcu_sched"]);
function sectionName(cls) {
  switch (cls) {
    case "rcu_bh":
      return "RCU-bh read-side section";
    case "rcu_sched":
      return "RCU-sched read-side section";
    case "srcu":
      return "SRCU read-side section";
    default:
      return "RCU read-side section";
  }
}
var RCU_HELD_ASSERT = /\b(rcu_read_lock_held|rcu_read_lock_any_held|lockdep_assert_in_rcu_read_lock|lockdep_assert_in_rcu_reader)\b/;
function rcuHeldAssertion(ctx, fn) {
  for (const site of ctx.analysis.calls(fn)) {
    if (RCU_HELD_ASSERT.test(site.call.callee))
      return site.call.line;
  }
  return void 0;
}
function rcuLockFacts(ctx) {
  const cached = CACHE.get(ctx.analysis);
  if (cached)
    return cached;
  const summaries = lockSummaries(ctx.model, ctx.ir);
  const facts = ctx.analysis.functions.map((fn) => {
    const report9 = analyseLocks(fn, summaries.model);
    const out = { fn, report: report9 };
    const unlockedOnly = report9.releaseUnheld.filter((r) => RCU_NO_SLEEP.has(r.cls) && !visibleFromStart(ctx.image, fn, r.line));
    const entry = [...new Map(unlockedOnly.map((r) => [r.cls, r])).values()].map((r) => ({
      cls: r.cls,
      line: fn.line,
      call: acquireNameFor(r.call)
    }));
    const assertion = rcuHeldAssertion(ctx, fn);
    if (assertion && !entry.some((e) => e.cls === "rcu"))
      entry.push({ cls: "rcu", line: assertion, call: "rcu_read_lock" });
    if (entry.length)
      out.entered = analyseLocks(fn, summaries.model, { entry });
    if (assertion)
      out.assertsHeld = assertion;
    return out;
  });
  const result = { facts, summaries };
  CACHE.set(ctx.analysis, result);
  return result;
}
var CACHE = /* @__PURE__ */ new WeakMap();
function acquireNameFor(release) {
  return release.replace(/unlock/, "lock");
}
function releaseNameFor(acquire, cls, model) {
  const name = acquire.replace(/_lock(?=$|_)/, "_unlock");
  if (name === acquire)
    return void 0;
  const c = model.contract(name);
  return c?.lock?.op === "release" && c.lock.cls === cls ? name : void 0;
}
function releaseLines(fn, cls, model, calls) {
  return calls.filter((s) => {
    const l = model.contract(s.call.callee)?.lock;
    return l?.op === "release" && l.cls === cls;
  }).map((s) => s.call.line).filter((l) => l >= fn.line && l <= fn.endLine);
}
var RCU_TOKEN = /\b(rcu_read_lock|rcu_read_unlock|rcu_read_lock_bh|rcu_read_unlock_bh|rcu_read_lock_sched|rcu_read_unlock_sched|srcu_read_lock|srcu_read_unlock)\s*\(/g;
function irMissesRcuCalls(fn, calls) {
  if (!fn.text.includes("rcu_read_"))
    return false;
  const text = fn.text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, " ");
  const inText = /* @__PURE__ */ new Map();
  for (const m of text.matchAll(RCU_TOKEN))
    inText.set(m[1], (inText.get(m[1]) ?? 0) + 1);
  for (const [name, n] of inText) {
    if (calls.filter((c) => c.call.callee === name).length < n)
      return true;
  }
  return false;
}

// dist/src/rules/support/suggest.js
function insertBeforeReturn(ctx, fn, line, text) {
  let ret;
  let parent;
  walkStmts(fn.body, (s, parents) => {
    if (!ret && s.k === "return" && s.line === line) {
      ret = s;
      parent = parents[parents.length - 1];
    }
  });
  if (!ret || parent?.k !== "block" || ret.endLine !== ret.line)
    return void 0;
  const src = ctx.image.lineText.get(line);
  if (src === void 0)
    return void 0;
  const indent = /^\s*/.exec(src)?.[0] ?? "";
  return { startLine: line, endLine: line, replacement: `${indent}${text}
${src}`, safety: "review" };
}

// dist/src/rules/rcu-imbalance.js
var ID28 = "rcu-imbalance";
var REFS25 = [
  "seed 002",
  "include/linux/rcupdate.h (rcu_read_lock/rcu_read_unlock kerneldoc)",
  "Documentation/RCU/whatisRCU.rst",
  'LKML 2015-08 "[PATCH v5 2/5] allow mapping page-less memremaped areas into KVA"'
];
var rcuImbalance = {
  meta: {
    id: ID28,
    defaultSeverity: "error",
    certainty: "certain",
    description: "A path returns with an RCU read-side section still held, or unlocks a section it never locked",
    catalogue: ["seed 002"],
    docsUrl: docsUrl(ID28)
  },
  check(ctx) {
    const out = [];
    const { facts, summaries } = rcuLockFacts(ctx);
    for (const { fn, report: report9, assertsHeld } of facts) {
      if (fn.params.some((p) => /\bseq_file\b/.test(p.type)))
        continue;
      const calls = ctx.analysis.calls(fn);
      if (irMissesRcuCalls(fn, calls))
        continue;
      const passesThrough = (cls) => report9.releaseUnheld.some((u) => u.cls === cls) && report9.heldAtReturn.some((h) => h.cls === cls && !h.entry);
      const skip = (cls) => !RCU_CLASSES.has(cls) || report9.annotated.has(cls) || assertsHeld !== void 0 && cls !== "srcu" || passesThrough(cls);
      const byLock = /* @__PURE__ */ new Map();
      for (const h of report9.heldAtReturn) {
        if (skip(h.cls) || h.entry)
          continue;
        if (!spanVisible(ctx.image, h.lockLine, h.returnLine))
          continue;
        if (h.cls === "srcu" && srcuIndexHandedOn(fn, calls, h.lockLine, h.returnLine))
          continue;
        byLock.set(h.lockLine, [...byLock.get(h.lockLine) ?? [], h]);
      }
      for (const [lockLine, held] of byLock) {
        const first = held[0];
        const releases = releaseLines(fn, first.cls, summaries.model, calls).filter((l) => l > lockLine);
        if (correlated(fn, lockLine, releases))
          continue;
        if (!releases.length && WRAPPER_NAME.test(fn.name))
          continue;
        const failing = held.filter((h) => !h.implicit && errorShaped(fn, h.returnLine));
        const certainty = failing.length ? "certain" : "likely";
        const name = sectionName(first.cls);
        const unlock = releaseNameFor(first.lockCall, first.cls, summaries.model);
        const where = held.map((h) => h.implicit ? `the end of ${fnName(fn)}` : `line ${h.returnLine}`);
        const evidence = [
          { file: ctx.image.path, line: lockLine, note: `${first.lockCall}() opens the ${name}` },
          ...held.map((h) => ({
            file: ctx.image.path,
            line: h.returnLine,
            note: h.implicit ? "falls off the end with the section held" : "returns with the section still held"
          })),
          ...releases.slice(0, 3).map((l) => ({ file: ctx.image.path, line: l, note: "the section is closed here on another path" }))
        ];
        out.push({
          line: first.returnLine,
          startLine: lockLine,
          function: fn,
          code: `${first.lockCall}@${fnName(fn)}:held-at-return`,
          certainty,
          message: `${first.lockCall}() at line ${lockLine} is still held when ${fnName(fn)} returns at ${where.join(", ")}: ` + (releases.length ? `the ${name} is closed on another path (line ${releases[0]}) but not on ${held.length > 1 ? "these" : "this one"}.` : `no path of the function closes the ${name} it opened.`),
          why: `An RCU read-side critical section must begin and end in the same function on every path. Returning with it open leaves the caller inside a section it never entered: grace periods are held off until someone else happens to unlock, sleeping anywhere in the caller becomes a bug (with CONFIG_PREEMPT_RCU=n the section disables preemption), and lockdep and sparse report the imbalance ("context imbalance"). ` + (failing.length ? "This path reports an error, and a failing call does not hand its caller a critical section to close. " : releases.length ? "Because the function closes the section on another path, whether the caller ends up inside it depends on which path ran; if that is meant, it is an unannotated conditional hand-over. " : "") + (releases.length ? "" : "If the function is meant to return inside the section, nothing says so: it carries no __acquires() annotation."),
          instead: `Close the section before every return (${unlock ?? "the matching unlock"}(), usually at a common exit label). If the caller needs the object after the section ends, take a reference on it inside the section (kref_get_unless_zero(), percpu_ref_tryget_live()) and drop the section before returning; a deliberate hand-over must hold on every path and be annotated __acquires(RCU).`,
          evidence,
          references: REFS25,
          suggestion: held.length === 1 && unlock && !first.implicit ? insertBeforeReturn(ctx, fn, first.returnLine, `${unlock}();`) : void 0
        });
      }
      for (const u of report9.releaseUnheld) {
        if (skip(u.cls))
          continue;
        if (!visibleFromStart(ctx.image, fn, u.line))
          continue;
        const site = calls.find((c) => c.call.line === u.line && c.call.callee === u.call);
        if (u.cls === "srcu" && site && indexIsParameter(fn, site.call.args[1]))
          continue;
        const acquires = calls.filter((c) => summaries.model.contract(c.call.callee)?.lock?.op === "acquire" && summaries.model.contract(c.call.callee)?.lock?.cls === u.cls).map((c) => c.call.line);
        if (correlated(fn, u.line, acquires))
          continue;
        const name = sectionName(u.cls);
        const key2 = u.cls === "srcu" && site?.call.args[0] ? `srcu:${exprKey(site.call.args[0]).replace(/^&/, "")}` : u.cls;
        const entered = analyseLocks(fn, summaries.model, { entry: [{ cls: u.cls, key: key2, line: fn.line, call: u.call }] });
        const skipping = entered.heldAtReturn.filter((h) => h.entry && h.cls === u.cls);
        if (!skipping.length && WRAPPER_NAME.test(fn.name))
          continue;
        const certainty = "likely";
        out.push({
          line: u.line,
          function: fn,
          code: `${u.call}@${fnName(fn)}:release-unheld`,
          certainty,
          message: `${u.call}() at line ${u.line} closes an ${name} that ${fnName(fn)} never opened` + (skipping.length ? `, and the path returning at line ${skipping[0].returnLine} does not close it: the section's balance depends on which path the caller took.` : ": the section is opened by some other function and closed here."),
          why: `${u.call}() must pair with a lock taken earlier in the same function. Splitting a read-side section across functions (lock in one, unlock in another) ties the callers to an invisible protocol, hides how long the section lasts, and breaks as soon as one caller takes a different path; sparse reports it as a context imbalance unless the function is annotated __releases().`,
          instead: `Open and close the section in the same function. If a lookup must hand an object to a later function, take a reference on the object inside the section and drop the reference later, instead of keeping the section open between the two calls.`,
          evidence: [
            { file: ctx.image.path, line: fn.line, note: `${fnName(fn)} takes no ${name} on any path before line ${u.line}` },
            { file: ctx.image.path, line: u.line, note: `${u.call}() releases it` },
            ...skipping.slice(0, 2).map((h) => ({ file: ctx.image.path, line: h.returnLine, note: "this path returns without the unlock" }))
          ],
          references: REFS25
        });
      }
    }
    return out;
  }
};
var WRAPPER_NAME = /(^|_)(un)?lock(_|$)|(^|_)(enter|exit|begin|end|start|stop|acquire|release)(_|$)/;
function guardOf(fn, line) {
  let found;
  walkStmts(fn.body, (s) => {
    if (s.k === "if" && !s.else && s.then.line <= line && s.then.endLine >= line)
      found = s.cond.text.replace(/\s+/g, "");
  });
  return found;
}
function correlated(fn, line, partners) {
  const g = guardOf(fn, line);
  return g !== void 0 && partners.some((l) => guardOf(fn, l) === g);
}
function srcuIndexHandedOn(fn, calls, lockLine, returnLine) {
  const lock = calls.find((c) => c.call.line === lockLine && isSrcuLock(c));
  let ret;
  walkStmts(fn.body, (s) => {
    if (!ret && s.k === "return" && s.line === returnLine)
      ret = s;
  });
  if (!ret || ret.k !== "return" || !ret.value)
    return false;
  if (/\bsrcu_read_lock\w*\s*\(/.test(ret.value.text))
    return true;
  const target = lock ? resultVariable(lock) : void 0;
  return !!target && new RegExp(`\\b${target}\\b`).test(ret.value.text);
}
function isSrcuLock(c) {
  return /^srcu_read_lock/.test(c.call.callee);
}
function resultVariable(site) {
  const parent = site.exprParents[site.exprParents.length - 1];
  if (parent?.k === "assign" && parent.left.k === "ident")
    return parent.left.name;
  if (!parent && site.stmt.k === "decl")
    return site.stmt.vars.find((v) => v.init === site.call)?.name;
  return void 0;
}
function indexIsParameter(fn, e) {
  return !!e && e.k === "ident" && fn.params.some((p) => p.name === e.name);
}
function errorShaped(fn, line) {
  let value;
  walkStmts(fn.body, (s) => {
    if (!value && s.k === "return" && s.line === line && s.value)
      value = stripCasts(s.value);
  });
  if (!value)
    return false;
  if (value.k === "unary" && value.op === "-")
    return true;
  if (value.k === "call" && /^(ERR_PTR|ERR_CAST)$/.test(value.callee))
    return true;
  return value.k === "literal" && value.lit === "null" || value.k === "ident" && value.name === "NULL";
}
function fnName(fn) {
  return fn.name ? `${fn.name}()` : "the function";
}

// dist/src/rules/rcu-sleep.js
var ID29 = "rcu-sleep";
var REFS26 = [
  'include/linux/rcupdate.h (rcu_read_lock kerneldoc: "it is illegal to block while in an RCU read-side critical section")',
  "Documentation/RCU/whatisRCU.rst",
  "include/linux/gfp_types.h (GFP_KERNEL may enter direct reclaim)",
  'linux-pci 2024-01 "PCI/P2PDMA: Fix a sleeping issue in a RCU read section"'
];
var rcuSleep = {
  meta: {
    id: ID29,
    defaultSeverity: "error",
    certainty: "certain",
    description: "A call that may sleep (GFP_KERNEL allocation, mutex_lock, synchronize_rcu, msleep, ...) inside an RCU read-side section",
    catalogue: ["\xA7F.1"],
    docsUrl: docsUrl(ID29)
  },
  check(ctx) {
    const out = [];
    const { facts, summaries } = rcuLockFacts(ctx);
    for (const { fn, report: report9, entered } of facts) {
      const calls = ctx.analysis.calls(fn);
      if (irMissesRcuCalls(fn, calls))
        continue;
      const seen = /* @__PURE__ */ new Set();
      const judge2 = (s, inferred) => {
        const rcu = (s.sections ?? [{ cls: s.cls, line: s.sectionLine, call: s.sectionCall, entry: s.entry }]).find((sec) => RCU_NO_SLEEP.has(sec.cls));
        if (!rcu || seen.has(`${s.line}:${s.call}`))
          return;
        let closeLine;
        if (rcu.entry) {
          closeLine = unlockAfter(calls, s.line, rcu.cls, summaries.model);
          if (closeLine === void 0 || !spanVisible(ctx.image, s.line, closeLine))
            return;
        } else if (!spanVisible(ctx.image, rcu.line, s.line)) {
          return;
        }
        const site = calls.find((c) => c.call.line === s.line && c.call.callee === s.call);
        const helper = ctx.model.contract(s.call) ? void 0 : summaries.sleepOf(s.call);
        if (helper && site?.call.calleeExpr && site.call.calleeExpr.k !== "ident")
          return;
        if (helper?.conditional)
          return;
        seen.add(`${s.line}:${s.call}`);
        const certainty = inferred || rcu.entry ? "likely" : "certain";
        const name = sectionName(rcu.cls);
        const evidence = [
          rcu.entry ? { file: ctx.image.path, line: closeLine, note: `${rcu.call.replace(/lock/, "unlock")}() here closes an ${name} opened above the hunk, so the code before it runs inside the section` } : { file: ctx.image.path, line: rcu.line, note: `${rcu.call}() opens the ${name}` },
          { file: ctx.image.path, line: s.line, note: s.why },
          ...helper ? [{ file: ctx.image.path, line: helper.line, note: `inside ${helper.helper}(): ${helper.why}` }] : []
        ];
        out.push({
          line: s.line,
          function: fn,
          code: site?.call.text ?? s.call,
          certainty,
          message: (helper ? `${s.call}() calls ${helper.call}() (line ${helper.line}), which may sleep, ` : `${s.call}() may sleep, `) + `but it runs inside the ${name} ` + (rcu.entry ? `that ends at line ${closeLine}.` : `opened at line ${rcu.line} (${rcu.call}()).`),
          why: `${helper ? `${helper.why} (in ${helper.helper}())` : s.why}. Blocking is illegal inside an RCU read-side critical section: with CONFIG_PREEMPT_RCU=n the section runs with preemption disabled ("BUG: sleeping function called from invalid context" / "scheduling while atomic"), and with preemptible RCU a reader that sleeps stalls every grace period behind it. SRCU is the variant whose readers may sleep.`,
          instead: insteadFor4(s, site),
          evidence,
          references: REFS26,
          suggestion: site ? atomicGfp(ctx, site) : void 0
        });
      };
      for (const s of report9.sleepInSection)
        judge2(s, false);
      for (const s of entered?.sleepInSection ?? [])
        if (s.entry || s.sections?.some((x) => x.entry))
          judge2(s, true);
    }
    return out;
  }
};
function unlockAfter(calls, line, cls, model) {
  const lines = calls.filter((c) => c.call.line >= line && model.contract(c.call.callee)?.lock?.op === "release" && model.contract(c.call.callee)?.lock?.cls === cls).map((c) => c.call.line);
  return lines.length ? Math.min(...lines) : void 0;
}
function insteadFor4(s, site) {
  const gfp = site ? gfpArgument(site.call) : void 0;
  if (gfp) {
    return `Use a non-blocking mask here (GFP_ATOMIC, or GFP_NOWAIT when failure is cheap to handle), or move the ${s.call}() call out of the section: allocate before rcu_read_lock(), or take a reference on the object under RCU and do the blocking work after rcu_read_unlock().`;
  }
  return `Move ${s.call}() out of the read-side section: finish the RCU lookup, take a reference on what you need (kref_get_unless_zero(), percpu_ref_tryget_live()), call rcu_read_unlock(), then do the blocking work. If the readers must block, the data structure needs SRCU or a sleeping lock instead of RCU.`;
}
function atomicGfp(ctx, site) {
  const gfp = gfpArgument(site.call);
  if (!gfp || !/^\s*GFP_(KERNEL|NOFS|NOIO)\s*$/.test(gfp))
    return void 0;
  for (let l = site.call.line; l <= site.call.endLine; l++) {
    const text = ctx.image.lineText.get(l);
    if (text && /\bGFP_(KERNEL|NOFS|NOIO)\b/.test(text)) {
      return { startLine: l, endLine: l, replacement: text.replace(/\bGFP_(KERNEL|NOFS|NOIO)\b/, "GFP_ATOMIC"), safety: "review" };
    }
  }
  return void 0;
}

// dist/src/analysis/refs.js
var MAX_STATES2 = 64;
function refKey(e) {
  let cur = stripCasts(e);
  while (cur.k === "addr")
    cur = stripCasts(cur.arg);
  return exprKey(cur);
}
function serialise(s) {
  const h = s.held.map((x) => `${x.key}@${x.line}${x.nullable ? "?" : ""}${x.passed ? "p" : ""}`).join("|");
  const v = Object.entries(s.vals).map(([k, f]) => `${k}=${f.v}`).sort().join(",");
  return `${h}#${v}`;
}
function withHeld(s, held) {
  return { held, vals: s.vals };
}
function withVal(s, name, fact) {
  const vals = { ...s.vals };
  if (fact)
    vals[name] = fact;
  else
    delete vals[name];
  return { held: s.held, vals };
}
function isZeroLiteral(e) {
  const s = stripCasts(e);
  return s.k === "literal" && (s.lit === "null" || /^0[uUlL]*$/.test(s.text.trim())) || s.k === "ident" && s.name === "NULL";
}
function isNegative(e) {
  const s = stripCasts(e);
  return s.k === "unary" && s.op === "-" && (s.arg.k === "literal" || s.arg.k === "ident" && /^E[A-Z0-9]+$/.test(s.arg.name));
}
function factOf(e, line) {
  const s = stripCasts(e);
  if (isNegative(s))
    return { v: "neg", line, note: `set to ${s.text}` };
  if (isZeroLiteral(s))
    return { v: "zero", line, note: `set to ${s.text}` };
  if (s.k === "call" && /^(ERR_PTR|ERR_CAST)$/.test(s.callee))
    return { v: "errptr", line, note: `set to ${s.text}` };
  if (s.k === "call" && s.callee === "PTR_ERR")
    return { v: "neg", line, note: `set to ${s.text}` };
  return void 0;
}
function applyCall2(ctx, st, call, skipTryget) {
  const op = ctx.ops.get(call.callee);
  if (op?.kind === "put" && typeof op.key === "number") {
    const arg = call.args[op.key];
    if (!arg)
      return st;
    const key2 = refKey(arg);
    ctx.report.releases.push({ key: key2, family: op.family, line: call.line, call: call.callee });
    return withHeld(st, st.held.filter((h) => !(h.key === key2 && h.family === op.family)));
  }
  if (op?.kind === "get" && typeof op.key === "number") {
    const arg = call.args[op.key];
    if (!arg)
      return st;
    const key2 = refKey(arg);
    ctx.report.acquires.push({ key: key2, family: op.family, line: call.line, call: call.callee, kind: "get" });
    if (st.held.some((h) => h.key === key2 && h.family === op.family))
      return st;
    return withHeld(st, [...st.held, { key: key2, family: op.family, line: call.line, call: call.callee, nullable: false, handle: false }]);
  }
  if (op?.kind === "tryget" && !skipTryget && typeof op.key === "number" && call.args[op.key]) {
    ctx.report.acquires.push({ key: refKey(call.args[op.key]), family: op.family, line: call.line, call: call.callee, kind: "tryget" });
    return st;
  }
  if (op)
    return st;
  const args = new Set(call.args.map((a) => refKey(a)));
  if (!st.held.some((h) => args.has(h.key) && !h.passed))
    return st;
  return withHeld(st, st.held.map((h) => args.has(h.key) ? { ...h, passed: true } : h));
}
function evalExpr2(ctx, st, e, skipTryget = false) {
  if (e.k === "assign") {
    const cur2 = evalExpr2(ctx, st, e.right, skipTryget);
    return assign(ctx, cur2, e.left, e.right, e.line);
  }
  let cur = st;
  for (const c of exprChildren(e))
    cur = evalExpr2(ctx, cur, c, skipTryget);
  if (e.k === "call")
    cur = applyCall2(ctx, cur, e, skipTryget);
  return cur;
}
function assign(ctx, st, left, right, line) {
  const target = refKey(left);
  const value = stripCasts(right);
  let cur = st;
  if (value.k === "call") {
    const op = ctx.ops.get(value.callee);
    if (op?.kind === "get" && op.key === "result") {
      if (stripCasts(left).k !== "ident")
        return withVal(cur, target, void 0);
      const consumed = op.consumes !== void 0 && value.args[op.consumes] && !isZeroLiteral(value.args[op.consumes]) ? refKey(value.args[op.consumes]) : void 0;
      ctx.report.acquires.push({ key: target, family: op.family, line, call: value.callee, kind: "get" });
      const held = cur.held.filter((h) => !(h.family === op.family && (h.key === target || h.key === consumed)));
      return withVal(withHeld(cur, [...held, { key: target, family: op.family, line, call: value.callee, nullable: true, handle: true }]), target, void 0);
    }
  }
  const valueKey = refKey(value);
  if (valueKey !== target && cur.held.some((h) => h.key === valueKey)) {
    cur = withHeld(cur, cur.held.filter((h) => h.key !== valueKey));
  }
  if (cur.held.some((h) => h.key === target) && valueKey !== target) {
    cur = withHeld(cur, cur.held.filter((h) => h.key !== target));
  }
  return withVal(cur, target, factOf(right, line));
}
var PASS_THROUGH = /^(likely|unlikely|WARN_ON|WARN_ON_ONCE)$/;
function factsOf(ctx, e) {
  const s = stripCasts(e);
  if (s.k === "call" && PASS_THROUGH.test(s.callee) && s.args[0])
    return factsOf(ctx, s.args[0]);
  if (s.k === "unary" && s.op === "!") {
    const inner = factsOf(ctx, s.arg);
    return { t: inner.f, f: inner.t };
  }
  if (s.k === "binary" && s.op === "&&") {
    const a = factsOf(ctx, s.left);
    const b = factsOf(ctx, s.right);
    return { t: [...a.t, ...b.t], f: [] };
  }
  if (s.k === "binary" && s.op === "||") {
    const a = factsOf(ctx, s.left);
    const b = factsOf(ctx, s.right);
    return { t: [], f: [...a.f, ...b.f] };
  }
  if (s.k === "call") {
    const op = ctx.ops.get(s.callee);
    if (op?.kind === "tryget" && typeof op.key === "number" && s.args[op.key]) {
      const key2 = refKey(s.args[op.key]);
      if (!ctx.report.acquires.some((a) => a.line === s.line && a.key === key2)) {
        ctx.report.acquires.push({ key: key2, family: op.family, line: s.line, call: s.callee, kind: "tryget" });
      }
      return { t: [{ t: "acq", key: key2, op, line: s.line, call: s.callee }], f: [] };
    }
    if (s.callee === "IS_ERR" && s.args[0]) {
      const key2 = refKey(s.args[0]);
      return { t: [{ t: "val", key: key2, fact: { v: "errptr", line: s.line, note: `\`${s.text}\` is true` } }], f: [] };
    }
    if (s.callee === "IS_ERR_OR_NULL" && s.args[0]) {
      return { t: [], f: [{ t: "nonnull", key: refKey(s.args[0]) }] };
    }
    return { t: [], f: [] };
  }
  if (s.k === "assign")
    return factsOf(ctx, s.left);
  if (s.k === "ident" || s.k === "field") {
    const key2 = refKey(s);
    return {
      t: [{ t: "nonnull", key: key2 }, { t: "val", key: key2, fact: { v: "nonzero", line: s.line, note: `\`${key2}\` tested non-zero` } }],
      f: [{ t: "null", key: key2 }, { t: "val", key: key2, fact: { v: "zero", line: s.line, note: `\`${key2}\` tested zero` } }]
    };
  }
  if (s.k === "binary" && (s.op === "==" || s.op === "!=")) {
    const other = isZeroLiteral(s.right) ? s.left : isZeroLiteral(s.left) ? s.right : void 0;
    if (other) {
      const key2 = refKey(other);
      const zero = [{ t: "null", key: key2 }, { t: "val", key: key2, fact: { v: "zero", line: s.line, note: `\`${s.text}\`` } }];
      const nonzero = [{ t: "nonnull", key: key2 }, { t: "val", key: key2, fact: { v: "nonzero", line: s.line, note: `\`${s.text}\`` } }];
      return s.op === "==" ? { t: zero, f: nonzero } : { t: nonzero, f: zero };
    }
  }
  if (s.k === "binary" && (s.op === "<" || s.op === ">") && (isZeroLiteral(s.right) || isZeroLiteral(s.left))) {
    const neg = s.op === "<" && isZeroLiteral(s.right) ? s.left : s.op === ">" && isZeroLiteral(s.left) ? s.right : void 0;
    if (neg)
      return { t: [{ t: "val", key: refKey(neg), fact: { v: "neg", line: s.line, note: `\`${s.text}\`` } }], f: [] };
  }
  return { t: [], f: [] };
}
function applyFacts(st, facts) {
  let cur = st;
  for (const f of facts) {
    if (f.t === "acq") {
      if (!cur.held.some((h) => h.key === f.key && h.family === f.op.family)) {
        cur = withHeld(cur, [...cur.held, { key: f.key, family: f.op.family, line: f.line, call: f.call, nullable: false, handle: false }]);
      }
    } else if (f.t === "null") {
      cur = withHeld(cur, cur.held.filter((h) => h.key !== f.key));
    } else if (f.t === "nonnull") {
      if (cur.held.some((h) => h.key === f.key && h.nullable)) {
        cur = withHeld(cur, cur.held.map((h) => h.key === f.key ? { ...h, nullable: false } : h));
      }
    } else {
      cur = withVal(cur, f.key, f.fact);
    }
  }
  return cur;
}
var FAULT_ERRORS = /^VM_FAULT_(SIGBUS|OOM|SIGSEGV|HWPOISON|HWPOISON_LARGE|ERROR)$/;
var ERROR_CODE_NAME = /^(ret|rc|err|error|retval|status)$/;
function errorOf(ctx, st, value, line) {
  if (!value)
    return void 0;
  const s = stripCasts(value);
  if (isNegative(s))
    return { line, note: `returns ${s.text}` };
  if (s.k === "call" && /^(ERR_PTR|ERR_CAST|PTR_ERR)$/.test(s.callee))
    return { line, note: `returns ${s.text}` };
  if (ctx.pointerReturn && isZeroLiteral(s))
    return { line, note: `returns ${s.text}` };
  if (s.k === "ident" && FAULT_ERRORS.test(s.name))
    return { line, note: `returns ${s.name}` };
  if (s.k === "ident" || s.k === "field") {
    const f = st.vals[refKey(s)];
    if (!f)
      return void 0;
    if (f.v === "neg" || f.v === "errptr")
      return { line: f.line, note: `\`${refKey(s)}\` ${f.note}` };
    if (f.v === "nonzero" && (ctx.intReturn || ctx.unknownReturn && ERROR_CODE_NAME.test(refKey(s)))) {
      return { line: f.line, note: `\`${refKey(s)}\` is an error code here (${f.note})` };
    }
    if (f.v === "zero" && ctx.pointerReturn)
      return { line: f.line, note: `\`${refKey(s)}\` is NULL here (${f.note})` };
  }
  return void 0;
}
function checkReturn2(ctx, states, value, line, text, implicit) {
  const returned = value ? refKey(value) : void 0;
  for (const st of states) {
    const error = errorOf(ctx, st, value, line);
    for (const h of st.held) {
      if (h.key === returned)
        continue;
      if (!error && !(h.handle && !h.passed))
        continue;
      if (ctx.report.leaks.some((l) => l.held.line === h.line && l.held.key === h.key && l.returnLine === line))
        continue;
      ctx.report.leaks.push({ held: h, returnLine: line, returnText: text, implicit, ...error ? { error } : {} });
    }
  }
}
function refDomain(ctx) {
  return {
    key: serialise,
    expr: (st, e) => evalExpr2(ctx, st, e),
    decl(st, vars) {
      let cur = st;
      for (const v of vars) {
        if (!v.init)
          continue;
        cur = evalExpr2(ctx, cur, v.init);
        cur = assign(ctx, cur, { line: v.line, endLine: v.endLine, text: v.name, k: "ident", name: v.name }, v.init, v.line);
      }
      return cur;
    },
    branch(states, cond) {
      const after = states.map((st) => evalExpr2(ctx, st, cond, true));
      const facts = factsOf(ctx, cond);
      return { then: after.map((st) => applyFacts(st, facts.t)), else: after.map((st) => applyFacts(st, facts.f)) };
    },
    onReturn: (states, st) => checkReturn2(ctx, states, st.value, st.line, st.text, false),
    maxStates: MAX_STATES2
  };
}
function analyseRefs(fn, ops, opts = {}) {
  const report9 = { leaks: [], releases: [], acquires: [] };
  const rt = fn.returnType;
  const head = fn.text.slice(0, Math.max(0, fn.text.indexOf("{")));
  const starName = fn.name ? new RegExp(`\\*\\s*${fn.name}\\s*\\(`).test(head) : false;
  const ctx = {
    fn,
    ops: new Map(ops.map((o) => [o.name, o])),
    report: report9,
    pointerReturn: /\*/.test(rt) || starName,
    intReturn: !/\*/.test(rt) && !starName && /\b(int|long|ssize_t|vm_fault_t|blk_status_t|s32|s64)\b/.test(rt),
    unknownReturn: rt.trim() === ""
  };
  const entry = {
    held: (opts.entry ?? []).map((e) => ({ ...e, nullable: false, handle: false, entry: true })),
    vals: {}
  };
  const end = walkPaths(fn.body, refDomain(ctx), [entry]);
  if (!fn.synthetic)
    checkReturn2(ctx, end, void 0, fn.endLine, "", true);
  return report9;
}

// dist/src/rules/zone-device-pgmap-ref.js
var ID30 = "zone-device-pgmap-ref";
var PGMAP_REF_OPS = [
  { name: "get_dev_pagemap", kind: "get", family: "pgmap", key: "result", consumes: 1 },
  { name: "put_dev_pagemap", kind: "put", family: "pgmap", key: 0 },
  { name: "percpu_ref_get", kind: "get", family: "percpu_ref", key: 0 },
  { name: "percpu_ref_get_many", kind: "get", family: "percpu_ref", key: 0 },
  { name: "percpu_ref_tryget", kind: "tryget", family: "percpu_ref", key: 0 },
  { name: "percpu_ref_tryget_many", kind: "tryget", family: "percpu_ref", key: 0 },
  { name: "percpu_ref_tryget_live", kind: "tryget", family: "percpu_ref", key: 0 },
  { name: "percpu_ref_tryget_live_rcu", kind: "tryget", family: "percpu_ref", key: 0 },
  { name: "percpu_ref_put", kind: "put", family: "percpu_ref", key: 0 },
  { name: "percpu_ref_put_many", kind: "put", family: "percpu_ref", key: 0 }
];
var PUT_FOR = { pgmap: "put_dev_pagemap", percpu_ref: "percpu_ref_put" };
var GENALLOC = /^gen_pool_(alloc|alloc_owner|alloc_algo|alloc_algo_owner|free|free_owner|dma_alloc\w*)$/;
var OWNERLESS_ALLOC = /* @__PURE__ */ new Set(["gen_pool_alloc", "gen_pool_alloc_algo", "gen_pool_dma_alloc", "gen_pool_dma_zalloc"]);
var WAITS = /^(wait_for_completion\w*|wait_event\w*|wait_var_event\w*|percpu_ref_switch_to_atomic_sync|wait_on_bit\w*)$/;
var PGMAP_CONTEXT = /\b(dev_pagemap|pgmap|devm_memremap_pages|memremap_pages|MEMORY_DEVICE_\w+)\b/;
var REFS27 = [
  "MM-003",
  "kernel-model.md \xA7A.2",
  "mm/memremap.c (memunmap_pages: percpu_ref_kill, wait_for_completion(&pgmap->done), percpu_ref_exit)",
  "drivers/pci/p2pdma.c (pci_alloc_p2pmem/pci_free_p2pmem: gen_pool_alloc_owner + percpu_ref_tryget_live_rcu, percpu_ref_put)",
  'linux-pci 2025-12 "PCI/P2PDMA: Release the per-cpu ref of pgmap when vm_insert_page() fails"'
];
var zoneDevicePgmapRef = {
  meta: {
    id: ID30,
    defaultSeverity: "error",
    certainty: "certain",
    description: "dev_pagemap references leaked on an error path, not taken for pool memory, or not waited for at teardown",
    catalogue: ["MM-003", "\xA7A.2"],
    docsUrl: docsUrl(ID30)
  },
  check(ctx) {
    const out = [];
    const imageText = [...ctx.image.lineText.values()].join("\n");
    for (const fn of ctx.analysis.functions) {
      const calls = ctx.analysis.calls(fn);
      out.push(...leaksIn(ctx, fn, calls));
      out.push(...killWithoutWait(ctx, fn, calls));
    }
    if (PGMAP_CONTEXT.test(imageText))
      out.push(...ownerlessAllocations(ctx));
    return out;
  }
};
function leaksIn(ctx, fn, calls) {
  if (!calls.some((c) => PGMAP_REF_OPS.some((o) => o.name === c.call.callee)))
    return [];
  const out = [];
  const report9 = analyseRefs(fn, PGMAP_REF_OPS);
  for (const leak of report9.leaks) {
    if (!spanVisible(ctx.image, leak.held.line, leak.returnLine))
      continue;
    if (!qualifies(fn, calls, leak.held.key, leak.held.family))
      continue;
    const managed = report9.releases.some((r) => r.key === leak.held.key && r.family === leak.held.family);
    const certainty = !leak.held.nullable && leak.error && managed ? "certain" : "likely";
    out.push(leakReport(ctx, fn, leak, report9, certainty, void 0));
  }
  const entryKeys = inferredEntryKeys(ctx, fn, report9);
  if (entryKeys.length) {
    const entered = analyseRefs(fn, PGMAP_REF_OPS, { entry: entryKeys.map((k) => ({ key: k.key, family: k.family, line: fn.line, call: k.call })) });
    for (const leak of entered.leaks) {
      if (!leak.held.entry || !leak.error)
        continue;
      const get = entryKeys.find((k) => k.key === leak.held.key);
      if (!spanVisible(ctx.image, leak.returnLine, get.line))
        continue;
      if (!qualifies(fn, calls, leak.held.key, leak.held.family))
        continue;
      const unwind = unwindCallBefore(ctx, fn, leak.returnLine);
      if (!unwind)
        continue;
      out.push(leakReport(ctx, fn, leak, entered, "likely", { getLine: get.line, getCall: get.call, unwind }));
    }
  }
  return out;
}
function inferredEntryKeys(ctx, fn, report9) {
  const out = [];
  for (const a of report9.acquires) {
    if (a.kind !== "get" || a.family !== "percpu_ref" || visibleFromStart(ctx.image, fn, a.line))
      continue;
    const earlier = report9.acquires.some((b) => b.key === a.key && b.line < a.line);
    if (!earlier && !out.some((k) => k.key === a.key))
      out.push({ key: a.key, family: a.family, line: a.line, call: a.call });
  }
  return out;
}
function qualifies(fn, calls, key2, family) {
  if (family === "pgmap")
    return true;
  if (/pgmap|pagemap/i.test(key2))
    return true;
  let assignedFromPgmap = false;
  walkStmts(fn.body, (s) => {
    if (s.k === "expr" && s.expr.k === "assign" && refKey(s.expr.left) === key2 && /pgmap|pagemap/i.test(s.expr.right.text))
      assignedFromPgmap = true;
    if (s.k === "decl") {
      for (const v of s.vars)
        if (v.name === key2 && v.init && /pgmap|pagemap/i.test(v.init.text))
          assignedFromPgmap = true;
    }
  });
  if (assignedFromPgmap)
    return true;
  return calls.some((c) => GENALLOC.test(c.call.callee));
}
function unwindCallBefore(ctx, fn, line) {
  let found;
  walkStmts(fn.body, (s, parents) => {
    if (found || s.k !== "return" || s.line !== line)
      return;
    const block = parents[parents.length - 1];
    if (block?.k !== "block")
      return;
    for (const prior of block.body) {
      if (prior.line >= line)
        break;
      for (const c of ctx.analysis.calls(fn)) {
        if (c.stmt !== prior)
          continue;
        if (ctx.model.contract(c.call.callee)?.category === "free") {
          found = { line: c.call.line, call: c.call.callee };
          return;
        }
      }
    }
  });
  return found;
}
function leakReport(ctx, fn, leak, report9, certainty, inferred) {
  const h = leak.held;
  const put = PUT_FOR[h.family] ?? "the matching put";
  const name = fn.name ? `${fn.name}()` : "the function";
  const what = h.family === "pgmap" ? `the dev_pagemap reference in \`${h.key}\`` : `the pgmap reference \`${h.key}\``;
  const releases = report9.releases.filter((r) => r.key === h.key && r.family === h.family);
  const evidence = [];
  if (inferred) {
    evidence.push({ file: ctx.image.path, line: inferred.getLine, note: `${inferred.getCall}(${h.key}) takes another reference: \`${h.key}\` is already held before this hunk` });
    evidence.push({ file: ctx.image.path, line: inferred.unwind.line, note: `the error path unwinds with ${inferred.unwind.call}()` });
  } else {
    evidence.push({ file: ctx.image.path, line: h.line, note: `${h.call}() takes ${what}` });
  }
  if (leak.error)
    evidence.push({ file: ctx.image.path, line: leak.error.line, note: leak.error.note });
  evidence.push({ file: ctx.image.path, line: leak.returnLine, note: leak.error ? `returns the error with the reference still held` : "returns without putting the reference or handing it on" });
  for (const r of releases.slice(0, 2))
    evidence.push({ file: ctx.image.path, line: r.line, note: `${r.call}() drops it on another path` });
  const where = leak.implicit ? `at the end of ${name}` : `at line ${leak.returnLine}`;
  return {
    line: leak.returnLine,
    startLine: inferred ? void 0 : h.line,
    function: fn,
    code: `${h.call}(${h.key})@${fn.name}:${leak.returnText.replace(/\s+/g, " ")}`,
    certainty,
    message: leak.error ? `${name} returns an error ${where} while still holding ${what}${inferred ? "" : ` (taken by ${h.call}() at line ${h.line})`}: this path never calls ${put}().` : `${name} drops \`${h.key}\` ${where} without ${put}(): the reference from ${h.call}() at line ${h.line} can never be put.`,
    why: `A dev_pagemap stays alive while its percpu_ref has users: memunmap_pages() (mm/memremap.c) kills pgmap->ref and waits in wait_for_completion(&pgmap->done) until every get has been matched by a put. A reference leaked here is never put, so removing the device (devm release of the pgmap, PCI unbind) hangs forever.` + (inferred ? ` The reference is taken above this hunk: ${inferred.getCall}() at line ${inferred.getLine} adds to it on the success path, which is only safe while it is held, and the error path frees the memory with ${inferred.unwind.call}() but leaves the reference.` : ""),
    instead: `Drop the reference on every failure path after it is taken (${put}(${h.key})), preferably through the same unwind label the other error paths use, so success and failure cannot drift apart.`,
    evidence,
    references: REFS27,
    suggestion: leak.error && !leak.implicit ? insertBeforeReturn(ctx, fn, leak.returnLine, `${put}(${h.key});`) : void 0
  };
}
function ownerlessAllocations(ctx) {
  const owners = ctx.analysis.callsTo(["gen_pool_add_owner"]).filter(({ site }) => site.call.args[0]);
  if (!owners.length)
    return [];
  const out = [];
  for (const { fn, site } of ctx.analysis.callsTo(OWNERLESS_ALLOC)) {
    const pool = site.call.args[0];
    if (!pool)
      continue;
    const owner = owners.find(({ site: o }) => samePool(o.call.args[0], pool));
    if (!owner)
      continue;
    out.push({
      line: site.call.line,
      function: fn,
      code: site.call.text,
      certainty: "likely",
      message: `${site.call.callee}(${pool.text}, ...) allocates from a pool whose chunks are added with an owner (gen_pool_add_owner() at line ${owner.site.call.line}), but drops the owner: no pgmap reference is taken for this memory, so device teardown will not wait for it.`,
      why: "In a P2PDMA-style pool each chunk's owner is the dev_pagemap's percpu_ref. pci_alloc_p2pmem() and p2pmem_alloc_mmap() (drivers/pci/p2pdma.c) allocate with gen_pool_alloc_owner() and take that ref with percpu_ref_tryget_live*() (and one per page handed to userspace); the pgmap page_free callback and pci_free_p2pmem() put it. memunmap_pages() waits for those references before the memory goes away. Memory allocated without one (and pages mapped from it) can outlive the device: nothing waits for the page references to drop before the BAR is unmapped.",
      instead: "Allocate with gen_pool_alloc_owner(pool, size, (void **)&ref), take the reference with percpu_ref_tryget_live_rcu(ref) (failing the allocation if the pgmap is dying), take one more per page mapped to userspace, and put it when the memory is freed (gen_pool_free_owner() + percpu_ref_put()); or simply use pci_alloc_p2pmem()/pci_free_p2pmem().",
      evidence: [
        { file: ctx.image.path, line: owner.site.call.line, note: "chunks are added with an owner reference" },
        { file: ctx.image.path, line: site.call.line, note: `${site.call.callee}() returns memory without its owner` }
      ],
      references: REFS27
    });
  }
  return out;
}
function samePool(a, b) {
  if (!a)
    return false;
  if (refKey(a) === refKey(b))
    return true;
  return a.k === "field" && b.k === "field" && a.field === b.field;
}
function killWithoutWait(ctx, fn, calls) {
  const out = [];
  for (const kill of calls.filter((c) => c.call.callee === "percpu_ref_kill" && c.call.args[0])) {
    const key2 = refKey(kill.call.args[0]);
    if (!/pgmap/i.test(key2))
      continue;
    const exit = calls.find((c) => c.call.callee === "percpu_ref_exit" && c.call.args[0] && refKey(c.call.args[0]) === key2 && c.call.line > kill.call.line);
    if (!exit || !spanVisible(ctx.image, kill.call.line, exit.call.line))
      continue;
    const waited = calls.some((c) => c.call.line > kill.call.line && c.call.line < exit.call.line && (WAITS.test(c.call.callee) || ctx.model.contract(c.call.callee)?.mightSleep === true && /wait|drain|sync/.test(c.call.callee)));
    if (waited)
      continue;
    out.push({
      line: exit.call.line,
      startLine: kill.call.line,
      function: fn,
      code: `${exit.call.text}@${fn.name}`,
      certainty: "certain",
      message: `percpu_ref_exit(${key2}) follows percpu_ref_kill() at line ${kill.call.line} without waiting for the outstanding references to drain.`,
      why: "percpu_ref_kill() only starts the switch to atomic mode and drops the initial reference; pages and allocations of the pgmap still hold theirs. memunmap_pages() (mm/memremap.c) therefore waits in wait_for_completion(&pgmap->done), which the ref's release callback completes, before percpu_ref_exit() and before the memmap is removed. Exiting first frees the counter while users still put it and lets the memory disappear under them.",
      instead: "After percpu_ref_kill(), wait for the release callback (wait_for_completion() on the completion it signals), then call percpu_ref_exit().",
      evidence: [
        { file: ctx.image.path, line: kill.call.line, note: "percpu_ref_kill() starts the teardown" },
        { file: ctx.image.path, line: exit.call.line, note: "percpu_ref_exit() with no wait in between" }
      ],
      references: REFS27
    });
  }
  return out;
}

// dist/src/rules/zone-device-refcount.js
var ID31 = "zone-device-refcount";
var DEVMAP_MANAGED = [
  "page_is_devmap_managed",
  "put_devmap_managed_page",
  "put_devmap_managed_page_refs",
  "put_devmap_managed_folio_refs",
  "__put_devmap_managed_folio_refs",
  "free_devmap_managed_page",
  "devmap_managed_key",
  "devmap_managed_enable_get",
  "devmap_managed_enable_put"
];
var DEVMAP_RE = new RegExp(`\\b(${DEVMAP_MANAGED.join("|")})\\b`);
var DEVMAP_DEF_RE = new RegExp(`^\\s*(?:static\\s+)?(?:inline\\s+)?(?:bool|void|int)\\s+\\*?(?:${DEVMAP_MANAGED.join("|")})\\s*\\(|DEFINE_STATIC_KEY_\\w+\\(\\s*devmap_managed_key`);
var PAGE_REF_UP = /\b(get_page|folio_get|page_ref_inc|page_ref_add|folio_ref_inc|folio_ref_add|init_page_count|set_page_count|folio_set_count|try_get_page|folio_try_get)\s*\(/;
var RAW_INIT = /* @__PURE__ */ new Set(["get_page", "init_page_count", "set_page_count", "page_ref_inc", "folio_get", "folio_set_count"]);
var PAGE_INIT_OPS = [
  { name: "zone_device_page_init", kind: "get", family: "zd-page", key: 0 },
  { name: "zone_device_folio_init", kind: "get", family: "zd-page", key: 0 },
  { name: "put_page", kind: "put", family: "zd-page", key: 0 },
  { name: "folio_put", kind: "put", family: "zd-page", key: 0 }
];
var REFS28 = [
  "\xA7F.1",
  'kernel-model.md \xA7F.2 (dev_pagemap "free at refcount 1" semantics, devmap_managed helpers)',
  "mm/memremap.c (free_zone_device_folio, zone_device_page_init)",
  "include/linux/memremap.h (dev_pagemap_ops.page_free)"
];
var zoneDeviceRefcount = {
  meta: {
    id: ID31,
    defaultSeverity: "warning",
    certainty: "likely",
    description: "ZONE_DEVICE page refcount convention broken: 1-based helpers removed while FS_DAX depends on them, raw initial counts, pages abandoned on error paths",
    catalogue: ["\xA7F.1"],
    docsUrl: docsUrl(ID31)
  },
  check(ctx) {
    const out = [];
    if (ctx.side === "new")
      out.push(...conventionRemoved(ctx));
    for (const fn of ctx.analysis.functions) {
      const calls = ctx.analysis.calls(fn);
      out.push(...rawInitialCount(ctx, fn, calls));
      out.push(...abandonedPages(ctx, fn, calls));
    }
    return out;
  }
};
var removedConvention = memoize((patch) => Object.freeze(scanRemovals(patch)));
function scanRemovals(patch) {
  const removed = [];
  for (const f of patch.files) {
    for (const h of f.hunks) {
      for (const l of h.lines) {
        if (l.kind === "add" && DEVMAP_RE.test(l.text))
          return [];
        if (l.kind === "del" && DEVMAP_DEF_RE.test(l.text) && l.oldLine !== void 0) {
          removed.push({ file: f.oldPath ?? f.newPath ?? "", line: l.oldLine, text: l.text.trim() });
        }
      }
    }
  }
  return removed;
}
function addsDaxPageReference(patch) {
  return patch.files.some((f) => /\bdax\b/.test(f.newPath ?? "") && f.hunks.some((h) => h.lines.some((l) => l.kind === "add" && PAGE_REF_UP.test(l.text))));
}
function conventionRemoved(ctx) {
  const removed = removedConvention(ctx.patch);
  if (!removed.length || addsDaxPageReference(ctx.patch))
    return [];
  const gone = ctx.model.apiStatus("devmap_managed_key")?.removedIn;
  const target = targetVersion(ctx.patch, ctx.model);
  if (gone && atOrAfter(target.version, gone))
    return [];
  const out = [];
  const removedEvidence = removed.slice(0, 3).map((r) => ({ file: r.file, line: r.line, side: "old", note: `removed: \`${r.text}\`` }));
  for (const fn of ctx.analysis.functions) {
    walkStmts(fn.body, (s) => {
      if (s.k !== "case" || !s.value || !/\bMEMORY_DEVICE_FS_DAX\b/.test(s.value.text))
        return;
      const wake = s.body.flatMap((b) => callsOfStmt(b)).find((c) => c.callee === "wake_up_var" && /_refcount/.test(c.text));
      if (!wake || !spanVisible(ctx.image, s.line, wake.line))
        return;
      out.push(report8(ctx, fn, gone, s.line, `${fn.name}:FS_DAX-idle-wake`, [
        ...removedEvidence,
        { file: ctx.image.path, line: s.line, note: "FS_DAX pages still reach this free path" },
        { file: ctx.image.path, line: wake.line, note: `${wake.text}: their "free" only wakes waiters on the refcount` }
      ], `${fnName2(fn)} still handles MEMORY_DEVICE_FS_DAX pages by waking waiters on the page refcount, but this patch removes the 1-based refcount that FS_DAX idle tracking relies on.`));
    });
    if (!/dax/i.test(fn.name))
      continue;
    for (const site of ctx.analysis.calls(fn)) {
      if (!/^(page_ref_count|page_count|folio_ref_count)$/.test(site.call.callee))
        continue;
      const cmp = site.exprParents[site.exprParents.length - 1];
      if (cmp?.k !== "binary" || !/^(==|!=|>|<|>=|<=)$/.test(cmp.op))
        continue;
      out.push(report8(ctx, fn, gone, site.call.line, `${fn.name}:${cmp.text.replace(/\s+/g, "")}`, [
        ...removedEvidence,
        { file: ctx.image.path, line: site.call.line, note: `\`${cmp.text}\` decides whether a DAX page is in use from its refcount` }
      ], `${fnName2(fn)} judges an FS_DAX page idle or busy by \`${cmp.text}\`, but once the extra ZONE_DEVICE reference is gone a page that is mapped into user page tables holds no reference at all.`));
    }
  }
  return out;
}
function callsOfStmt(s) {
  const out = [];
  walkStmts(s, (x) => {
    const exprs2 = x.k === "expr" ? [x.expr] : x.k === "decl" ? x.vars.flatMap((v) => v.init ? [v.init] : []) : x.k === "return" && x.value ? [x.value] : x.k === "if" ? [x.cond] : [];
    for (const e of exprs2)
      walkExpr(e, (c) => {
        if (c.k === "call")
          out.push(c);
      });
  });
  return out;
}
function report8(ctx, fn, gone, line, code2, evidence, message) {
  return {
    line,
    function: fn,
    code: code2,
    certainty: "likely",
    message,
    why: `With the 1-based convention a free ZONE_DEVICE page has refcount 1, and put_page() sends the 2 \u2192 1 transition to put_devmap_managed_page(), which wakes DAX waiters (dax_layout_busy_page()) or frees device-private pages. Removing it makes pages free at 0, which is only correct when every page type gets a reference from whoever hands it out (device drivers call zone_device_page_init()). FS_DAX pages are inserted into page tables by fs/dax.c without taking a page reference, so after this change a mapped FS_DAX page sits at refcount 0 \u2014 the value this patch calls free: GUP's try_grab_page() refuses or warns on it, and DAX truncation sees busy pages as idle. Upstream kept the 1-based handling for FS_DAX until fs/dax.c learned to refcount its pages${gone ? ` (the helpers are gone in ${gone})` : ""}.`,
    instead: "Keep the 1-based handling for MEMORY_DEVICE_FS_DAX (page_is_devmap_managed() true only for FS_DAX) until fs/dax.c takes a page reference for every mapping, and convert only the types whose allocators set the count (device-private, coherent).",
    evidence,
    references: [...REFS28, `linux-pci 2022-01 "[PATCH v5 02/24] mm: remove extra ZONE_DEVICE struct page refcount" (review: "can't be applied until the FSDAX issues are solved")`]
  };
}
function fnName2(fn) {
  return fn.name ? `${fn.name}()` : "this code";
}
function rawInitialCount(ctx, fn, calls) {
  const devicePages = /* @__PURE__ */ new Set();
  for (const { expr: e, stmt: s } of exprSitesOfKind(fn, "assign")) {
    if (s.k === "expr" && s.expr === e && e.left.k === "field" && e.left.field === "zone_device_data") {
      devicePages.add(refKey(e.left.base));
    }
  }
  if (!devicePages.size)
    return [];
  const status = ctx.model.apiStatus("zone_device_page_init");
  const target = targetVersion(ctx.patch, ctx.model);
  if (!status?.exists || !status.since || !atOrAfter(target.version, status.since))
    return [];
  const out = [];
  for (const site of calls) {
    if (!RAW_INIT.has(site.call.callee) || !site.call.args[0])
      continue;
    const page = refKey(site.call.args[0]);
    if (!devicePages.has(page))
      continue;
    out.push({
      line: site.call.line,
      function: fn,
      code: site.call.text,
      certainty: "likely",
      message: `${site.call.callee}(${page}) gives a ZONE_DEVICE page its initial reference by hand; on ${target.version} (${target.note}) a driver hands out device pages with zone_device_page_init().`,
      why: "Free ZONE_DEVICE pages sit at refcount 0 and each allocated page pins the dev_pagemap: zone_device_page_init() (mm/memremap.c) takes the pgmap reference with percpu_ref_tryget_live() and sets the count to 1, and free_zone_device_folio() puts the pgmap reference when the page is freed. Raising the count by hand skips the pgmap reference (the later put underflows it) and, with get_page() on a zero count, trips the refcount sanity checks.",
      instead: `Call zone_device_page_init(${page}) when handing the page out (it also locks the page), and let put_page() return it through the pgmap's page_free callback.`,
      evidence: [{ file: ctx.image.path, line: site.call.line, note: `${site.call.callee}() on a page whose zone_device_data this function sets` }],
      references: REFS28,
      suggestion: site.call.callee === "init_page_count" || site.call.callee === "get_page" ? replaceCall(ctx, site, `zone_device_page_init(${site.call.args[0].text})`) : void 0
    });
  }
  return out;
}
function replaceCall(ctx, site, replacement) {
  if (site.call.line !== site.call.endLine)
    return void 0;
  const text = ctx.image.lineText.get(site.call.line);
  if (!text || !text.includes(site.call.text))
    return void 0;
  return { startLine: site.call.line, endLine: site.call.line, replacement: text.replace(site.call.text, replacement), safety: "review" };
}
function abandonedPages(ctx, fn, calls) {
  if (!calls.some((c) => c.call.callee === "zone_device_page_init" || c.call.callee === "zone_device_folio_init"))
    return [];
  const out = [];
  for (const leak of analyseRefs(fn, PAGE_INIT_OPS).leaks) {
    if (!leak.error || !spanVisible(ctx.image, leak.held.line, leak.returnLine))
      continue;
    const h = leak.held;
    out.push({
      line: leak.returnLine,
      startLine: h.line,
      function: fn,
      code: `${h.call}(${h.key})@${fn.name}:${leak.returnText.replace(/\s+/g, " ")}`,
      certainty: "likely",
      message: `${fnName2(fn)} returns an error at line ${leak.returnLine} after ${h.call}(${h.key}) at line ${h.line} without releasing the page: its refcount stays at 1 and the pgmap reference is never put.`,
      why: `${h.call}() sets the page's refcount to 1 and takes a reference on its dev_pagemap (mm/memremap.c). Only the final put_page()/folio_put() returns the page to the driver (page_free) and drops the pgmap reference; an abandoned page is lost to the driver's allocator, and memunmap_pages() waits forever for the pgmap reference at device removal.`,
      instead: `Release the page on the error path with put_page(${h.key}) (after unlock_page() if it is still locked), like the success path's eventual free.`,
      evidence: [
        { file: ctx.image.path, line: h.line, note: `${h.call}() gives the page a reference and pins the pgmap` },
        ...leak.error ? [{ file: ctx.image.path, line: leak.error.line, note: leak.error.note }] : [],
        { file: ctx.image.path, line: leak.returnLine, note: "returns without put_page()" }
      ],
      references: REFS28
    });
  }
  return out;
}

// dist/src/rules/groups/locking.js
var LOCKING_RULES = [rcuImbalance, rcuSleep, zoneDevicePgmapRef, zoneDeviceRefcount];

// dist/src/rules/index.js
var BUILTIN = [...CORE_RULES, ...SCATTERLIST_RULES, ...DMA_RULES, ...P2PDMA_RULES, ...LOCKING_RULES].sort((a, b) => a.meta.id < b.meta.id ? -1 : 1);
function builtinRules() {
  return BUILTIN;
}
function ruleIds() {
  return BUILTIN.map((r) => r.meta.id);
}
function enabledRules(config, extra = []) {
  return [...BUILTIN, ...extra].filter((r) => config.rules[r.meta.id]?.enabled !== false);
}

export {
  FileAnalysis,
  builtinRules,
  ruleIds,
  enabledRules
};
