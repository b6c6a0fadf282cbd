// The RunTask request of an operator's one-off command (ops.sh): the ops task definition, the given
// CLI arguments as its command, the network of the jobs, no public IP, and who started it.
export function runTaskRequest(args, env) {
  const need = (name) => {
    if (!env[name]) throw new Error(`set ${name} (see step-functions/README.md, "Operators in production")`);
    return env[name];
  };
  if (!args.length) throw new Error('usage: ops.sh <command> [options], e.g. ops.sh executions --business-date=2026-11-20');
  const who = (env.USER || 'operator').replace(/[^A-Za-z0-9_.@-]/g, '_');
  return {
    cluster: need('OPS_CLUSTER'),
    taskDefinition: env.OPS_TASK_DEFINITION || 'settlement-batch-ops',
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    count: 1,
    startedBy: `ops-${who}`.slice(0, 36),
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: need('OPS_SUBNETS').split(',').map((s) => s.trim()).filter(Boolean),
        securityGroups: [need('OPS_SECURITY_GROUP')],
        assignPublicIp: 'DISABLED',
      },
    },
    overrides: { containerOverrides: [{ name: 'settlement-batch', command: args }] },
    propagateTags: 'TASK_DEFINITION',
    tags: [{ key: 'ops-command', value: args[0].slice(0, 256) }, { key: 'ops-operator', value: who }],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(JSON.stringify(runTaskRequest(process.argv.slice(2), process.env)));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
