// ops.sh's RunTask request: the command as given, the jobs' network without a public IP, and a
// request the ECS API accepts, checked against botocore's own model of RunTask (Python, this machine's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { runTaskRequest } from '../ops.mjs';

const env = { OPS_CLUSTER: 'arn:aws:ecs:ap-northeast-1:123456789012:cluster/settlement', OPS_SUBNETS: 'subnet-0a, subnet-0c', OPS_SECURITY_GROUP: 'sg-0123', USER: 'tanaka' };

/** botocore's validation of a RunTask request: the list of problems, empty when the API takes it. */
function botocoreProblems(request) {
  const script = `
import json, sys, botocore.session
from botocore.validate import ParamValidator
model = botocore.session.get_session().get_service_model('ecs')
report = ParamValidator().validate(json.loads(sys.stdin.read()), model.operation_model('RunTask').input_shape)
print(report.generate_report())`;
  return execFileSync('python3', ['-c', script], { input: JSON.stringify(request) }).toString().trim();
}

test('any CLI command becomes the ops task\'s command, on the jobs\' network, without a public IP', () => {
  for (const args of [['executions', '--business-date=2026-11-20'], ['abandon', '4711'], ['files', '--business-date=20261120', '--report']]) {
    const request = runTaskRequest(args, env);
    assert.deepEqual(request.overrides.containerOverrides, [{ name: 'settlement-batch', command: args }]);
    assert.equal(request.taskDefinition, 'settlement-batch-ops');
    assert.deepEqual(request.networkConfiguration.awsvpcConfiguration, { subnets: ['subnet-0a', 'subnet-0c'], securityGroups: ['sg-0123'], assignPublicIp: 'DISABLED' });
    assert.equal(request.startedBy, 'ops-tanaka');
    assert.equal(botocoreProblems(request), '', args.join(' '));
  }
});

test('without a command or the cluster it says what to set, and botocore refuses a wrong request', () => {
  assert.throws(() => runTaskRequest([], env), /usage: ops.sh <command>/);
  const { OPS_CLUSTER, ...noCluster } = env;
  assert.throws(() => runTaskRequest(['executions'], noCluster), /set OPS_CLUSTER/);
  // the check itself can fail: a count given as text is refused
  assert.notEqual(botocoreProblems({ ...runTaskRequest(['executions'], env), count: 'one' }), '');
});
