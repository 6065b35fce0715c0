import { finishArtifacts } from '../scripts/release/release-files.mjs';

/** electron-builder afterAllArtifactBuild hook: GPG signatures and SHA256SUMS beside the artifacts. */
export default async function afterAllArtifactBuild(result) {
  return finishArtifacts({
    outDir: result.outDir,
    artifactPaths: result.artifactPaths,
    env: process.env,
    log: (message) => console.log(`  • ${message}`),
  });
}
