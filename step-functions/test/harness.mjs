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
// - A Parallel state runs its branches one after the other (so which ran is deterministic), each as
//   an execution of its own with the Parallel state's input. When a branch fails, the branches not
//   yet run count as aborted, as Step Functions aborts the ones still running; a redrive reruns the
//   failed branch from its unsuccessful step and the aborted ones from their start, and never a
//   branch that succeeded (RedriveExecution: "only the iterations and branches that failed or
//   aborted"). The harness so shows the worst case: siblings cut off before they finished.
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
    for (const branch of state.Branches ?? []) statesOf(branch, visit);
  }
}

/**
 * A scripted ECS and SNS: `script` maps "job" or "job@i/N" to a list of outcomes, one per run
 * (the last repeats); anything unscripted succeeds.
 *
 * It also keeps a clock as Fargate would pay it: each task costs `startSeconds` (provisioning,
 * image pull, JVM start) plus the job's `jobSeconds` (a partition's share: the job's time ÷ N).
 * Branches of a Parallel state and children of the Map start at the same time and the state ends
 * with the last of them, so `now` is the simulated wall clock and `startsOnPath` the task starts on
 * the critical path.
 */
export class World {
  constructor(script = {}, { plan = [{ partition: '0/2', accounts: 10 }, { partition: '1/2', accounts: 12 }], startSeconds = 0, jobSeconds = {} } = {}) {
    this.script = Object.fromEntries(Object.entries(script).map(([k, v]) => [k, [...v]]));
    this.plan = plan;
    this.runs = [];
    this.runIds = [];
    this.alerts = [];
    this.planKeys = [];
    this.startSeconds = startSeconds;
    this.jobSeconds = jobSeconds;
    this.now = 0;
    this.startsOnPath = 0;
  }

  /** Runs `paths` (async functions) as if at once: the clock and the starts of the longest. */
  async atOnce(paths) {
    const from = { now: this.now, starts: this.startsOnPath };
    let last = from;
    try {
      for (const path of paths) {
        this.now = from.now;
        this.startsOnPath = from.starts;
        try {
          await path();
        } finally {
          if (this.now > last.now) last = { now: this.now, starts: this.startsOnPath };
        }
      }
    } finally {
      this.now = last.now;
      this.startsOnPath = last.starts;
    }
  }

  runTask(input) {
    const command = input.Overrides.ContainerOverrides[0].Command;
    this.runs.push(command.join(' '));
    this.runIds.push((input.Overrides.ContainerOverrides[0].Environment ?? []).find((e) => e.Name === 'SETTLEMENT_RUN_ID')?.Value);
    const job = command[0] === 'run' ? command[1] : command[0];
    const partition = command.find((c) => c.startsWith('--partition='))?.slice('--partition='.length);
    const key = partition ? `${job}@${partition}` : job;
    this.now += this.startSeconds + (this.jobSeconds[job] ?? 0) / (partition ? Number(partition.split('/')[1]) : 1);
    this.startsOnPath += 1;
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
  for (const [name, state] of Object.entries(def.States)) {
    if (state.Type === 'Parallel') {
      def.States[name] = { Type: 'Task', Resource: 'arn:aws:states:::test:parallel', ResultPath: null, Next: state.Next, TestParallel: state };
    }
  }
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
  for (const [name, state] of Object.entries(definition.States)) {
    if (!state.TestParallel) continue;
    tasks[name] = async (input) => {
      // a redrive of this state reruns the failed and aborted branches only (taken once: a later
      // Parallel state of the same execution runs all its branches)
      const runs = children.redriveBranches ?? state.TestParallel.Branches.map((_, index) => ({ index, input }));
      children.redriveBranches = undefined;
      children.failedBranches = [];
      let failure;
      await world.atOnce(
        runs.map((branch, k) => async () => {
          if (failure) return; // aborted with the failed one
          const run = await execute(state.TestParallel.Branches[branch.index], branch.input, world, {
            name: context.Execution.Name,
            startAt: branch.state,
            redriveCount: context.Execution.RedriveCount,
            timeouts: children.timeouts,
          });
          if (run.status !== 'SUCCEEDED') {
            children.failedBranches = [{ index: branch.index, state: run.stoppedAt.state, input: run.stoppedAt.input }, ...runs.slice(k + 1)];
            failure = run.failure;
          }
        }),
      );
      if (failure) throw error(failure.error, failure.cause);
      return null;
    };
  }
  const map = definition.States.Partitions?.TestMap;
  if (map) {
    tasks.Partitions = async (input) => {
      // A redrive of the parent redrives only the unsuccessful children, each from its own step.
      const runs = children.redrive
        ? children.redrive.map((c) => ({ input: c.input, startAt: c.state }))
        : await Promise.all(input.testPlan.map(async (item) => ({ input: await selected(map.ItemSelector, input, item, context) })));
      children.failed = [];
      await world.atOnce(
        runs.map((child) => async () => {
          if (children.failed.length > 0) return; // ToleratedFailurePercentage 0: the Map Run fails
          // a child execution has a name of its own, as a Distributed Map's children do
          const run = await execute(map.ItemProcessor, child.input, world, {
            name: `${context.Execution.Name}-partition-child`,
            startAt: child.startAt,
            redriveCount: context.Execution.RedriveCount,
            timeouts: children.timeouts,
          });
          if (run.status !== 'SUCCEEDED') children.failed.push(run.stoppedAt);
        }),
      );
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
export async function execute(definition, input, world, { name = 'daily-20261120', redriveCount = 0, startAt, redriveChildren, redriveBranches, timeouts } = {}) {
  const def = runnable(definition, { startAt, timeouts });
  const machine = new StateMachine(def, { validationOptions: { noValidate: true } });
  const context = {
    Execution: {
      Id: `arn:aws:states:ap-northeast-1:123456789012:execution:settlement-batch-daily:${name}`,
      Name: name,
      RedriveCount: redriveCount,
    },
  };
  const children = { redrive: redriveChildren, failed: [], redriveBranches, failedBranches: [], timeouts };
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
  return {
    status,
    output,
    failure,
    redriveCount,
    stoppedAt: unsuccessful(events),
    failedChildren: children.failed,
    failedBranches: children.failedBranches,
    definition,
  };
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
  if (failed.failedBranches.length > 0) options.redriveBranches = failed.failedBranches;
  return execute(failed.definition, input, world, options);
}

/**
 * Where a failed execution stopped: its unsuccessful step, or inside a failed Parallel state the
 * failed branch's, or inside the failed Map the failed child's.
 */
export function stoppedState(failed) {
  if (failed.failedBranches.length > 0) return failed.failedBranches[0].state;
  if (failed.failedChildren.length > 0) return failed.failedChildren[0].state;
  return failed.stoppedAt.state;
}

/** Every job of the daily run, as the harness names them ("job" or "job@i/N"), in order. */
export function allJobs(plan) {
  const w = jobsJson;
  const partitioned = plan.flatMap((p) => w.partitioned.map((j) => `${j}@${p.partition}`));
  return [...w.imports.map((i) => i.job), w.plan, ...partitioned, ...w.outputs, w.manifest];
}
