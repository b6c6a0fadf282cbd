// The starter, executed for every trigger: the schedule, the S3 file event and an operator, with
// both date formats. One business date gets one execution name, so a second trigger starts nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StateMachine } from 'aws-local-stepfunctions';
import { starter } from './harness.mjs';

/** StartExecution as Step Functions answers it: a name used before fails with ExecutionAlreadyExists. */
function stepFunctions() {
  const started = new Map();
  return {
    started,
    startExecution(input) {
      if (started.has(input.Name)) {
        const e = new Error(`Execution Already Exists: '${input.StateMachineArn}:${input.Name}'`);
        e.name = 'StepFunctions.ExecutionAlreadyExistsException';
        throw e;
      }
      started.set(input.Name, input.Input);
      return { ExecutionArn: `${input.StateMachineArn}:${input.Name}`, StartDate: '2026-11-20T20:30:00Z' };
    },
  };
}

async function trigger(sfn, input) {
  const machine = new StateMachine(starter(), { validationOptions: { noValidate: true } });
  const run = machine.run(input, {
    overrides: { taskResourceLocalHandlers: { 'Start daily run': (i) => sfn.startExecution(i) } },
  });
  try {
    return { status: 'SUCCEEDED', output: await run.result };
  } catch (e) {
    return { status: 'FAILED', error: e.cause?.name ?? e.name };
  }
}

const scheduled = { scheduledTime: '2026-11-20T20:30:00Z' }; // 05:30 on 21 Nov in Tokyo: the run for the 20th
const fileEvent = (key) => ({
  version: '0',
  'detail-type': 'Object Created',
  source: 'aws.s3',
  detail: { bucket: { name: 'batch-bucket' }, object: { key, size: 1234, etag: 'abc' }, reason: 'PutObject' },
});

test('the schedule, the file event and an operator (either date format) name the same one execution', async () => {
  for (const input of [
    scheduled,
    fileEvent('inbox/cashflow_20261120.csv'),
    { businessDate: '2026-11-20' },
    { businessDate: '20261120' },
  ]) {
    const sfn = stepFunctions();
    const run = await trigger(sfn, input);
    assert.equal(run.status, 'SUCCEEDED', JSON.stringify(input));
    assert.deepEqual([...sfn.started.keys()], ['daily-20261120'], JSON.stringify(input));
    assert.deepEqual(sfn.started.get('daily-20261120'), { businessDate: '20261120' }, JSON.stringify(input));
  }
});

test('a second trigger for a date already started starts nothing and does not fail', async () => {
  const sfn = stepFunctions();
  const results = [];
  for (const input of [scheduled, fileEvent('inbox/cashflow_20261120.csv'), { businessDate: '2026-11-20' }]) {
    results.push(await trigger(sfn, input));
  }
  assert.deepEqual(results.map((r) => r.status), ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  assert.equal(sfn.started.size, 1);
});

test('the date comes from the file name, whatever the inbox prefix holds', async () => {
  const sfn = stepFunctions();
  await trigger(sfn, fileEvent('batch_inbox/cashflow_20261121.csv'));
  assert.deepEqual([...sfn.started.keys()], ['daily-20261121']);
});

test('a start without any date fails (and so alerts through the execution-status rule)', async () => {
  const sfn = stepFunctions();
  const run = await trigger(sfn, { hello: 'world' });
  assert.equal(run.status, 'FAILED');
  assert.equal(run.error, 'NoBusinessDate');
  assert.equal(sfn.started.size, 0);
});

test('a hotfix rerun is a new execution daily-YYYYMMDD-rN on an operator\'s explicit input, once per N', async () => {
  const sfn = stepFunctions();
  const machine = new StateMachine(starter(), { validationOptions: { noValidate: true } });
  const start = async (input) => {
    const run = machine.run(input, {
      overrides: { taskResourceLocalHandlers: { 'Start daily run': (i) => sfn.startExecution(i), 'Start the rerun': (i) => sfn.startExecution(i) } },
    });
    try {
      return { status: 'SUCCEEDED', output: await run.result };
    } catch (e) {
      return { status: 'FAILED', error: e.cause?.name ?? e.name };
    }
  };
  assert.equal((await start({ businessDate: '20261120' })).status, 'SUCCEEDED');
  assert.equal((await start({ businessDate: '20261120', rerun: 1 })).status, 'SUCCEEDED');
  assert.equal((await start({ businessDate: '20261120', rerun: 1 })).status, 'SUCCEEDED', 'a second start of r1 starts nothing');
  assert.deepEqual([...sfn.started.keys()], ['daily-20261120', 'daily-20261120-r1']);
  assert.deepEqual(sfn.started.get('daily-20261120-r1'), { businessDate: '20261120' });
  // not by accident: a rerun names its date in YYYYMMDD and a number from 1
  assert.equal((await start({ businessDate: '2026-11-20', rerun: 1 })).error, 'NotARerun');
  assert.equal((await start({ businessDate: '20261120', rerun: 'yes' })).error, 'NotARerun');
  assert.equal((await start({ businessDate: '20261120', rerun: 0 })).error, 'NotARerun');
  // the schedule and the file event never make one
  assert.equal((await start(scheduled)).status, 'SUCCEEDED');
  assert.equal(sfn.started.size, 2);
});
