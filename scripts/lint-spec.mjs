// Temporary: quick Redocly lint of one spec file (`node scripts/lint-spec.mjs spec/hss.v5.yaml`).
import { loadConfig, lint } from "@redocly/openapi-core";
process.env.REDOCLY_TELEMETRY = "off";
const config = await loadConfig({ configPath: "redocly.yaml" });
const problems = await lint({ ref: process.argv[2], config });
for (const p of problems) console.log(p.severity, p.ruleId, p.message, p.location[0]?.pointer);
console.log(problems.length, "problems");
