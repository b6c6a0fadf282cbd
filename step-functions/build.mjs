// Generates the Step Functions definitions from jobs.json:
//   daily-settlement.asl.json  the daily workflow (ECS Fargate tasks, a Distributed Map over partitions)
//   start-daily.asl.json       the starter used by the schedule and by file arrival (one execution per business date)
// Run `node build.mjs` after changing jobs.json; CI runs `node build.mjs --check` (the committed files must match).
import { readFileSync, writeFileSync } from 'node:fs';

const jobs = JSON.parse(readFileSync(new URL('./jobs.json', import.meta.url)));
const CONTAINER = 'settlement-batch';
const EXIT_CODE = '$.failureDetail.task.Containers[0].ExitCode';

function command(job, partitioned) {
  const parts = [`'run'`, `'${job}'`, `States.Format('--business-date={}', $.businessDate)`];
  if (partitioned) parts.push(`States.Format('--partition={}', $.partition)`);
  return `States.Array(${parts.join(', ')})`;
}

// A job as states: run it on Fargate; on failure read the container's exit code and decide.
// exit 3 (input rejected) never retries; exit 4 skips an optional import and waits for a required
// file; exit 1 and 5 retry with a wait; anything else notifies operators and fails (redrive-able).
function jobStates(job, next, { partitioned = false, required = true, failure = 'Notify failure', rejected = 'Notify input rejected' } = {}) {
  const run = `Run ${job}`;
  const states = {};
  states[run] = {
    Type: 'Task',
    Comment: `settlement-batch run ${job}`,
    Resource: 'arn:aws:states:::ecs:runTask.sync',
    Parameters: {
      Cluster: '${ClusterArn}',
      LaunchType: 'FARGATE',
      PlatformVersion: 'LATEST',
      TaskDefinition: `\${TaskDefinitionPrefix}${job}`,
      PropagateTags: 'TASK_DEFINITION',
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          Subnets: ['${SubnetIdA}', '${SubnetIdC}'],
          SecurityGroups: ['${SecurityGroupId}'],
          AssignPublicIp: 'DISABLED',
        },
      },
      Overrides: { ContainerOverrides: [{ Name: CONTAINER, 'Command.$': command(job, partitioned) }] },
    },
    ResultSelector: { count: 0 },
    ResultPath: '$.retry',
    Retry: [
      {
        ErrorEquals: ['ECS.AmazonECSException', 'ECS.ServerException', 'ECS.LimitExceededException', 'ECS.ThrottlingException'],
        IntervalSeconds: 30,
        MaxAttempts: 4,
        BackoffRate: 2.0,
        JitterStrategy: 'FULL',
      },
    ],
    Catch: [
      { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: `Read exit code of ${job}` },
      { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: failure },
    ],
    Next: next,
  };
  states[`Read exit code of ${job}`] = {
    Type: 'Pass',
    Parameters: { 'task.$': 'States.StringToJson($.failure.Cause)' },
    ResultPath: '$.failureDetail',
    Next: `Decide after ${job}`,
  };
  const choices = [
    { Variable: EXIT_CODE, NumericEquals: 3, Next: rejected },
  ];
  if (!required) {
    choices.push({ Variable: EXIT_CODE, NumericEquals: 4, Next: `Skip ${job}` });
    states[`Skip ${job}`] = { Type: 'Pass', Comment: 'no file today: optional imports are skipped', Parameters: keep(partitioned, 0), Next: next };
  } else {
    choices.push({
      And: [
        { Variable: EXIT_CODE, NumericEquals: 4 },
        { Variable: '$.retry.count', NumericLessThan: jobs.retry.missingInputAttempts },
      ],
      Next: `Wait for input of ${job}`,
    });
    states[`Wait for input of ${job}`] = { Type: 'Wait', Seconds: jobs.retry.missingInputWaitSeconds, Next: `Count attempt of ${job}` };
  }
  choices.push({
    And: [
      { Or: [{ Variable: EXIT_CODE, NumericEquals: 1 }, { Variable: EXIT_CODE, NumericEquals: 5 }] },
      { Variable: '$.retry.count', NumericLessThan: jobs.retry.failedAttempts },
    ],
    Next: `Wait before retrying ${job}`,
  });
  states[`Decide after ${job}`] = { Type: 'Choice', Choices: choices, Default: failure };
  states[`Wait before retrying ${job}`] = { Type: 'Wait', Seconds: jobs.retry.failedWaitSeconds, Next: `Count attempt of ${job}` };
  states[`Count attempt of ${job}`] = {
    Type: 'Pass',
    Parameters: { ...keep(partitioned), retry: { 'count.$': 'States.MathAdd($.retry.count, 1)' } },
    Next: run,
  };
  return states;
}

function keep(partitioned, count) {
  const kept = { 'businessDate.$': '$.businessDate' };
  if (partitioned) kept['partition.$'] = '$.partition';
  if (count !== undefined) kept.retry = { count };
  return kept;
}

function failureStates() {
  const states = {};
  {
    states['Notify failure'] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: {
        TopicArn: '${AlertTopicArn}',
        Subject: 'settlement-batch: daily run failed',
        'Message.$': "States.Format('Business date {}: a job failed after its retries. Execution {}. Look at `settlement-batch executions --business-date={}` and the task logs, fix the cause, then redrive this execution.', $.businessDate, $$.Execution.Id, $.businessDate)",
      },
      ResultPath: null,
      Next: 'Failed',
    };
    states['Notify input rejected'] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: {
        TopicArn: '${AlertTopicArn}',
        Subject: 'settlement-batch: input rejected',
        'Message.$': "States.Format('Business date {}: an input file was rejected as a whole (exit 3). Execution {}. Read report.import_file and the reject file in the outbox, obtain a corrected file, then redrive this execution. A plain retry will not help.', $.businessDate, $$.Execution.Id)",
      },
      ResultPath: null,
      Next: 'Input rejected',
    };
  }
  states['Failed'] = { Type: 'Fail', Error: 'JobFailed', Cause: 'A job failed after its retries; operators were notified' };
  states['Input rejected'] = { Type: 'Fail', Error: 'InputRejected', Cause: 'An input file was rejected as a whole; operators were notified' };
  return states;
}

function chain(list, last, options) {
  const states = {};
  list.forEach((entry, i) => {
    const job = typeof entry === 'string' ? entry : entry.job;
    const next = i + 1 < list.length ? `Run ${typeof list[i + 1] === 'string' ? list[i + 1] : list[i + 1].job}` : last;
    Object.assign(states, jobStates(job, next, { ...options, required: entry.required ?? true }));
  });
  return states;
}

const compactDate =
  "States.Format('{}{}{}', States.ArrayGetItem(States.StringSplit($.businessDate, '-'), 0), States.ArrayGetItem(States.StringSplit($.businessDate, '-'), 1), States.ArrayGetItem(States.StringSplit($.businessDate, '-'), 2))";

const partitionStates = {
  ...chain(jobs.partitioned, 'Partition done', { partitioned: true, failure: 'Partition failed', rejected: 'Partition input rejected' }),
  'Partition done': { Type: 'Succeed' },
  'Partition failed': { Type: 'Fail', Error: 'JobFailed', Cause: 'A partitioned job failed after its retries' },
  'Partition input rejected': { Type: 'Fail', Error: 'InputRejected', Cause: 'A partitioned job exited 3' },
};

const daily = {
  Comment: 'settlement-batch daily workflow: imports, plan, one Fargate task per partition per job, outputs. Generated from jobs.json by build.mjs.',
  StartAt: 'Has business date',
  States: {
    'Has business date': {
      Type: 'Choice',
      Choices: [{ Variable: '$.businessDate', IsPresent: true, Next: 'Start' }],
      Default: 'No business date',
    },
    'No business date': { Type: 'Fail', Error: 'NoBusinessDate', Cause: 'Start the workflow through start-daily, or with {"businessDate": "YYYY-MM-DD"}' },
    Start: { Type: 'Pass', Parameters: { 'businessDate.$': '$.businessDate', retry: { count: 0 } }, Next: `Run ${jobs.imports[0].job}` },
    ...chain(jobs.imports, `Run ${jobs.plan}`, {}),
    ...jobStates(jobs.plan, 'Partitions', {}),
    Partitions: {
      Type: 'Map',
      Comment: 'One child execution per partition of plans/partitions_YYYYMMDD.json, written by plan-partitions',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { Bucket: '${BatchBucket}', 'Key.$': `States.Format('\${OutboxPrefix}plans/partitions_{}.json', ${compactDate})` },
      },
      ItemSelector: { 'businessDate.$': '$.businessDate', 'partition.$': '$$.Map.Item.Value.partition', retry: { count: 0 } },
      MaxConcurrency: 16,
      ToleratedFailurePercentage: 0,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: `Run ${jobs.partitioned[0]}`,
        States: partitionStates,
      },
      ResultPath: null,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Notify failure' }],
      Next: `Run ${jobs.outputs[0]}`,
    },
    ...chain(jobs.outputs, 'Done', {}),
    Done: { Type: 'Succeed' },
    ...failureStates(),
  },
};

const start = {
  Comment: 'Starts the daily workflow for one business date, once: from the schedule (yesterday in Asia/Tokyo) or from an inbound file (the date in its name). The execution name is the date, so a second event for the same day starts nothing. Generated by build.mjs.',
  StartAt: 'From file or schedule',
  States: {
    'From file or schedule': {
      Type: 'Choice',
      Choices: [
        { Variable: '$.detail.object.key', IsPresent: true, Next: 'Date from file name' },
        { Variable: '$.businessDate', IsPresent: true, Next: 'Date given' },
      ],
      Default: 'Date from schedule',
    },
    'Date from file name': {
      Type: 'Pass',
      Comment: 'inbox/cashflow_20261120.csv -> 20261120',
      Parameters: {
        'businessDate.$': "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.detail.object.key, '_'), 1), '.'), 0)",
      },
      Next: 'Start daily run',
    },
    'Date given': { Type: 'Pass', Parameters: { 'businessDate.$': '$.businessDate' }, Next: 'Start daily run' },
    'Date from schedule': {
      Type: 'Pass',
      Comment: 'The schedule fires between 00:00 and 09:00 in Tokyo, when the UTC date of the scheduled time is yesterday in Tokyo',
      Parameters: { 'businessDate.$': "States.ArrayGetItem(States.StringSplit($.scheduledTime, 'T'), 0)" },
      Next: 'Start daily run',
    },
    'Start daily run': {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution',
      Parameters: {
        StateMachineArn: '${DailyStateMachineArn}',
        'Name.$': "States.Format('daily-{}', $.businessDate)",
        'Input.$': '$',
      },
      Catch: [{ ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], ResultPath: null, Next: 'Already started' }],
      End: true,
    },
    'Already started': { Type: 'Succeed', Comment: 'the run for this business date exists: redrive it if it failed' },
  },
};

const strip = (o) => JSON.parse(JSON.stringify(o));
const outputs = {
  'daily-settlement.asl.json': JSON.stringify(strip(daily), null, 2) + '\n',
  'start-daily.asl.json': JSON.stringify(strip(start), null, 2) + '\n',
};
const check = process.argv.includes('--check');
let stale = false;
for (const [file, text] of Object.entries(outputs)) {
  const path = new URL(`./${file}`, import.meta.url);
  if (check) {
    let current = '';
    try { current = readFileSync(path, 'utf8'); } catch { /* missing */ }
    if (current !== text) { console.error(`${file} is not what build.mjs generates from jobs.json: run node build.mjs`); stale = true; }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);
