import { readFileSync, readdirSync } from 'node:fs';
import { summarizeProfile } from '../dist/bench/cpu-profile.js';
const f = readdirSync('/tmp/prof')[0];
const s = summarizeProfile(JSON.parse(readFileSync('/tmp/prof/'+f,'utf8')), '/work/main', 30);
console.log(s.totalMs);
for (const m of s.modules.slice(0,15)) console.log(m.module.padEnd(40), m.selfMs.toFixed(0), (m.share*100).toFixed(1));
for (const m of s.functions) console.log(m.function.padEnd(40), m.location.padEnd(50), m.selfMs.toFixed(0), (m.share*100).toFixed(1));
