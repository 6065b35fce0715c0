import { flipFuses } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { electronBinaryPath, fuseConfig, FUSES } from '../scripts/release/fuses.mjs';

/** electron-builder afterPack hook: sets the Electron fuses before anything is signed. */
export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const arch = Arch[context.arch];
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
