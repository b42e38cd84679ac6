// Finds a Linux 6.12 source tree for the kernel-derived inputs and for checkpatch.pl: an extracted tree
// (KERNEL_SRC, or ../linux-6.12 next to the repository), else the Debian linux-source-6.12 tarball, extracted
// once into the benchmark cache. Absent both, the kernel inputs are skipped with a message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The Debian package's tarball (`apt-get install linux-source-6.12`; `dpkg -L linux-source-6.12` lists it). */
export const DEBIAN_TARBALL = '/usr/src/linux-source-6.12.tar.xz';

/** Paths inside the tree the benchmark reads: the series directories, the large patch's files, checkpatch. */
export const NEEDED_PATHS = ['lib', 'kernel/dma', 'drivers/pci', 'mm', 'drivers/iommu/dma-iommu.c', 'scripts', 'include/linux'];

/** A usable kernel tree, or why there is none. */
export type KernelSource = { dir: string; origin: string } | { skip: string };

function looksLikeTree(dir: string): boolean {
  return existsSync(join(dir, 'scripts/checkpatch.pl')) && existsSync(join(dir, 'drivers/pci/p2pdma.c'));
}

/**
 * Locates the kernel source. `repoRoot` anchors the `../linux-6.12` default; `cacheDir` receives the
 * extracted tarball (kept between runs: extracting xz takes a while).
 */
export function locateKernelSource(repoRoot: string, cacheDir: string, env: NodeJS.ProcessEnv = process.env, tarball = DEBIAN_TARBALL): KernelSource {
  if (env.KERNEL_SRC) {
    const dir = resolve(env.KERNEL_SRC);
    return looksLikeTree(dir) ? { dir, origin: `KERNEL_SRC=${dir}` } : { skip: `KERNEL_SRC=${dir} is not a kernel source tree (no scripts/checkpatch.pl or drivers/pci/p2pdma.c)` };
  }
  const sibling = resolve(repoRoot, '..', 'linux-6.12');
  if (looksLikeTree(sibling)) return { dir: sibling, origin: sibling };
  const extracted = join(cacheDir, 'linux-source-6.12');
  if (existsSync(join(extracted, '.extracted')) && looksLikeTree(extracted)) return { dir: extracted, origin: `${tarball} (extracted earlier into ${extracted})` };
  if (!existsSync(tarball)) {
    return { skip: `no kernel source: set KERNEL_SRC, extract Linux 6.12 to ${sibling}, or install linux-source-6.12 (apt-get install linux-source-6.12; dpkg -L linux-source-6.12 shows ${tarball})` };
  }
  return extractTarball(tarball, cacheDir, extracted);
}

function extractTarball(tarball: string, cacheDir: string, target: string): KernelSource {
  // The tarball's top directory is linux-source-6.12/ in Debian's package; read it rather than assume it.
  const listing = spawnSync('sh', ['-c', `tar -tJf '${tarball.replace(/'/g, "'\\''")}' | head -n 1`], { encoding: 'utf8' });
  const top = listing.stdout.split('/')[0]?.trim();
  if (!top) return { skip: `${tarball}: cannot list the archive (${listing.stderr.trim() || 'no entries'})` };
  const staging = join(cacheDir, 'extract-tmp');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  process.stderr.write(`bench: extracting ${NEEDED_PATHS.join(', ')} from ${tarball} (once; cached in ${target})\n`);
  const members = NEEDED_PATHS.map((p) => `${top}/${p}`);
  const tar = spawnSync('tar', ['-xJf', tarball, '-C', staging, ...members], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (tar.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    return { skip: `${tarball}: tar failed (${tar.stderr.trim().split('\n')[0] ?? `exit ${tar.status}`})` };
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(join(staging, top), target);
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(join(target, '.extracted'), `${tarball}\n`);
  return { dir: target, origin: `${tarball} (extracted into ${target})` };
}
