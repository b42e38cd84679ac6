// Rules of the locking group (one file per rule in src/rules/; this list registers them): RCU sections and
// ZONE_DEVICE reference/refcount pairing, all built on the path analyses in src/analysis (locks.ts, refs.ts).
import type { Rule } from '../types.js';
import { rcuImbalance } from '../rcu-imbalance.js';
import { rcuSleep } from '../rcu-sleep.js';
import { zoneDevicePgmapRef } from '../zone-device-pgmap-ref.js';
import { zoneDeviceRefcount } from '../zone-device-refcount.js';

export const LOCKING_RULES: Rule[] = [rcuImbalance, rcuSleep, zoneDevicePgmapRef, zoneDeviceRefcount];
