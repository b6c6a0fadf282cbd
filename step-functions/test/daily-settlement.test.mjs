// The daily workflow, executed: which jobs run, in which order, with which command; which alerts go
// out with which text; how the execution ends; and what a redrive reruns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { World, outcome, daily, execute, redrive, allJobs, jobsJson, stoppedState } from './harness.mjs';

const DATE = { businessDate: '2026-11-20' };
const PLAN = [{ partition: '0/2', accounts: 10 }, { partition: '1/2', accounts: 12 }];
const EVERY_JOB = allJobs(PLAN);
const retry = jobsJson.retry;
const times = (n, f) => Array.from({ length: n }, () => f);

test('a good day runs every job once, in order, each partition with its own --partition, and alerts nobody', async () => {
  for (const input of [{ businessDate: '2026-11-20' }, { businessDate: '20261120' }]) {
    const world = new World();
    const run = await execute(daily(), input, world);
    assert.equal(run.status, 'SUCCEEDED');
    assert.deepEqual(world.jobs, EVERY_JOB);
    assert.equal(world.runs[2], 'run import-cash-flows --business-date=20261120');
    assert.ok(world.runs.includes('run accrue-interest --business-date=20261120 --partition=1/2'));
    assert.deepEqual(world.planKeys, ['${BatchBucket}/${OutboxPrefix}plans/partitions_20261120.json']);
    assert.equal(world.runs.at(-1), 'files --business-date=20261120 --report');
    assert.deepEqual(world.alerts, []);
    // every task, the partitions' included, logs the daily execution's name as its run_id
    assert.deepEqual([...new Set(world.runIds)], ['daily-20261120']);
  }
});

test('files that need an operator (files exits 3) send one alert after the day, and the execution succeeds', async () => {
  const world = new World({ files: [outcome.exit(3)] });
  const run = await execute(daily(), DATE, world);
  assert.equal(run.status, 'SUCCEEDED');
  assert.deepEqual(world.jobs, EVERY_JOB);
  assert.equal(world.alerts.length, 1);
  assert.equal(world.alerts[0].subject, 'settlement-batch 20261120: files need an operator');
  assert.match(world.alerts[0].message, /reports\/daily_20261120\.html/);
  assert.match(world.alerts[0].message, /settlement-batch files --business-date=20261120/);
});

test('a file check that fails (exit 1) is retried, then alerts and stops like any job', async () => {
  const world = new World({ files: [outcome.exit(1)] });
  const run = await execute(daily(), DATE, world);
  assert.equal(run.status, 'FAILED');
  assert.equal(world.jobs.filter((j) => j === 'files').length, retry.failed.attempts + 1);
  assert.equal(world.alerts.length, 1);
  assert.equal(run.stoppedAt.state, 'Redrive to rerun files');
});

test('a late required file is waited for (exit 4), then the day goes on without an alert', async () => {
  const world = new World({ 'import-cash-flows': [outcome.exit(4), outcome.exit(4), outcome.ok] });
  const run = await execute(daily(), DATE, world);
  assert.equal(run.status, 'SUCCEEDED');
  assert.equal(world.jobs.filter((j) => j === 'import-cash-flows').length, 3);
  assert.deepEqual(world.alerts, []);
});

test('an absent optional file (exit 4) skips its import, once, without an alert', async () => {
  const world = new World({ 'import-repayments': [outcome.exit(4)], 'import-accounts': [outcome.exit(4)] });
  const run = await execute(daily(), DATE, world);
  assert.equal(run.status, 'SUCCEEDED');
  assert.deepEqual(world.jobs, EVERY_JOB);
  assert.deepEqual(world.alerts, []);
});

test('each exit class has its own budget: waits for a late file do not use up the retries of exit 1', async () => {
  const world = new World({
    'import-cash-flows': [...times(retry.missingInput.attempts, outcome.exit(4)), ...times(retry.failed.attempts, outcome.exit(1)), outcome.ok],
  });
  const run = await execute(daily(), DATE, world);
  assert.equal(run.status, 'SUCCEEDED');
  assert.equal(world.jobs.filter((j) => j === 'import-cash-flows').length, retry.missingInput.attempts + retry.failed.attempts + 1);
  assert.deepEqual(world.alerts, []);
});

test('exit 5 (another run holds the job) and ECS capacity shortfalls are retried, then the day goes on', async () => {
  const world = new World({
    'import-accounts': [outcome.exit(5), outcome.ok],
    'update-statements@0/2': [outcome.capacity, outcome.capacity, outcome.ok],
    'notify-interest': [outcome.notStarted, outcome.ok],
  });
  const run = await execute(daily(), DATE, world);
  assert.equal(run.status, 'SUCCEEDED');
  assert.deepEqual(world.alerts, []);
});

// Every way a job's task can end badly for good, with how many runs it takes and what the alert says.
const STOPS = {
  'exit 3 (rejected input), never retried': { script: [outcome.exit(3)], runs: 1, says: ['exit 3', 'corrected file', 'redrive'] },
  'exit 1 after its retries': { script: [outcome.exit(1)], runs: retry.failed.attempts + 1, says: ['exit 1', 'job log', 'redrive'] },
  'exit 5 after its retries': { script: [outcome.exit(5)], runs: retry.alreadyRunning.attempts + 1, says: ['exit 5', 'executions --status=STARTED'] },
  'exit 2 (configuration), never retried': { script: [outcome.exit(2)], runs: 1, says: ['exit 2', 'task definition'] },
  'a task that never started (no ExitCode)': { script: [outcome.notStarted], runs: retry.notStarted.attempts + 1, says: ['never started', 'ResourceInitializationError'] },
  'a Fargate capacity shortfall (AmazonECS.Unknown, plain-text Cause)': { script: [outcome.capacity], runs: retry.ecsApi.attempts + 1, says: ['AmazonECS.Unknown', 'Capacity is unavailable'] },
  'an ECS API error that outlasts its retries': { script: [outcome.ecsApi], runs: retry.ecsApi.attempts + 1, says: ['ECS.AmazonECSException', 'not authorized'] },
};

for (const [shape, { script, runs, says }] of Object.entries(STOPS)) {
  test(`${shape}: one alert naming date, job, partition and the action, the execution stops at the job, and a redrive reruns only that job and what follows`, async () => {
    for (const job of ['import-cash-flows', 'plan-partitions', 'accrue-interest@1/2', 'build-credit-review-list']) {
      const world = new World({ [job]: script });
      const failed = await execute(daily(), DATE, world);
      const [name, partition = 'all'] = job.split('@');

      assert.equal(failed.status, 'FAILED', job);
      assert.equal(world.jobs.filter((j) => j === job).length, runs, `${job}: runs`);
      assert.equal(world.alerts.length, 1, `${job}: exactly one alert`);
      const alert = world.alerts[0];
      assert.match(alert.subject, new RegExp(`20261120: ${name} stopped`));
      for (const words of [`Business date 20261120`, `job ${name}`, `partition ${partition}`, 'What to do:', ...says]) {
        assert.ok(alert.message.includes(words), `${job}: alert says "${words}": ${alert.message}`);
      }
      assert.equal(stoppedState(failed), `Redrive to rerun ${name}`, `${job}: the execution stops at the job`);
      // and the day's report is written before it stops: which jobs ran, where and why it stopped
      assert.equal(world.runs.at(-1), 'files --business-date=20261120 --report', `${job}: the report of the stopped day`);

      // The operator fixes the cause and redrives: the failed job runs again, then only what follows it.
      const ranBefore = world.jobs.length;
      world.script = {};
      const redriven = await redrive(failed, world);
      assert.equal(redriven.status, 'SUCCEEDED', `${job}: redriven`);
      const rerun = world.jobs.slice(ranBefore);
      assert.deepEqual(rerun, EVERY_JOB.slice(EVERY_JOB.indexOf(job)), `${job}: a redrive reruns no completed job`);
      assert.equal(world.alerts.length, 1, `${job}: no second alert`);
    }
  });
}

test('a required file still missing after every wait alerts once; the redrive after it arrives goes on from the import', async () => {
  const world = new World({ 'import-cash-flows': [outcome.exit(4)] });
  const failed = await execute(daily(), DATE, world);
  assert.equal(failed.status, 'FAILED');
  assert.equal(world.jobs.filter((j) => j === 'import-cash-flows').length, retry.missingInput.attempts + 1);
  assert.equal(world.alerts.length, 1);
  assert.match(world.alerts[0].message, /exit 4: the required input file is still not in the inbox after 18 waits/);
  assert.match(world.alerts[0].message, /Ask the sender for the file/);

  world.script = {};
  const before = world.jobs.length;
  const redriven = await redrive(failed, world);
  assert.equal(redriven.status, 'SUCCEEDED');
  assert.deepEqual(world.jobs.slice(before), EVERY_JOB.slice(EVERY_JOB.indexOf('import-cash-flows')));
});

test('a hung task ends in States.Timeout at its TimeoutSeconds, is retried within its own budget, then alerts once', async () => {
  const world = new World({ 'update-repayments@1/2': [outcome.hang] });
  const failed = await execute(daily(), DATE, world, { timeouts: { 'Run update-repayments': 1 } });
  assert.equal(failed.status, 'FAILED');
  assert.equal(world.jobs.filter((j) => j === 'update-repayments@1/2').length, retry.timedOut.attempts + 1);
  assert.equal(world.alerts.length, 1);
  assert.match(world.alerts[0].message, /partition 1\/2: the task ran longer than its timeout of \d+ s/);
  assert.match(world.alerts[0].message, /The day report: s3:\/\/\$\{BatchBucket\}\/\$\{OutboxPrefix\}reports\/daily_20261120\.html/);
  assert.equal(failed.failedChildren[0].state, 'Redrive to rerun update-repayments');
});

test('a second redrive after a second failure alerts again, once, and stops at the same job', async () => {
  const world = new World({ 'import-cash-flows': [outcome.exit(3)] });
  const failed = await execute(daily(), DATE, world);
  const again = await redrive(failed, world);
  assert.equal(again.status, 'FAILED');
  assert.equal(world.alerts.length, 2);
  assert.equal(stoppedState(again), 'Redrive to rerun import-cash-flows');
  world.script = {};
  const third = await redrive(again, world);
  assert.equal(third.status, 'SUCCEEDED');
});

test('every task state has a timeout from jobs.json and every job can alert', () => {
  const definition = daily();
  const states = {};
  const collect = (machine) => {
    for (const [name, state] of Object.entries(machine.States)) {
      states[name] = state;
      if (state.ItemProcessor) collect(state.ItemProcessor);
      for (const branch of state.Branches ?? []) collect(branch);
    }
  };
  collect(definition);
  for (const job of EVERY_JOB.map((j) => j.split('@')[0])) {
    const run = states[`Run ${job}`];
    assert.equal(run.TimeoutSeconds, jobsJson.timeouts.jobs[job] ?? jobsJson.timeouts.defaultSeconds, job);
    assert.ok(states[`Alert operators: ${job}`], job);
    assert.equal(states[`Redrive to rerun ${job}`].Default, undefined, `${job}: the stop has no way out but a redrive`);
  }
  assert.equal(definition.States.Partitions.ToleratedFailurePercentage, jobsJson.mapToleratedFailurePercentage);
});

test('a report that cannot be written does not change the stop: one alert, stopped at the job', async () => {
  const world = new World({ 'update-statements@0/2': [outcome.exit(3)], files: [outcome.exit(1)] });
  const failed = await execute(daily(), DATE, world);
  assert.equal(failed.status, 'FAILED');
  assert.equal(world.alerts.length, 1);
  assert.equal(failed.failedChildren[0].state, 'Redrive to rerun update-statements');
  assert.equal(world.jobs.at(-1), 'files');
});

test('the imports of a stage and the two outputs run at once: the critical path has 9 task starts of the day\'s 13 kinds', async () => {
  const world = new World({}, { startSeconds: 45 });
  const run = await execute(daily(), DATE, world);
  assert.equal(run.status, 'SUCCEEDED');
  // two import stages, the plan, the four ledger jobs (partitions at once), the outputs, the manifest
  assert.equal(world.startsOnPath, 9);
  assert.equal(world.runs.length, EVERY_JOB.length);
  assert.equal(world.now, 45 * 9);
});

test('when one import of a stage stops, a redrive reruns it and those aborted with it, never one that completed', async () => {
  const world = new World({ 'import-repayments': [outcome.exit(3)] });
  const failed = await execute(daily(), DATE, world);
  assert.equal(failed.status, 'FAILED');
  assert.equal(world.alerts.length, 1);
  assert.equal(stoppedState(failed), 'Redrive to rerun import-repayments');
  assert.deepEqual(failed.failedBranches.map((b) => b.index), [1, 2], 'repayments failed, applications aborted');

  world.script = {};
  const before = world.jobs.length;
  const redriven = await redrive(failed, world);
  assert.equal(redriven.status, 'SUCCEEDED');
  assert.deepEqual(world.jobs.slice(before), ['import-repayments', ...EVERY_JOB.slice(EVERY_JOB.indexOf('import-applications'))]);
  assert.equal(world.alerts.length, 1);
});
