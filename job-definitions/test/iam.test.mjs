// Every task role, the execution role and the daily state machine's role, evaluated by an IAM policy
// engine (@cloud-copilot/iam-simulate): each allows what its real day does, with the real keys of
// files.md, and denies what other jobs do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { parse } from 'yaml';

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';
const BUCKET = 'settlement-batch-prod';
const INBOX_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111aaaa-0000-0000-0000-000000000001`;
const OUTBOX_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/2222bbbb-0000-0000-0000-000000000002`;
const SECRET_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/3333cccc-0000-0000-0000-000000000003`;
const SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:settlement-batch/db-AbCdEf`;
const OWNER_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:settlement-batch/db-owner-GhIjKl`;
const REPOSITORY = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/settlement-batch`;
const TASK_ROLE_PREFIX = `arn:aws:iam::${ACCOUNT}:role/settlement-batch-task-`;
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/settlement-batch-execution`;
const CLUSTER = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/settlement`;
const DATE = '20261120';

const values = {
  BatchBucket: BUCKET,
  InboxKmsKeyArn: INBOX_KEY,
  OutboxKmsKeyArn: OUTBOX_KEY,
  DatabaseSecretKmsKeyArn: SECRET_KEY,
  DatabasePasswordSecretArn: SECRET,
  DatabaseOwnerPasswordSecretArn: OWNER_SECRET,
  ImageRepositoryArn: REPOSITORY,
  Region: REGION,
  AccountId: ACCOUNT,
};
const fill = (text, more = {}) => text.replace(/\$\{([A-Za-z:]+)\}/g, (all, name) => ({ ...values, ...more })[name] ?? all);
const policyFile = (file) => JSON.parse(fill(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')));

const workflow = JSON.parse(readFileSync(new URL('../../step-functions/jobs.json', import.meta.url)));
const JOBS = [...workflow.imports.map((i) => i.job), workflow.plan, ...workflow.partitioned, ...workflow.outputs, workflow.manifest];

const DEFAULT_KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

async function decide(policy, action, resource, context = {}) {
  const response = await runSimulation(
    {
      identityPolicies: [{ name: 'role', policy }],
      // A KMS key answers only to IAM policies that its key policy lets in: the keys here have the
      // default key policy, which does.
      resourcePolicy: action.startsWith('kms:') ? DEFAULT_KEY_POLICY : undefined,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action,
        principal: `arn:aws:sts::${ACCOUNT}:assumed-role/settlement-batch/task`,
        resource: { resource, accountId: resource.startsWith('arn:aws:s3:::') ? ACCOUNT : resource.split(':')[4] || ACCOUNT },
        contextVariables: context,
      },
    },
    {},
  );
  if (response.resultType === 'error') throw new Error(`${action} ${resource}: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

const object = (key) => `arn:aws:s3:::${BUCKET}/${key}`;
const bucket = `arn:aws:s3:::${BUCKET}`;

// What each job does on a real day (files.md names), and something another job does that it must not.
const DAYS = {
  'import-calendar': { reads: ['inbox/syukujitsu.csv'], writes: ['outbox/rejects/syukujitsu.csv.rejects.csv'] },
  'import-accounts': { reads: [`inbox/accounts_${DATE}.csv`], writes: [`outbox/rejects/accounts_${DATE}.csv.rejects.csv`] },
  'import-cash-flows': { reads: [`inbox/cashflow_${DATE}.csv`], writes: [`outbox/rejects/cashflow_${DATE}.csv.rejects.csv`] },
  'import-repayments': { reads: [`inbox/repayment_${DATE}.csv`], writes: [`outbox/rejects/repayment_${DATE}.csv.rejects.csv`] },
  'import-applications': {
    reads: [`inbox/applications_${DATE}.csv`, `inbox/watchlist_${DATE}.csv`],
    writes: [`outbox/rejects/applications_${DATE}.csv.rejects.csv`],
  },
  'plan-partitions': { reads: [], writes: [`outbox/plans/partitions_${DATE}.json`] },
  'update-statements': { reads: [], writes: [] },
  'update-repayments': { reads: [], writes: [] },
  'accrue-interest': { reads: [], writes: [] },
  'close-statements': { reads: [], writes: [] },
  'notify-interest': { reads: [], writes: [`outbox/notifications/interest_${DATE}.jsonl`] },
  'build-credit-review-list': { reads: [], writes: [`outbox/credit-review/credit_review_${DATE}.csv`] },
  files: { reads: [], lists: ['inbox/'], writes: [`outbox/reports/daily_${DATE}.json`] },
};
const ALL_READS = [...new Set(Object.values(DAYS).flatMap((d) => d.reads))];
const ALL_WRITES = [...new Set(Object.values(DAYS).flatMap((d) => d.writes))];
const prefixOf = (key) => key.replace(/[0-9]{8}\.csv$/, '');

test('every job of the workflow has a day here', () => {
  assert.deepEqual(Object.keys(DAYS).sort(), [...JOBS].sort());
});

for (const job of JOBS) {
  test(`${job}: its role allows its real day and denies other jobs' files`, async () => {
    const policy = policyFile(`${job}.task-role-policy.json`);
    const day = DAYS[job];
    for (const key of day.reads) {
      assert.equal(await decide(policy, 's3:GetObject', object(key)), 'Allowed', `${job} reads ${key}`);
      assert.equal(await decide(policy, 's3:GetObjectVersion', object(key)), 'Allowed', `${job} reads a version of ${key}`);
      // A missing key must read as 404 (exit 4), which S3 gives only with ListBucket on the prefix.
      assert.equal(await decide(policy, 's3:ListBucket', bucket, { 's3:prefix': key }), 'Allowed', `${job} lists ${key}`);
      assert.equal(await decide(policy, 'kms:Decrypt', INBOX_KEY), 'Allowed', `${job} decrypts the inbox`);
      // late files of earlier dates are found by listing the file's name prefix
      const namePrefix = key.replace(/[0-9]{8}\.csv$/, '');
      assert.equal(await decide(policy, 's3:ListBucket', bucket, { 's3:prefix': namePrefix }), 'Allowed', `${job} lists ${namePrefix}`);
    }
    for (const prefix of day.lists ?? []) {
      for (const key of ALL_READS) {
        assert.equal(await decide(policy, 's3:ListBucket', bucket, { 's3:prefix': prefixOf(key) }), 'Allowed', `${job} lists ${prefixOf(key)}`);
        assert.notEqual(await decide(policy, 's3:GetObject', object(key)), 'Allowed', `${job} must not read ${key}`);
      }
      assert.equal(await decide(policy, 's3:ListBucket', bucket, { 's3:prefix': prefix }), 'Allowed', `${job} lists ${prefix}`);
    }
    for (const key of day.writes) {
      assert.equal(await decide(policy, 's3:PutObject', object(key)), 'Allowed', `${job} writes ${key}`);
      assert.equal(await decide(policy, 's3:GetObject', object(key)), 'Allowed', `${job} checks what it wrote to ${key}`);
      assert.equal(await decide(policy, 'kms:GenerateDataKey', OUTBOX_KEY), 'Allowed', `${job} encrypts the outbox`);
    }
    for (const key of ALL_READS.filter((k) => !day.reads.some((mine) => prefixOf(mine) === prefixOf(k)))) {
      assert.notEqual(await decide(policy, 's3:GetObject', object(key)), 'Allowed', `${job} must not read ${key}`);
      if (!day.lists) {
        assert.notEqual(await decide(policy, 's3:ListBucket', bucket, { 's3:prefix': key }), 'Allowed', `${job} must not list ${key}`);
      }
    }
    for (const key of ALL_WRITES.filter((k) => !day.writes.some((mine) => mine.split('/')[1] === k.split('/')[1]))) {
      assert.notEqual(await decide(policy, 's3:PutObject', object(key)), 'Allowed', `${job} must not write ${key}`);
      assert.notEqual(await decide(policy, 's3:GetObject', object(key)), 'Allowed', `${job} must not read ${key}`);
    }
    assert.notEqual(await decide(policy, 's3:ListBucket', bucket, { 's3:prefix': 'outbox/' }), 'Allowed', `${job} must not list the outbox`);
    assert.notEqual(await decide(policy, 's3:DeleteObject', object(`inbox/cashflow_${DATE}.csv`)), 'Allowed', `${job} deletes nothing`);
    if (day.writes.length === 0) {
      assert.notEqual(await decide(policy, 'kms:GenerateDataKey', OUTBOX_KEY), 'Allowed', `${job} writes nothing`);
    }
  });
}

test('the execution role pulls the image, writes the jobs log group and reads the password under its key', async () => {
  const policy = policyFile('execution-role-policy.json');
  assert.equal(await decide(policy, 'secretsmanager:GetSecretValue', SECRET), 'Allowed');
  assert.equal(await decide(policy, 'kms:Decrypt', SECRET_KEY, { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` }), 'Allowed');
  assert.notEqual(await decide(policy, 'kms:Decrypt', SECRET_KEY, { 'kms:ViaService': `s3.${REGION}.amazonaws.com` }), 'Allowed');
  assert.equal(
    await decide(policy, 'logs:PutLogEvents', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/settlement-batch/jobs:log-stream:import-cash-flows/settlement-batch/abc`),
    'Allowed',
  );
  assert.notEqual(await decide(policy, 'logs:PutLogEvents', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/other:log-stream:x`), 'Allowed');
  assert.notEqual(await decide(policy, 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:other-XyZ123`), 'Allowed');
  // the migrate task's owner password too; the image of this repository only
  assert.equal(await decide(policy, 'secretsmanager:GetSecretValue', OWNER_SECRET), 'Allowed');
  assert.equal(await decide(policy, 'ecr:GetAuthorizationToken', '*'), 'Allowed');
  assert.equal(await decide(policy, 'ecr:BatchGetImage', REPOSITORY), 'Allowed');
  assert.notEqual(await decide(policy, 'ecr:BatchGetImage', `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/other`), 'Allowed');
});

test('the migrate task reaches no bucket; only it gets the owner, and every job runs with Flyway off under the row-only user', async () => {
  const policy = policyFile('migrate.task-role-policy.json');
  assert.notEqual(await decide(policy, 's3:GetObject', object(`inbox/cashflow_${DATE}.csv`)), 'Allowed');
  assert.notEqual(await decide(policy, 's3:PutObject', object('outbox/reports/x.json')), 'Allowed');
  const container = (job) => JSON.parse(readFileSync(new URL(`../${job}.taskdef.json`, import.meta.url), 'utf8')).containerDefinitions[0];
  const env = (c) => Object.fromEntries(c.environment.map((e) => [e.name, e.value]));
  const migrate = container('migrate');
  assert.deepEqual(migrate.command, ['migrate']);
  assert.equal(env(migrate).SPRING_DATASOURCE_USERNAME, '${DatabaseOwnerUser}');
  assert.equal(migrate.secrets[0].valueFrom, '${DatabaseOwnerPasswordSecretArn}');
  assert.equal(env(migrate).SPRING_FLYWAY_ENABLED, undefined);
  for (const job of JOBS) {
    const c = container(job);
    assert.equal(env(c).SPRING_DATASOURCE_USERNAME, '${DatabaseUser}', job);
    assert.equal(env(c).SPRING_FLYWAY_ENABLED, 'false', job);
    assert.equal(c.secrets[0].valueFrom, '${DatabasePasswordSecretArn}', job);
  }
});

// The daily state machine's role, as template.yaml gives it to SAM, with the stack's values.
function stateMachinePolicy() {
  const stack = {
    'AWS::Partition': 'aws',
    'AWS::Region': REGION,
    'AWS::AccountId': ACCOUNT,
    ClusterArn: CLUSTER,
    TaskDefinitionPrefix: 'settlement-batch-',
    TaskRoleArnPrefix: TASK_ROLE_PREFIX,
    ExecutionRoleArn: EXECUTION_ROLE,
    'ExecutionRole.Arn': EXECUTION_ROLE,
    BatchBucket: BUCKET,
    OutboxPrefix: 'outbox/',
    OutboxKmsKeyArn: OUTBOX_KEY,
    AlertTopic: `arn:aws:sns:${REGION}:${ACCOUNT}:settlement-batch-alerts`,
    'AlertKey.Arn': `arn:aws:kms:${REGION}:${ACCOUNT}:key/4444dddd-0000-0000-0000-000000000004`,
  };
  const sub = (text) => text.replace(/\$\{([A-Za-z:.]+)\}/g, (all, name) => stack[name] ?? all);
  const customTags = [
    { tag: '!Ref', resolve: (name) => stack[name] ?? name },
    { tag: '!Sub', resolve: (text) => sub(text) },
    { tag: '!GetAtt', resolve: (name) => stack[name] ?? name },
    { tag: '!If', collection: 'seq', resolve: () => 'condition' },
    { tag: '!Not', collection: 'seq', resolve: () => 'condition' },
    { tag: '!Equals', collection: 'seq', resolve: () => 'condition' },
  ];
  const template = parse(readFileSync(new URL('../../step-functions/template.yaml', import.meta.url), 'utf8'), { customTags });
  const statements = template.Resources.DailyStateMachine.Properties.Policies.flatMap((p) => p.Statement);
  return { Version: '2012-10-17', Statement: statements };
}

test('the daily state machine can do everything its integrations call, and pass only the job roles', async () => {
  const policy = stateMachinePolicy();
  const allowed = [
    ['ecs:RunTask', `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/settlement-batch-import-cash-flows:7`],
    ['ecs:TagResource', `arn:aws:ecs:${REGION}:${ACCOUNT}:task/settlement/0a1b2c`, { 'ecs:CreateAction': 'RunTask' }],
    ['ecs:DescribeTasks', `arn:aws:ecs:${REGION}:${ACCOUNT}:task/settlement/0a1b2c`, { 'ecs:cluster': CLUSTER }],
    ['ecs:StopTask', `arn:aws:ecs:${REGION}:${ACCOUNT}:task/settlement/0a1b2c`, { 'ecs:cluster': CLUSTER }],
    ['iam:PassRole', `${TASK_ROLE_PREFIX}import-cash-flows`, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
    ['iam:PassRole', EXECUTION_ROLE, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
    ['events:PutRule', `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForECSTaskRule`],
    ['s3:GetObject', object(`outbox/plans/partitions_${DATE}.json`)],
    ['kms:Decrypt', OUTBOX_KEY, { 'kms:ViaService': `s3.${REGION}.amazonaws.com` }],
    ['states:StartExecution', `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:settlement-batch-daily`],
    ['states:RedriveExecution', `arn:aws:states:${REGION}:${ACCOUNT}:execution:settlement-batch-daily/mapRunLabel:3f2c`],
    ['states:DescribeMapRun', `arn:aws:states:${REGION}:${ACCOUNT}:mapRun:settlement-batch-daily/Partitions:3f2c`],
    ['sns:Publish', `arn:aws:sns:${REGION}:${ACCOUNT}:settlement-batch-alerts`],
  ];
  for (const [action, resource, context] of allowed) {
    assert.equal(await decide(policy, action, resource, context), 'Allowed', `${action} ${resource}`);
  }
  const denied = [
    ['iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/administrator`, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }],
    ['iam:PassRole', `${TASK_ROLE_PREFIX}import-cash-flows`, { 'iam:PassedToService': 'lambda.amazonaws.com' }],
    ['ecs:RunTask', `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/another-service:1`],
    ['ecs:StopTask', `arn:aws:ecs:${REGION}:${ACCOUNT}:task/other/0a1b2c`, { 'ecs:cluster': `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/other` }],
    ['s3:GetObject', object(`inbox/cashflow_${DATE}.csv`)],
    ['kms:Decrypt', OUTBOX_KEY, { 'kms:ViaService': `lambda.${REGION}.amazonaws.com` }],
    ['sns:Publish', `arn:aws:sns:${REGION}:${ACCOUNT}:another-topic`],
  ];
  for (const [action, resource, context] of denied) {
    assert.notEqual(await decide(policy, action, resource, context), 'Allowed', `${action} ${resource}`);
  }
});

test('only ECS tasks of this account may take the roles (trust policy)', async () => {
  const trust = policyFile('task-role-trust-policy.json');
  const assume = async (principal, context) => {
    const response = await runSimulation(
      {
        identityPolicies: [],
        resourcePolicy: trust,
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        request: {
          action: 'sts:AssumeRole',
          principal,
          resource: { resource: `${TASK_ROLE_PREFIX}import-cash-flows`, accountId: ACCOUNT },
          contextVariables: context,
        },
      },
      {},
    );
    if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
    return response.overallResult;
  };
  const ours = { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `arn:aws:ecs:${REGION}:${ACCOUNT}:task/settlement/0a1b2c` };
  assert.equal(await assume('ecs-tasks.amazonaws.com', ours), 'Allowed');
  assert.notEqual(await assume('ecs-tasks.amazonaws.com', { 'aws:SourceAccount': '999999999999', 'aws:SourceArn': `arn:aws:ecs:${REGION}:999999999999:task/x/1` }), 'Allowed', 'another account\'s tasks');
  assert.notEqual(await assume('lambda.amazonaws.com', ours), 'Allowed', 'another service');
  assert.notEqual(await assume('ecs-tasks.amazonaws.com', {}), 'Allowed', 'without the source account');
});
