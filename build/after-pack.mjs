import { flipFuses } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinaryPath, fuseConfig, FUSES } from '../scripts/release/fuses.mjs';

/**
 * electron-builder only warns when a resources folder is missing, so a pack started without
 * `npm run dist*` (which builds it first) would ship an app that cannot open its database.
 */
function requireElectronSqlite(context, platform, arch) {
  const resources =
    platform === 'darwin' || platform === 'mas'
      ? join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : join(context.appOutDir, 'resources');
  const addon = join(resources, 'native', 'electron', `${platform}-${arch}`, 'better_sqlite3.node');
  if (!existsSync(addon)) {
    throw new Error(`the packed app has no Electron build of better-sqlite3 (${addon}): run \`npm run native:electron -- --dist\` before packing, as npm run dist does`);
  }
}

/** electron-builder afterPack hook: checks the native addon is in, then sets the Electron fuses before anything is signed. */
export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const arch = Arch[context.arch];
  requireElectronSqlite(context, platform, arch);
  const binary = electronBinaryPath({
    appOutDir: context.appOutDir,
    platform,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  await flipFuses(binary, fuseConfig({ platform, arch }));
  const settings = Object.entries(FUSES).map(([name, enabled]) => `${name}=${enabled ? 'on' : 'off'}`);
  console.log(`  • fuses set on ${binary} (${platform} ${arch}): ${settings.join(', ')}`);
}
