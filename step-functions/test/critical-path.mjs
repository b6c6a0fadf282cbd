// The daily run as Fargate pays it, in the harness: every task costs a start (provisioning, image
// pull, JVM start; START_SECONDS, default 45) plus its job's time from the bench (job-seconds.json,
// a partition's share being the job's time ÷ N); Parallel branches and Map children run at once.
// Prints, per definition: tasks started, task starts on the critical path, simulated minutes.
//   npm run critical-path [-- daily-settlement.asl.json old.asl.json ...]   (Node 22, as the tests)
// "one ledger task per partition" is the same definition with the four ledger jobs of a partition
// as one task (their times added): what a run-ledger --partition command would give.
import { readFileSync } from 'node:fs';
import { World, execute } from './harness.mjs';

const startSeconds = Number(process.env.START_SECONDS ?? 45);
const { seconds: jobSeconds, partitions } = JSON.parse(readFileSync(new URL('./job-seconds.json', import.meta.url)));
const plan = Array.from({ length: partitions }, (_, i) => ({ partition: `${i}/${partitions}`, accounts: 0 }));

async function measure(name, definition) {
  const world = new World({}, { plan, startSeconds, jobSeconds });
  const run = await execute(definition, { businessDate: '2026-11-20' }, world);
  if (run.status !== "SUCCEEDED") throw new Error(`${name}: ${run.status} ${JSON.stringify(run.failure)}`);
  console.log(`${name.padEnd(58)} tasks ${String(world.runs.length).padStart(3)}  starts on the critical path ${String(world.startsOnPath).padStart(2)}  ${(world.now / 60).toFixed(1)} min`);
}

/** The definition with a partition's ledger jobs as one task. */
function oneLedgerTask(definition) {
  const def = structuredClone(definition);
  const processor = def.States.Partitions.ItemProcessor;
  processor.States[processor.StartAt].Next = 'Partition done';
  return def;
}

const files = process.argv.slice(2);
for (const file of files.length ? files : ['daily-settlement.asl.json']) {
  const definition = JSON.parse(readFileSync(file));
  await measure(file, definition);
  if (definition.States.Partitions) {
    const ledger = ['update-statements', 'update-repayments', 'accrue-interest', 'close-statements'];
    const first = jobSeconds[ledger[0]];
    jobSeconds[ledger[0]] = ledger.reduce((sum, job) => sum + (jobSeconds[job] ?? 0), 0);
    await measure(`${file}, one ledger task per partition`, oneLedgerTask(definition));
    jobSeconds[ledger[0]] = first;
  }
}
console.log(`(a task start costs ${startSeconds} s; ${partitions} partitions; job times: test/job-seconds.json)`);
