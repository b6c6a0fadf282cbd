// Runs the generated state machines in aws-local-stepfunctions (an ASL interpreter) with every AWS
// integration replaced by a local handler that answers with the shapes the real services give
// (deployment.md): ecs:runTask.sync returns the stopped task, or throws States.TaskFailed with the
// task as JSON (with or without an ExitCode), AmazonECS.Unknown / ECS.* with plain-text causes, or
// hangs until the state's TimeoutSeconds raises States.Timeout.
//
// Two things the interpreter does not do, and how they are fed here:
// - The Distributed Map's ItemReader: the harness puts a Task state in front of the Map that takes
//   the ItemReader's own Parameters (so the key is evaluated by the interpreter from the real
//   expression) and answers with the world's partition plan, recording the key it was asked for.
//   The Map itself runs as a Distributed Map does: one child execution of its ItemProcessor per
//   item, with the ItemSelector evaluated by the interpreter; the Map Run fails on the first failed
//   child (ToleratedFailurePercentage 0).
// - Redrive: it is emulated as the service documents it: the execution continues from its
//   unsuccessful step with that step's input and $$.Execution.RedriveCount one higher; a failed Map
//   redrives only its unsuccessful children, each from its own unsuccessful step.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const here = (file) => new URL(`../${file}`, import.meta.url);
export const jobsJson = JSON.parse(readFileSync(here('jobs.json')));
export const daily = () => JSON.parse(readFileSync(here('daily-settlement.asl.json')));
export const starter = () => JSON.parse(readFileSync(here('start-daily.asl.json')));

const READ_PLAN = 'Test: read the partition plan (ItemReader)';

/** The stopped task as DescribeTasks gives it, which runTask.sync returns or puts in the Cause. */
export function stoppedTask(exitCode, extra = {}) {
  const container = { Name: 'settlement-batch', LastStatus: 'STOPPED' };
  if (exitCode !== undefined) container.ExitCode = exitCode;
  return {
    TaskArn: 'arn:aws:ecs:ap-northeast-1:123456789012:task/settlement/0a1b2c',
    LastStatus: 'STOPPED',
    StopCode: 'EssentialContainerExited',
    StoppedReason: 'Essential container in task exited',
    Containers: [container],
    ...extra,
  };
}

function error(name, cause) {
  const e = new Error(cause);
  e.name = name;
  return e;
}

/** What one run of a job's task does. */
export const outcome = {
  ok: () => stoppedTask(0),
  exit: (code) => () => {
    throw error('States.TaskFailed', JSON.stringify(stoppedTask(code)));
  },
  notStarted: () => {
    throw error(
      'States.TaskFailed',
      JSON.stringify(
        stoppedTask(undefined, {
          StopCode: 'TaskFailedToStart',
          StoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed',
        }),
      ),
    );
  },
  capacity: () => {
    throw error('AmazonECS.Unknown', 'Capacity is unavailable at this time. Please try again later or in a different availability zone');
  },
  ecsApi: () => {
    throw error('ECS.AmazonECSException', 'User is not authorized to perform: ecs:TagResource on resource: arn:aws:ecs:ap-northeast-1:123456789012:task/settlement/*');
  },
  hang: () => new Promise(() => {}),
};

function statesOf(definition, visit) {
  for (const [name, state] of Object.entries(definition.States)) {
    visit(name, state, definition);
    if (state.ItemProcessor) statesOf(state.ItemProcessor, visit);
  }
}

/**
 * A scripted ECS and SNS: `script` maps "job" or "job@i/N" to a list of outcomes, one per run
 * (the last repeats); anything unscripted succeeds.
 */
export class World {
  constructor(script = {}, { plan = [{ partition: '0/2', accounts: 10 }, { partition: '1/2', accounts: 12 }] } = {}) {
    this.script = Object.fromEntries(Object.entries(script).map(([k, v]) => [k, [...v]]));
    this.plan = plan;
    this.runs = [];
    this.runIds = [];
    this.alerts = [];
    this.planKeys = [];
  }

  runTask(input) {
    const command = input.Overrides.ContainerOverrides[0].Command;
    this.runs.push(command.join(' '));
    this.runIds.push((input.Overrides.ContainerOverrides[0].Environment ?? []).find((e) => e.Name === 'SETTLEMENT_RUN_ID')?.Value);
    const job = command[0] === 'run' ? command[1] : command[0];
    const partition = command.find((c) => c.startsWith('--partition='))?.slice('--partition='.length);
    const key = partition ? `${job}@${partition}` : job;
    const queue = this.script[key] ?? this.script[job];
    if (!queue || queue.length === 0) return outcome.ok();
    const next = queue.length > 1 ? queue.shift() : queue[0];
    return next();
  }

  /** The jobs run, as "job" or "job@i/N", in order. */
  get jobs() {
    return this.runs.map((r) => {
      const parts = r.split(' ');
      const job = parts[0] === 'run' ? parts[1] : parts[0];
      const partition = parts.find((c) => c.startsWith('--partition='))?.slice('--partition='.length);
      return partition ? `${job}@${partition}` : job;
    });
  }
}

/**
 * The definition made runnable here: the ItemReader fed from the world's plan, and the Distributed
 * Map run as what it is, one child execution per item (one after the other, so which ran is
 * deterministic), each with its own event history.
 */
function runnable(definition, { startAt, timeouts = {} } = {}) {
  const def = structuredClone(definition);
  if (startAt) def.StartAt = startAt;
  statesOf(def, (name, state) => {
    if (timeouts[name] !== undefined) state.TimeoutSeconds = timeouts[name];
  });
  const map = def.States.Partitions;
  if (map) {
    for (const state of Object.values(def.States)) {
      if (state.Next === 'Partitions') state.Next = READ_PLAN;
    }
    if (def.StartAt === 'Partitions') def.StartAt = READ_PLAN;
    def.States[READ_PLAN] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::s3:getObject',
      Parameters: map.ItemReader.Parameters,
      ResultPath: '$.testPlan',
      Next: 'Partitions',
    };
    def.States.Partitions = {
      Type: 'Task',
      Resource: 'arn:aws:states:::test:distributedMap',
      ResultPath: null,
      Next: map.Next,
      TestMap: map,
    };
  }
  return def;
}

function handlers(definition, world, context, children) {
  const tasks = {};
  const waits = {};
  const retries = {};
  statesOf(definition, (name, state) => {
    if (state.Type === 'Wait') waits[name] = 0;
    if (state.Retry) retries[name] = 0;
    if (state.Resource === 'arn:aws:states:::ecs:runTask.sync') tasks[name] = (input) => world.runTask(input);
    if (state.Resource === 'arn:aws:states:::sns:publish') {
      tasks[name] = (input) => {
        world.alerts.push({ subject: input.Subject, message: input.Message, attributes: input.MessageAttributes });
        return { MessageId: `m-${world.alerts.length}` };
      };
    }
  });
  tasks[READ_PLAN] = (input) => {
    world.planKeys.push(`${input.Bucket}/${input.Key}`);
    return world.plan;
  };
  const map = definition.States.Partitions?.TestMap;
  if (map) {
    tasks.Partitions = async (input) => {
      // A redrive of the parent redrives only the unsuccessful children, each from its own step.
      const runs = children.redrive
        ? children.redrive.map((c) => ({ input: c.input, startAt: c.state }))
        : await Promise.all(input.testPlan.map(async (item) => ({ input: await selected(map.ItemSelector, input, item, context) })));
      children.failed = [];
      for (const child of runs) {
        // a child execution has a name of its own, as a Distributed Map's children do
        const run = await execute(map.ItemProcessor, child.input, world, {
          name: `${context.Execution.Name}-partition-child`,
          startAt: child.startAt,
          redriveCount: context.Execution.RedriveCount,
          timeouts: children.timeouts,
        });
        if (run.status !== 'SUCCEEDED') children.failed.push(run.stoppedAt);
        if (children.failed.length > 0) break; // ToleratedFailurePercentage 0: the Map Run fails
      }
      if (children.failed.length > 0) throw error('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
      return null;
    };
  }
  return { taskResourceLocalHandlers: tasks, waitTimeOverrides: waits, retryIntervalOverrides: retries };
}

/** The ItemSelector evaluated by the interpreter itself, as a Pass state with $$.Map.Item. */
async function selected(itemSelector, input, item, context) {
  const pass = new StateMachine(
    { StartAt: 'Select', States: { Select: { Type: 'Pass', Parameters: itemSelector, End: true } } },
    { validationOptions: { noValidate: true } },
  );
  return pass.run(input, { context: { ...context, Map: { Item: { Index: 0, Value: item } } } }).result;
}

/**
 * Runs an execution to its end. Returns its status, output or error, the step it stopped at (and
 * for a failed Map, the steps its children stopped at), and what a redrive needs.
 */
export async function execute(definition, input, world, { name = 'daily-20261120', redriveCount = 0, startAt, redriveChildren, timeouts } = {}) {
  const def = runnable(definition, { startAt, timeouts });
  const machine = new StateMachine(def, { validationOptions: { noValidate: true } });
  const context = {
    Execution: {
      Id: `arn:aws:states:ap-northeast-1:123456789012:execution:settlement-batch-daily:${name}`,
      Name: name,
      RedriveCount: redriveCount,
    },
  };
  const children = { redrive: redriveChildren, failed: [], timeouts };
  const execution = machine.run(input, { overrides: handlers(def, world, context, children), context });
  const events = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs) events.push(event);
  })();
  let status = 'SUCCEEDED';
  let output;
  let failure;
  try {
    output = await execution.result;
  } catch (e) {
    status = 'FAILED';
    failure = { error: e.cause?.name ?? e.name, cause: e.cause?.message ?? e.message };
  }
  await collecting;
  return { status, output, failure, redriveCount, stoppedAt: unsuccessful(events), failedChildren: children.failed, definition };
}

/** The step an execution stopped at: the last state entered and not left. */
function unsuccessful(events) {
  let open;
  for (const e of events) {
    if (e.type === 'StateEntered') open = { state: e.state.name, input: e.state.input };
    if (e.type === 'StateExited' && open?.state === e.state.name) open = undefined;
  }
  return open;
}

/** Redrive as Step Functions does it: from the unsuccessful step, same input, RedriveCount + 1. */
export function redrive(failed, world) {
  const { state, input } = failed.stoppedAt;
  const options = { startAt: state, redriveCount: failed.redriveCount + 1 };
  if (state === 'Partitions') options.redriveChildren = failed.failedChildren;
  return execute(failed.definition, input, world, options);
}

/** Every job of the daily run, as the harness names them ("job" or "job@i/N"), in order. */
export function allJobs(plan) {
  const w = jobsJson;
  const partitioned = plan.flatMap((p) => w.partitioned.map((j) => `${j}@${p.partition}`));
  return [...w.imports.map((i) => i.job), w.plan, ...partitioned, ...w.outputs, w.manifest];
}
