// dist/src/model/versions.js
var MAINLINE_VERSION = "7.0";
var VERSION_RE = /^(?:v|linux-)?(\d+)\.(\d+)(?:\.(\d+))?(?:-rc(\d+))?(?:[-+.~].*)?$/i;
function parseKernelVersion(s) {
  const v = tryParseKernelVersion(s);
  if (!v) {
    throw new Error(`"${s}" is not a kernel version: expected MAJOR.MINOR[.PATCH][-rcN], e.g. 6.12 or v6.13-rc3`);
  }
  return v;
}
function tryParseKernelVersion(s) {
  let t = s.trim();
  let approx = false;
  if (t.startsWith("\u2248") || t.startsWith("~")) {
    approx = true;
    t = t.slice(1).trim();
  }
  const m = VERSION_RE.exec(t);
  if (!m)
    return void 0;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major < 2 || major > 99 || minor > 99)
    return void 0;
  const v = { major, minor, approx, text: `${major}.${minor}` };
  if (m[3] !== void 0)
    v.patch = Number(m[3]);
  if (m[4] !== void 0)
    v.rc = Number(m[4]);
  return v;
}
function compareVersions(a, b) {
  const va = typeof a === "string" ? parseKernelVersion(a) : a;
  const vb = typeof b === "string" ? parseKernelVersion(b) : b;
  return va.major !== vb.major ? va.major - vb.major : va.minor - vb.minor;
}
var COMMIT_VERSIONS = [
  { sha: "e783362eb54cd99b2cac8b3a9aeac942e6f6ac07", version: "5.17-rc1", label: "Linux 5.17-rc1" },
  { sha: "4fe89d07dcc2804c8b562f6c7896a45643d34b2f", version: "6.0", label: "Linux 6.0" },
  { sha: "ffc253263a1375a65fa6c9f62a893e9767fbebfa", version: "6.6", label: "Linux 6.6" },
  { sha: "adc218676eef25575469234709c2d87185ca223a", version: "6.12", label: "Linux 6.12" }
];
function versionForCommit(sha) {
  const s = sha.trim().toLowerCase();
  if (!/^[0-9a-f]{7,40}$/.test(s))
    return void 0;
  const hits = COMMIT_VERSIONS.filter((c) => c.sha.startsWith(s));
  return hits.length === 1 ? hits[0].version : void 0;
}
var RELEASES = [
  ["4.0", "2015-04-12"],
  ["4.1", "2015-06-21"],
  ["4.2", "2015-08-30"],
  ["4.3", "2015-11-01"],
  ["4.4", "2016-01-10"],
  ["4.5", "2016-03-13"],
  ["4.6", "2016-05-15"],
  ["4.7", "2016-07-24"],
  ["4.8", "2016-10-02"],
  ["4.9", "2016-12-11"],
  ["4.10", "2017-02-19"],
  ["4.11", "2017-04-30"],
  ["4.12", "2017-07-02"],
  ["4.13", "2017-09-03"],
  ["4.14", "2017-11-12"],
  ["4.15", "2018-01-28"],
  ["4.16", "2018-04-01"],
  ["4.17", "2018-06-03"],
  ["4.18", "2018-08-12"],
  ["4.19", "2018-10-22"],
  ["4.20", "2018-12-23"],
  ["5.0", "2019-03-03"],
  ["5.1", "2019-05-05"],
  ["5.2", "2019-07-07"],
  ["5.3", "2019-09-15"],
  ["5.4", "2019-11-24"],
  ["5.5", "2020-01-26"],
  ["5.6", "2020-03-29"],
  ["5.7", "2020-05-31"],
  ["5.8", "2020-08-02"],
  ["5.9", "2020-10-11"],
  ["5.10", "2020-12-13"],
  ["5.11", "2021-02-14"],
  ["5.12", "2021-04-25"],
  ["5.13", "2021-06-27"],
  ["5.14", "2021-08-29"],
  ["5.15", "2021-10-31"],
  ["5.16", "2022-01-09"],
  ["5.17", "2022-03-20"],
  ["5.18", "2022-05-22"],
  ["5.19", "2022-07-31"],
  ["6.0", "2022-10-02"],
  ["6.1", "2022-12-11"],
  ["6.2", "2023-02-19"],
  ["6.3", "2023-04-23"],
  ["6.4", "2023-06-25"],
  ["6.5", "2023-08-27"],
  ["6.6", "2023-10-30"],
  ["6.7", "2024-01-07"],
  ["6.8", "2024-03-10"],
  ["6.9", "2024-05-12"],
  ["6.10", "2024-07-14"],
  ["6.11", "2024-09-15"],
  ["6.12", "2024-11-17"],
  ["6.13", "2025-01-19"],
  ["6.14", "2025-03-24"],
  ["6.15", "2025-05-25"],
  ["6.16", "2025-07-27"],
  ["6.17", "2025-09-28"],
  ["6.18", "2025-11-30"],
  ["6.19", "2026-02-08"],
  ["7.0", "2026-04-12"]
];
var RELEASE_TIMES = RELEASES.map(([, d]) => Date.parse(`${d}T00:00:00Z`));
var MERGE_WINDOW_MS = 14 * 24 * 3600 * 1e3;
function versionAtDate(date) {
  const t = Date.parse(date);
  if (Number.isNaN(t))
    return void 0;
  let found;
  RELEASE_TIMES.forEach((d, i) => {
    if (d <= t)
      found = i;
  });
  if (found === void 0)
    return void 0;
  const tagged = RELEASE_TIMES[found];
  const next = RELEASES[found + 1];
  return next && t >= tagged + MERGE_WINDOW_MS ? next[0] : RELEASES[found][0];
}

export {
  MAINLINE_VERSION,
  parseKernelVersion,
  tryParseKernelVersion,
  compareVersions,
  versionForCommit,
  versionAtDate
};
