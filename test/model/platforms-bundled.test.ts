// The precompiled bundled profiles (src/model/platforms/bundled.ts) never drift from their YAML sources: the
// file is exactly what the precompiler writes today, and each profile loaded from it is the Platform the
// YAML + zod path builds.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPlatformDir, bundledPlatforms, loadPlatform, platformFromObject } from '../../src/model/index.js';
import { PRECOMPILED_FILE, precompilePlatforms, precompiledPlatformsSource } from '../../src/model/platforms-precompile.js';
import { BUNDLED_PLATFORM_INPUTS } from '../../src/model/platforms/bundled.js';
import { parseYamlText } from '../../src/model/topology.js';

const dir = bundledPlatformDir();
const NAMES = readdirSync(dir).filter((f) => f.endsWith('.yml')).map((f) => f.slice(0, -'.yml'.length)).sort();
const yamlPlatform = (name: string, origin: string) => platformFromObject(parseYamlText(readFileSync(join(dir, `${name}.yml`), 'utf8'), origin), origin, dir);

describe('precompiled bundled platforms', () => {
  test(`${PRECOMPILED_FILE} is what the precompiler writes from the YAML profiles (regenerate: see its header)`, () => {
    expect(readFileSync(join(dir, PRECOMPILED_FILE), 'utf8')).toBe(precompiledPlatformsSource(dir));
  });

  test('every bundled profile is precompiled', () => {
    expect(Object.keys(precompilePlatforms(dir))).toEqual(NAMES);
    expect(bundledPlatforms().map((p) => p.name)).toEqual(NAMES);
  });

  // By name and by path: whichever came first is cached for both and sets the origin, as for YAML-loaded ones.
  test.each(NAMES)('%s: by name, the Platform the YAML gives', (name) => {
    const platform = loadPlatform(name);
    expect([`${name} (bundled)`, join(dir, `${name}.yml`)]).toContain(platform.origin);
    expect(platform).toStrictEqual(yamlPlatform(name, platform.origin));
  });

  test.each(NAMES)('%s: by path, the Platform the YAML gives', (name) => {
    const platform = loadPlatform(join(dir, `${name}.yml`));
    expect(platform).toBe(loadPlatform(name));
    expect(platform).toStrictEqual(yamlPlatform(name, platform.origin));
  });

  test('a loaded platform does not share objects with the precompiled data', () => {
    const input = BUNDLED_PLATFORM_INPUTS['x86_64-vtd'];
    expect(loadPlatform('x86_64-vtd').topology.input).toEqual(input?.topology);
    expect(loadPlatform('x86_64-vtd').topology.input).not.toBe(input?.topology);
  });
});
