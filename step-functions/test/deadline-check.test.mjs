// The deadline check, executed: which daily run it looks up from the scheduled time (across months,
// years and February 29), and that it alerts once unless that run SUCCEEDED.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const definition = JSON.parse(readFileSync(new URL('../deadline-check.asl.json', import.meta.url)));

function error(name, cause) {
  const e = new Error(cause);
  e.name = name;
  return e;
}

/** Runs the check at `scheduledTime` (UTC, as the scheduler gives it) against runs with these statuses. */
async function check(scheduledTime, runs) {
  const looked = [];
  const alerts = [];
  const machine = new StateMachine(definition, { validationOptions: { noValidate: true } });
  const execution = machine.run(
    { scheduledTime },
    {
      overrides: {
        taskResourceLocalHandlers: {
          'Look up the run': (input) => {
            assert.ok(input.ExecutionArn.startsWith('${DailyExecutionArnPrefix}daily-'), input.ExecutionArn);
            const name = input.ExecutionArn.slice('${DailyExecutionArnPrefix}'.length);
            looked.push(name);
            if (!(name in runs)) {
              throw error('Sfn.ExecutionDoesNotExistException', `Execution Does Not Exist: '${input.ExecutionArn}'`);
            }
            return { Status: runs[name], Name: name };
          },
          'Alert: the day is not done': (input) => {
            alerts.push({ subject: input.Subject, message: input.Message });
            return { MessageId: 'm' };
          },
        },
        retryIntervalOverrides: { 'Look up the run': 0, 'Alert: the day is not done': 0 },
      },
    },
  );
  await execution.result;
  return { looked, alerts };
}

test('at 09:00 in Tokyo (00:00 UTC) the check is for the day before, across months, years and leap days', async () => {
  const cases = {
    '2026-12-08T00:00:00Z': 'daily-20261207',
    '2026-11-10T00:00:00Z': 'daily-20261109',
    '2026-11-21T00:00:00Z': 'daily-20261120',
    '2026-12-01T00:00:00Z': 'daily-20261130',
    '2027-01-01T00:00:00Z': 'daily-20261231',
    '2027-03-01T00:00:00Z': 'daily-20270228',
    '2028-03-01T00:00:00Z': 'daily-20280229',
    '2100-03-01T00:00:00Z': 'daily-21000228',
    '2027-05-01T00:00:00Z': 'daily-20270430',
    '2027-08-01T00:00:00Z': 'daily-20270731',
  };
  for (const [at, name] of Object.entries(cases)) {
    const { looked, alerts } = await check(at, { [name]: 'SUCCEEDED' });
    assert.deepEqual(looked, [name], at);
    assert.deepEqual(alerts, [], `${at}: a day that succeeded alerts nobody`);
  }
});

test('a day not started, still running, failed, timed out or aborted by the deadline is one alert that says which', async () => {
  const shapes = {
    'not started': [{}, /daily-20261207 has not started/],
    RUNNING: [{ 'daily-20261207': 'RUNNING' }, /is still running past the deadline/],
    FAILED: [{ 'daily-20261207': 'FAILED' }, /ended FAILED/],
    TIMED_OUT: [{ 'daily-20261207': 'TIMED_OUT' }, /ended TIMED_OUT/],
    ABORTED: [{ 'daily-20261207': 'ABORTED' }, /ended ABORTED/],
  };
  for (const [shape, [runs, says]] of Object.entries(shapes)) {
    const { alerts } = await check('2026-12-08T00:00:00Z', runs);
    assert.equal(alerts.length, 1, shape);
    assert.equal(alerts[0].subject, 'settlement-batch 20261207: not done by the deadline', shape);
    assert.match(alerts[0].message, says, shape);
    assert.match(alerts[0].message, /Business date 20261207/, shape);
  }
});
