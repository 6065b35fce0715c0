import { execFileSync } from 'node:child_process';
import { windowsSignPlan } from '../scripts/release/windows-sign.mjs';

/**
 * electron-builder's custom Windows sign hook (win.signtoolOptions.sign), called once per
 * file to sign. With a certificate and no WINDOWS_SIGN_COMMAND it hands the file back to
 * electron-builder's own signtool step, which a custom hook otherwise replaces.
 */
export default async function sign(configuration, packager) {
  const plan = windowsSignPlan(process.env, { file: configuration.path, hasCertificate: configuration.cscInfo != null });
  if (plan.kind === 'skip') {
    console.log(`  • ${plan.reason}`);
    return;
  }
  if (plan.kind === 'certificate') {
    const signer = await packager.signingManager.value;
    await signer.doSign(configuration, packager);
    return;
  }
  console.log(`  • signing ${configuration.path} with ${plan.command}`);
  execFileSync(plan.command, plan.args, { stdio: 'inherit', windowsHide: true });
}
