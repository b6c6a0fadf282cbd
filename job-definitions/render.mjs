// Fills the task definitions' placeholders with one environment's values and writes them, ready for
// `aws ecs register-task-definition --cli-input-json file://...` (buildspec.yml does that).
//   node render.mjs values.json OUT_DIR
// values.json: { "ImageUri": "<account>.dkr.ecr.<region>.amazonaws.com/settlement-batch@sha256:...", ... }
// Every placeholder must have a value, and the image must be named by its digest: a tag can move.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function render(text, values) {
  const missing = new Set();
  const out = text.replace(/\$\{([A-Za-z]+)\}/g, (all, name) => {
    if (values[name] === undefined || values[name] === '') {
      missing.add(name);
      return all;
    }
    return values[name];
  });
  if (missing.size) throw new Error(`no value for ${[...missing].sort().join(', ')}`);
  return out;
}

export function checkValues(values) {
  if (!/@sha256:[0-9a-f]{64}$/.test(values.ImageUri ?? '')) {
    throw new Error(`ImageUri must name the image by its digest (…@sha256:<64 hex>), not ${values.ImageUri}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [valuesFile, outDir] = process.argv.slice(2);
  if (!valuesFile || !outDir) {
    console.error('usage: node render.mjs values.json OUT_DIR');
    process.exit(2);
  }
  const values = JSON.parse(readFileSync(valuesFile, 'utf8'));
  try {
    checkValues(values);
    mkdirSync(outDir, { recursive: true });
    const here = new URL('.', import.meta.url).pathname;
    for (const file of readdirSync(here).filter((f) => f.endsWith('.taskdef.json'))) {
      writeFileSync(join(outDir, file), render(readFileSync(join(here, file), 'utf8'), values));
    }
    console.log(`rendered the task definitions into ${outDir}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
