// `npm run spec:diff`: review report of the changes to spec/*.yaml. The work is in ./spec-diff/; see run.ts.
import { runSpecDiff } from "./spec-diff/run.js";

try {
  const { exitCode, stdout, stderr } = runSpecDiff(process.argv.slice(2), process.cwd());
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = exitCode;
} catch (error) {
  // A bug, not bad input: show the stack, and keep exit code 1 free to mean "breaking change".
  console.error(error);
  process.exitCode = 2;
}
