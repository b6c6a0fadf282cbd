// Generates the Step Functions definitions from jobs.json:
//   daily-settlement.asl.json  the daily workflow (ECS Fargate tasks, a Distributed Map over partitions)
//   start-daily.asl.json       the starter used by the schedule, the file event and operators (one execution per date)
// Run `node build.mjs` after changing jobs.json; CI runs `node build.mjs --check` (the committed files must match).
//
// How a job fails (README "Retries, alerts and redrive"): every failure of a job's task is caught and
// classified (exit code, a task that never started, an ECS error, a timeout); each class has its own
// retry budget. When a class has no attempts left, one SNS alert goes out and the execution stops at
// the job's "Redrive to rerun <job>" state, a Choice that fails on first entry and, when the execution
// is redriven ($$.Execution.RedriveCount has grown), runs the job again with fresh budgets.
import { readFileSync, writeFileSync } from 'node:fs';

// The day report an alert names (the workflow's business date is YYYYMMDD from its first state on).
const report = 's3://${BatchBucket}/${OutboxPrefix}reports/daily_{}.html';

const jobs = JSON.parse(readFileSync(new URL('./jobs.json', import.meta.url)));
const CONTAINER = 'settlement-batch';
const EXIT_CODE = '$.failure.detail.task.Containers[0].ExitCode';
const STOPPED_REASON = '$.failure.detail.task.StoppedReason';
const CLASSES = ['failed', 'alreadyRunning', 'missingInput', 'notStarted', 'timedOut'];
const ECS_API_ERRORS = [
  'AmazonECS.Unknown',
  'ECS.AmazonECSException',
  'ECS.ServerException',
  'ECS.LimitExceededException',
  'ECS.ThrottlingException',
];

const retry = jobs.retry;
const zeroAttempts = Object.fromEntries(CLASSES.map((c) => [c, 0]));

function timeoutOf(job) {
  return jobs.timeouts.jobs[job] ?? jobs.timeouts.defaultSeconds;
}

// A States.Format template takes {} as placeholders and ' as its quote: texts must not hold either.
function text(value) {
  if (/[{}'\\]/.test(value)) throw new Error(`text for an alert must not contain { } ' or \\: ${value}`);
  return value;
}

function command(job, partitioned) {
  if (job === jobs.manifest) {
    return `States.Array('${job}', States.Format('--business-date={}', $.businessDate), '--report')`;
  }
  const parts = [`'run'`, `'${job}'`, `States.Format('--business-date={}', $.businessDate)`];
  if (partitioned) parts.push(`States.Format('--partition={}', $.partition)`);
  return `States.Array(${parts.join(', ')})`;
}

// The state every job starts from: the date, the partition ("all" outside the Map) and the attempts so far.
function carry(attempts) {
  return { 'businessDate.$': '$.businessDate', 'partition.$': '$.partition', 'runId.$': '$.runId', attempts };
}

function counted(cls) {
  return Object.fromEntries(
    CLASSES.map((c) => (c === cls ? [`${c}.$`, `States.MathAdd($.attempts.${c}, 1)`] : [`${c}.$`, `$.attempts.${c}`])),
  );
}

const WAIT_NAMES = {
  failed: (job) => `Wait before retrying ${job}`,
  alreadyRunning: (job) => `Wait for the other run of ${job}`,
  missingInput: (job) => `Wait for input of ${job}`,
  notStarted: (job) => `Wait before starting ${job} again`,
  timedOut: (job) => `Wait after timeout of ${job}`,
};

// What the alert says happened, and what the operator does, per way of failing.
function outcomes(job) {
  const logs = `Read the job log (log group /settlement-batch/jobs, stream prefix ${job}) and settlement-batch executions --business-date=D.`;
  const redrive = 'Then redrive this execution: it reruns this job, which resumes from its last committed chunk; completed jobs do not run again.';
  return {
    rejected: {
      outcome: `States.Format('exit 3: an input file was rejected as a whole')`,
      action: text(`Read report.import_file and the reject file under the outbox rejects/ folder, put a corrected file from the sender in the inbox, then redrive this execution. Retrying the same file does not help.`),
    },
    missingInput: {
      outcome: `States.Format('exit 4: the required input file is still not in the inbox after ${retry.missingInput.attempts} waits of ${retry.missingInput.waitSeconds} s')`,
      action: text(`Ask the sender for the file. When it is in the inbox, redrive this execution.`),
    },
    failed: {
      outcome: `States.Format('exit 1: the job failed ${retry.failed.attempts + 1} times')`,
      action: text(`${logs} Fix the cause (database, S3, permissions). ${redrive}`),
    },
    alreadyRunning: {
      outcome: `States.Format('exit 5: another run of the same job instance was still running after ${retry.alreadyRunning.attempts} waits')`,
      action: text(`Look for a second execution or a task left running (settlement-batch executions --status=STARTED; ECS tasks of the cluster). When it has ended, redrive this execution.`),
    },
    exited: {
      outcome: `States.Format('exit {}: see the exit codes in the README (2 is a usage or configuration error of the task definition, 137 a container killed for memory)', ${EXIT_CODE})`,
      action: text(`${logs} Fix the task definition, its environment or its size. ${redrive}`),
    },
    notStarted: {
      outcome: `States.Format('the task never started ({})', ${STOPPED_REASON})`,
      action: text(`Fix what the reason names (image, secret, log group, subnet or security group). ${redrive}`),
    },
    ecsError: {
      outcome: `States.Format('ECS could not run the task ({}: {})', $.failure.Error, $.failure.Cause)`,
      action: text(`When Fargate capacity or the ECS API is back, or the permission is fixed, redrive this execution. ${redrive}`),
    },
    timedOut: {
      outcome: `States.Format('the task ran longer than its timeout of ${timeoutOf(job)} s and was stopped')`,
      action: text(`${logs} Find where it hung. ${redrive}`),
    },
  };
}

// A job's Fargate task: its task definition, the network, and the command with the run's id.
function ecsTask(job, commandExpression) {
  return {
    Type: 'Task',
    Comment: job === jobs.manifest ? `settlement-batch ${job} --report` : `settlement-batch run ${job}`,
    Resource: 'arn:aws:states:::ecs:runTask.sync',
    TimeoutSeconds: timeoutOf(job),
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
      // run_id of every log line: the name of the daily execution (a partition's child execution
      // carries its parent's)
      Overrides: {
        ContainerOverrides: [
          {
            Name: CONTAINER,
            'Command.$': commandExpression,
            Environment: [{ Name: 'SETTLEMENT_RUN_ID', 'Value.$': '$.runId' }],
          },
        ],
      },
    },
  };
}

// A job as states: run it on Fargate; classify a failure; retry within the class's budget; when the
// budget is spent, alert once and stop at a state that reruns the job when the execution is redriven.
function jobStates(job, next, { partitioned = false, required = true } = {}) {
  const run = `Run ${job}`;
  const alert = `Alert operators: ${job}`;
  const describe = (kind) => `Stopped (${kind}): ${job}`;
  const states = {};
  states[run] = {
    ...ecsTask(job, command(job, partitioned)),
    ResultSelector: zeroAttempts,
    ResultPath: '$.attempts',
    Retry: [
      {
        ErrorEquals: ECS_API_ERRORS,
        IntervalSeconds: retry.ecsApi.intervalSeconds,
        MaxAttempts: retry.ecsApi.attempts,
        BackoffRate: retry.ecsApi.backoffRate,
        JitterStrategy: 'FULL',
      },
    ],
    // One catcher: States.TaskFailed would match every task error but timeouts, so the kind of
    // failure is told apart by the Choice that follows, not by the order of catchers.
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: `Check failure of ${job}` }],
    Next: next,
  };
  states[`Check failure of ${job}`] = {
    Type: 'Choice',
    Comment: 'A timeout, a stopped task (its Cause is the task as JSON), or an ECS error whose Cause is plain text',
    Choices: [
      { Variable: '$.failure.Error', StringEquals: 'States.Timeout', Next: `Timed out: ${job}` },
      {
        And: [
          { Variable: '$.failure.Cause', IsPresent: true },
          { Variable: '$.failure.Cause', IsString: true },
          { Variable: '$.failure.Cause', StringMatches: '{*' },
        ],
        Next: `Read exit code of ${job}`,
      },
    ],
    Default: describe('ECS error'),
  };
  states[`Read exit code of ${job}`] = {
    Type: 'Pass',
    Parameters: { 'task.$': 'States.StringToJson($.failure.Cause)' },
    ResultPath: '$.failure.detail',
    Next: `Decide after ${job}`,
  };
  const noExitCode = { Not: { Variable: EXIT_CODE, IsPresent: true } };
  const below = (cls) => ({ Variable: `$.attempts.${cls}`, NumericLessThan: retry[cls].attempts });
  const exit = (code) => ({ Variable: EXIT_CODE, NumericEquals: code });
  const choices = [
    {
      And: [noExitCode, { Variable: STOPPED_REASON, IsPresent: true }, below('notStarted')],
      Next: WAIT_NAMES.notStarted(job),
    },
    { And: [noExitCode, { Variable: STOPPED_REASON, IsPresent: true }], Next: describe('not started') },
    { ...noExitCode, Next: describe('ECS error') },
    { ...exit(3), Next: job === jobs.manifest ? `Files need an operator: ${job}` : describe('exit 3') },
  ];
  if (job === jobs.manifest) {
    // The day completed; what the manifest asks for (a missing, rejected or untaken file) is one
    // alert, and the execution succeeds.
    states[`Files need an operator: ${job}`] = {
      Type: 'Task',
      Comment: 'One alert for the files of the day that need an operator; the day itself completed',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: {
        TopicArn: '${AlertTopicArn}',
        'Subject.$': `States.Format('settlement-batch {}: files need an operator', $.businessDate)`,
        'Message.$': `States.Format('Business date {}: the day completed, but a file needs an operator (an expected file missing, a file rejected, or a file in the inbox no run took in). What to do: open ${report} (or read its .json, or run settlement-batch files --business-date={}) and act on each ATTENTION line; a late file is taken in by the next run. Execution: {}', $.businessDate, $.businessDate, $.businessDate, $$.Execution.Id)`,
        MessageAttributes: {
          businessDate: { DataType: 'String', 'StringValue.$': '$.businessDate' },
          job: { DataType: 'String', StringValue: job },
          partition: { DataType: 'String', 'StringValue.$': '$.partition' },
        },
      },
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2.0 }],
      ResultPath: null,
      Next: next,
    };
  }
  if (!required) {
    choices.push({ ...exit(4), Next: `Skip ${job}` });
    states[`Skip ${job}`] = {
      Type: 'Pass',
      Comment: 'no file for this import today: optional imports are skipped',
      Parameters: carry(zeroAttempts),
      Next: next,
    };
  }
  else {
    choices.push({ And: [exit(4), below('missingInput')], Next: WAIT_NAMES.missingInput(job) });
    choices.push({ ...exit(4), Next: describe('exit 4') });
  }
  choices.push({ And: [exit(1), below('failed')], Next: WAIT_NAMES.failed(job) });
  choices.push({ ...exit(1), Next: describe('exit 1') });
  choices.push({ And: [exit(5), below('alreadyRunning')], Next: WAIT_NAMES.alreadyRunning(job) });
  choices.push({ ...exit(5), Next: describe('exit 5') });
  states[`Decide after ${job}`] = { Type: 'Choice', Choices: choices, Default: describe('exit code') };
  states[`Timed out: ${job}`] = {
    Type: 'Choice',
    Choices: [{ ...below('timedOut'), Next: WAIT_NAMES.timedOut(job) }],
    Default: describe('timeout'),
  };

  const waits = required ? CLASSES : CLASSES.filter((c) => c !== 'missingInput');
  for (const cls of waits) {
    states[WAIT_NAMES[cls](job)] = { Type: 'Wait', Seconds: retry[cls].waitSeconds, Next: `Count ${cls} attempt of ${job}` };
    states[`Count ${cls} attempt of ${job}`] = { Type: 'Pass', Parameters: carry(counted(cls)), Next: run };
  }

  const said = outcomes(job);
  const stops = {
    'exit 3': said.rejected,
    'exit 1': said.failed,
    'exit 5': said.alreadyRunning,
    'exit code': said.exited,
    'not started': said.notStarted,
    'ECS error': said.ecsError,
    timeout: said.timedOut,
  };
  if (required) stops['exit 4'] = said.missingInput;
  if (job === jobs.manifest) delete stops['exit 3']; // exit 3 of the manifest is the notice above, not a stop
  for (const [kind, { outcome, action }] of Object.entries(stops)) {
    states[describe(kind)] = {
      Type: 'Pass',
      Parameters: { 'outcome.$': outcome, action },
      ResultPath: '$.alert',
      Next: alert,
    };
  }
  states[alert] = {
    Type: 'Task',
    Comment: 'The one alert of this failure; the execution then stops at this job',
    Resource: 'arn:aws:states:::sns:publish',
    Parameters: {
      TopicArn: '${AlertTopicArn}',
      'Subject.$': `States.Format('settlement-batch {}: ${job} stopped', $.businessDate)`,
      'Message.$': `States.Format('Business date {}, job ${job}, partition {}: {}. What to do: {} The day report: ${report} Execution: {}', $.businessDate, $.partition, $.alert.outcome, $.alert.action, $.businessDate, $$.Execution.Id)`,
      MessageAttributes: {
        businessDate: { DataType: 'String', 'StringValue.$': '$.businessDate' },
        job: { DataType: 'String', StringValue: job },
        partition: { DataType: 'String', 'StringValue.$': '$.partition' },
      },
    },
    Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2.0 }],
    ResultPath: null,
    Next: job === jobs.manifest ? `Stopped at ${job}` : `Report the day stopped at ${job}`,
  };
  if (job !== jobs.manifest) {
    // The day's report, whatever stopped it: which jobs ran, where and why it stopped, the manifest
    // so far. Best effort: the alert has gone out, and a report that cannot be written changes
    // nothing of the stop.
    states[`Report the day stopped at ${job}`] = {
      ...ecsTask(jobs.manifest, command(jobs.manifest, false)),
      Comment: `settlement-batch ${jobs.manifest} --report: the report of a day stopped at ${job}`,
      ResultPath: null,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: `Stopped at ${job}` }],
      Next: `Stopped at ${job}`,
    };
  }
  states[`Stopped at ${job}`] = {
    Type: 'Pass',
    Parameters: { ...carry(zeroAttempts), stopped: { 'redriveCount.$': '$$.Execution.RedriveCount' } },
    Next: `Redrive to rerun ${job}`,
  };
  states[`Redrive to rerun ${job}`] = {
    Type: 'Choice',
    Comment: 'Fails the execution here (States.NoChoiceMatched) after the alert; a redrive enters it again with a higher RedriveCount and reruns the job',
    Choices: [{ Variable: '$$.Execution.RedriveCount', NumericGreaterThanPath: '$.stopped.redriveCount', Next: `Rerun ${job}` }],
  };
  states[`Rerun ${job}`] = { Type: 'Pass', Comment: 'redriven: fresh retry budgets', Parameters: carry(zeroAttempts), Next: run };
  return states;
}

// Jobs that run at once: a Parallel state with one branch per job, each branch the job's own states
// (retries, one alert, its stop and redrive). When a branch stops, Step Functions aborts the others;
// a redrive reruns only the failed and aborted branches, each from its unsuccessful step.
function together(name, list, next, options = {}) {
  if (list.length === 1) return jobStates(list[0].job ?? list[0], next, { ...options, required: list[0].required ?? true });
  const job = (entry) => (typeof entry === 'string' ? entry : entry.job);
  return {
    [name]: {
      Type: 'Parallel',
      Comment: `${list.map(job).join(', ')} at once; none reads what another writes (jobs.json, stagesComment)`,
      Branches: list.map((entry) => ({
        StartAt: `Run ${job(entry)}`,
        States: { ...jobStates(job(entry), `${job(entry)} done`, { ...options, required: entry.required ?? true }), [`${job(entry)} done`]: { Type: 'Succeed' } },
      })),
      ResultPath: null,
      Next: next,
    },
  };
}

const stageNumbers = [...new Set(jobs.imports.map((i) => i.stage))].sort((a, b) => a - b);
const stages = stageNumbers.map((n) => jobs.imports.filter((i) => i.stage === n));
const stageName = (i) => (stages[i].length === 1 ? `Run ${stages[i][0].job}` : `Take in: ${stages[i].map((e) => e.job.replace('import-', '')).join(', ')}`);
const OUTPUTS = jobs.outputs.length === 1 ? `Run ${jobs.outputs[0]}` : `Write: ${jobs.outputs.join(', ')}`;

function chain(list, last, options = {}) {
  const states = {};
  const name = (entry) => (typeof entry === 'string' ? entry : entry.job);
  list.forEach((entry, i) => {
    const next = i + 1 < list.length ? `Run ${name(list[i + 1])}` : last;
    Object.assign(states, jobStates(name(entry), next, { ...options, required: entry.required ?? true }));
  });
  return states;
}

// One form of the business date everywhere: YYYYMMDD (the CLI takes it, the execution name and the
// partition plan's key use it). 2026-11-20 and 20261120 become the same date.
function businessDateStates(next, extra = {}) {
  const compact =
    "States.Format('{}{}{}', States.ArrayGetItem(States.StringSplit($.businessDate, '-'), 0), States.ArrayGetItem(States.StringSplit($.businessDate, '-'), 1), States.ArrayGetItem(States.StringSplit($.businessDate, '-'), 2))";
  return {
    'Business date': {
      Type: 'Choice',
      Choices: [
        { Not: { Variable: '$.businessDate', IsPresent: true }, Next: 'No business date' },
        {
          And: [
            { Variable: '$.businessDate', IsString: true },
            { Variable: '$.businessDate', StringMatches: '*-*-*' },
          ],
          Next: 'Business date without dashes',
        },
      ],
      Default: 'Business date as given',
    },
    'Business date without dashes': { Type: 'Pass', Parameters: { 'businessDate.$': compact, ...extra }, Next: next },
    'Business date as given': { Type: 'Pass', Parameters: { 'businessDate.$': '$.businessDate', ...extra }, Next: next },
    'No business date': {
      Type: 'Fail',
      Error: 'NoBusinessDate',
      Cause: 'Start the daily run through start-daily, or with {"businessDate": "YYYY-MM-DD"} or {"businessDate": "YYYYMMDD"}',
    },
  };
}

const daily = {
  Comment: 'settlement-batch daily workflow: the imports in two stages, each stage at once (each import taking in late files of its kind first), plan, one Fargate task per partition per job, the outputs at once, then the file manifest of the day. Generated from jobs.json by build.mjs.',
  StartAt: 'Business date',
  States: {
    ...businessDateStates(stageName(0), { partition: 'all', 'runId.$': '$$.Execution.Name', attempts: zeroAttempts }),
    ...Object.assign({}, ...stages.map((stage, i) => together(stageName(i), stage, i + 1 < stages.length ? stageName(i + 1) : `Run ${jobs.plan}`))),
    ...jobStates(jobs.plan, 'Partitions'),
    Partitions: {
      Type: 'Map',
      Comment: 'One child execution per partition of plans/partitions_YYYYMMDD.json, written by plan-partitions. A child that stops has alerted already; the Map then fails here, and redriving this execution redrives the failed children.',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { Bucket: '${BatchBucket}', 'Key.$': "States.Format('${OutboxPrefix}plans/partitions_{}.json', $.businessDate)" },
      },
      ItemSelector: { 'businessDate.$': '$.businessDate', 'partition.$': '$$.Map.Item.Value.partition', 'runId.$': '$.runId', attempts: zeroAttempts },
      MaxConcurrency: jobs.mapMaxConcurrency,
      ToleratedFailurePercentage: jobs.mapToleratedFailurePercentage,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: `Run ${jobs.partitioned[0]}`,
        States: { ...chain(jobs.partitioned, 'Partition done', { partitioned: true }), 'Partition done': { Type: 'Succeed' } },
      },
      ResultPath: null,
      Next: OUTPUTS,
    },
    ...together(OUTPUTS, jobs.outputs, `Run ${jobs.manifest}`),
    ...jobStates(jobs.manifest, 'Done'),
    Done: { Type: 'Succeed' },
  },
};

const start = {
  Comment: 'Starts the daily workflow for one business date, once: from the schedule (yesterday in Asia/Tokyo), from the arrival of the required cash-flow file (the date in its name), or from an operator ({"businessDate": ...}). Every trigger names the execution daily-YYYYMMDD, so a second trigger for the same date starts nothing. Generated by build.mjs.',
  StartAt: 'From file, schedule or operator',
  States: {
    'From file, schedule or operator': {
      Type: 'Choice',
      Choices: [
        { Variable: '$.detail.object.key', IsPresent: true, Next: 'Date from file name' },
        { And: [{ Variable: '$.businessDate', IsPresent: true }, { Variable: '$.rerun', IsPresent: true }], Next: 'A rerun of the day' },
        { Variable: '$.businessDate', IsPresent: true, Next: 'Business date' },
        { Variable: '$.scheduledTime', IsPresent: true, Next: 'Date from schedule' },
      ],
      Default: 'No business date',
    },
    'Date from file name': {
      Type: 'Pass',
      Comment: 'inbox/cashflow_20261120.csv -> 20261120 (the part after the last _, before the first .)',
      Parameters: {
        'businessDate.$':
          "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.detail.object.key, '_'), States.MathAdd(States.ArrayLength(States.StringSplit($.detail.object.key, '_')), -1)), '.'), 0)",
      },
      Next: 'Business date',
    },
    'Date from schedule': {
      Type: 'Pass',
      Comment: 'The schedule fires between 00:00 and 09:00 in Tokyo, when the UTC date of the scheduled time is yesterday in Tokyo',
      Parameters: { 'businessDate.$': "States.ArrayGetItem(States.StringSplit($.scheduledTime, 'T'), 0)" },
      Next: 'Business date',
    },
    ...businessDateStates('Start daily run'),
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
    'Already started': {
      Type: 'Succeed',
      Comment: 'The run for this business date exists (running, done, or stopped at a job: redrive it).',
    },
    // A hotfix: a redrive always runs the old definition with the old input, and daily-YYYYMMDD stays
    // taken for 90 days, so a code fix runs the day as a new execution daily-YYYYMMDD-rN, on an
    // operator's explicit input {"businessDate": "YYYYMMDD", "rerun": N}. The jobs resume where the
    // failed run stopped (their metadata is in the database, not in the execution).
    'A rerun of the day': {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.businessDate', IsString: true },
            { Not: { Variable: '$.businessDate', StringMatches: '*-*' } },
            { Variable: '$.rerun', IsNumeric: true },
            { Variable: '$.rerun', NumericGreaterThanEquals: 1 },
          ],
          Next: 'Start the rerun',
        },
      ],
      Default: 'Not a rerun',
    },
    'Not a rerun': {
      Type: 'Fail',
      Error: 'NotARerun',
      Cause: 'A rerun takes {"businessDate": "YYYYMMDD", "rerun": N}, N from 1: it starts daily-YYYYMMDD-rN',
    },
    'Start the rerun': {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution',
      Parameters: {
        StateMachineArn: '${DailyStateMachineArn}',
        'Name.$': "States.Format('daily-{}-r{}', $.businessDate, $.rerun)",
        Input: { 'businessDate.$': '$.businessDate' },
      },
      Catch: [{ ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], ResultPath: null, Next: 'Already started' }],
      End: true,
    },
  },
};

// The deadline check: at jobs.json's deadline (Tokyo time, default 09:00) on the morning after each
// run date, it looks up daily-D and alerts once unless D SUCCEEDED (not started, still running,
// failed, timed out, aborted). "Settlement did not run" is what a card issuer most needs to hear.
// The scheduler gives the scheduled time in UTC: before 09:00 in Tokyo its UTC date is D, from
// 09:00 it is D + 1, and D is the day before, worked out below with the intrinsics Step Functions has
// (no date arithmetic): the day before from a table, the month before and the last day of that
// month at the turn of a month, February 29 from a list of leap years.
const deadline = jobs.deadline ?? { time: '09:00' };
const [deadlineHour, deadlineMinute] = deadline.time.split(':').map(Number);
const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1).padStart(2, '0'));
const MONTHS = DAYS.slice(0, 12);
const LAST_DAYS = ['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];
const LEAP_YEARS = Array.from({ length: 100 }, (_, i) => String(2000 + 4 * i)).filter((y) => Number(y) % 100 !== 0 || Number(y) % 400 === 0);
// "07" as a number: JSON has no leading zeros, so read it as "107" and take 100 off.
const asNumber = (path) => `States.StringToJson(States.Format('1{}', ${path}))`;
const DATE_PARTS = {
  'y.$': "States.ArrayGetItem(States.StringSplit($.scheduledTime, '-'), 0)",
  'm.$': "States.ArrayGetItem(States.StringSplit($.scheduledTime, '-'), 1)",
  'd.$': "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.scheduledTime, '-'), 2), 'T'), 0)",
};
const dayBefore = {
  'Day before': {
    Type: 'Choice',
    Choices: [{ Variable: '$.d', StringEquals: '01', Next: 'First of a month' }],
    Default: 'Same month',
  },
  'Same month': {
    Type: 'Pass',
    Parameters: { 'y.$': '$.y', 'm.$': '$.m', 'd.$': `States.ArrayGetItem(States.Array(${DAYS.map((d) => `'${d}'`).join(', ')}), States.MathAdd(${asNumber('$.d')}, -102))` },
    Next: 'Look up the run',
  },
  'First of a month': {
    Type: 'Choice',
    Choices: [{ Variable: '$.m', StringEquals: '01', Next: 'New Year' }],
    Default: 'Month before',
  },
  'New Year': {
    Type: 'Pass',
    Parameters: { 'y.$': `States.Format('{}', States.MathAdd(States.StringToJson($.y), -1))`, m: '12', d: '31' },
    Next: 'Look up the run',
  },
  'Month before': {
    Type: 'Pass',
    Parameters: {
      'y.$': '$.y',
      'm.$': `States.ArrayGetItem(States.Array(${MONTHS.map((m) => `'${m}'`).join(', ')}), States.MathAdd(${asNumber('$.m')}, -102))`,
      'd.$': `States.ArrayGetItem(States.Array(${LAST_DAYS.map((d) => `'${d}'`).join(', ')}), States.MathAdd(${asNumber('$.m')}, -102))`,
      'leap.$': `States.ArrayContains(States.Array(${LEAP_YEARS.map((y) => `'${y}'`).join(', ')}), $.y)`,
    },
    Next: 'Leap day',
  },
  'Leap day': {
    Type: 'Choice',
    Choices: [{ And: [{ Variable: '$.m', StringEquals: '02' }, { Variable: '$.leap', BooleanEquals: true }], Next: 'February 29' }],
    Default: 'Look up the run',
  },
  'February 29': { Type: 'Pass', Parameters: { 'y.$': '$.y', m: '02', d: '29' }, Next: 'Look up the run' },
};
const deadlineCheck = {
  Comment: `settlement-batch deadline check: at ${deadline.time} in Tokyo on the morning after a run date, alert once unless daily-YYYYMMDD of that date SUCCEEDED. Generated by build.mjs.`,
  StartAt: 'Date of the check',
  States: {
    'Date of the check': {
      Type: 'Pass',
      Comment: 'The scheduled time in UTC, in parts',
      Parameters: DATE_PARTS,
      Next: deadlineHour * 60 + deadlineMinute >= 9 * 60 ? 'Day before' : 'Look up the run',
    },
    ...dayBefore,
    'Look up the run': {
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:sfn:describeExecution',
      Parameters: {
        'ExecutionArn.$': "States.Format('${DailyExecutionArnPrefix}daily-{}{}{}', $.y, $.m, $.d)",
      },
      ResultSelector: { 'status.$': '$.Status' },
      ResultPath: '$.run',
      Retry: [{ ErrorEquals: ['Sfn.SfnException', 'Sfn.ThrottlingException'], IntervalSeconds: 10, MaxAttempts: 2, BackoffRate: 2.0 }],
      Catch: [{ ErrorEquals: ['Sfn.ExecutionDoesNotExistException'], ResultPath: null, Next: 'Not started' }],
      Next: 'Succeeded?',
    },
    'Succeeded?': {
      Type: 'Choice',
      Choices: [
        { Variable: '$.run.status', StringEquals: 'SUCCEEDED', Next: 'Done in time' },
        { Variable: '$.run.status', StringEquals: 'RUNNING', Next: 'Still running' },
      ],
      Default: 'Ended without success',
    },
    'Done in time': { Type: 'Succeed' },
    'Not started': {
      Type: 'Pass',
      Parameters: { 'y.$': '$.y', 'm.$': '$.m', 'd.$': '$.d', said: text('has not started: neither the schedule nor the cash-flow file started it. Check the scheduler and its dead-letter queue, then start it through start-daily with the businessDate') },
      Next: 'Alert: the day is not done',
    },
    'Still running': {
      Type: 'Pass',
      Parameters: { 'y.$': '$.y', 'm.$': '$.m', 'd.$': '$.d', said: text('is still running past the deadline: open the execution and see which job or wait it is in (a required file still missing waits up to 3 hours)') },
      Next: 'Alert: the day is not done',
    },
    'Ended without success': {
      Type: 'Pass',
      Parameters: { 'y.$': '$.y', 'm.$': '$.m', 'd.$': '$.d', 'said.$': "States.Format('ended {} (its stop alerted already): fix what the alert names and redrive it', $.run.status)" },
      Next: 'Alert: the day is not done',
    },
    'Alert: the day is not done': {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: {
        TopicArn: '${AlertTopicArn}',
        'Subject.$': "States.Format('settlement-batch {}{}{}: not done by the deadline', $.y, $.m, $.d)",
        'Message.$': `States.Format('Business date {}{}{}: the daily run daily-{}{}{} {}. Deadline ${deadline.time} Asia/Tokyo.', $.y, $.m, $.d, $.y, $.m, $.d, $.said)`,
        MessageAttributes: { 'businessDate': { DataType: 'String', 'StringValue.$': "States.Format('{}{}{}', $.y, $.m, $.d)" } },
      },
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2.0 }],
      End: true,
    },
  },
};

const strip = (o) => JSON.parse(JSON.stringify(o));
const outputs = {
  'daily-settlement.asl.json': JSON.stringify(strip(daily), null, 2) + '\n',
  'start-daily.asl.json': JSON.stringify(strip(start), null, 2) + '\n',
  'deadline-check.asl.json': JSON.stringify(strip(deadlineCheck), null, 2) + '\n',
};
const check = process.argv.includes('--check');
let stale = false;
for (const [file, content] of Object.entries(outputs)) {
  const path = new URL(`./${file}`, import.meta.url);
  if (check) {
    let current = '';
    try { current = readFileSync(path, 'utf8'); } catch { /* missing */ }
    if (current !== content) { console.error(`${file} is not what build.mjs generates from jobs.json: run node build.mjs`); stale = true; }
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
// The schedule follows the run-date rule: 05:30 in Tokyo on the morning after each run date, for
// that date. Its default lives in template.yaml, which SAM reads; it must say what the rule says.
const SCHEDULES = { 'business-days': 'cron(30 5 ? * TUE-SAT *)', 'every-calendar-date': 'cron(30 5 * * ? *)' };
const scheduleCron = SCHEDULES[jobs.runDates.rule];
if (!scheduleCron) throw new Error(`jobs.json runDates.rule must be one of ${Object.keys(SCHEDULES).join(', ')}`);
const template = readFileSync(new URL('./template.yaml', import.meta.url), 'utf8');
if (!template.includes(`ScheduleCron: { Type: String, Default: '${scheduleCron}'`)) {
  console.error(`template.yaml: the ScheduleCron default must be ${scheduleCron}, the schedule of the run-date rule ${jobs.runDates.rule}`);
  stale = true;
}
// The deadline check fires at jobs.json's deadline on the mornings the schedule fires.
const deadlineCron = scheduleCron.replace('cron(30 5 ', `cron(${deadlineMinute} ${deadlineHour} `);
if (!template.includes(`DeadlineCron: { Type: String, Default: '${deadlineCron}'`)) {
  console.error(`template.yaml: the DeadlineCron default must be ${deadlineCron}, jobs.json's deadline ${deadline.time} on the schedule's days`);
  stale = true;
}
process.exit(stale ? 1 : 0);
