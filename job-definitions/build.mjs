// Generates one ECS task definition and one least-privilege task-role policy per job from
// settings.json and the job list in ../step-functions/jobs.json. Placeholders (${...}) are the
// account-specific values the infrastructure team provides at deploy time.
// `node build.mjs` writes the files; `node build.mjs --check` fails when they are out of date.
import { readFileSync, writeFileSync } from 'node:fs';

const here = (file) => new URL(`./${file}`, import.meta.url);
const settings = JSON.parse(readFileSync(here('settings.json')));
const workflow = JSON.parse(readFileSync(new URL('../step-functions/jobs.json', import.meta.url)));
const jobs = [...workflow.imports.map((i) => i.job), workflow.plan, ...workflow.partitioned, ...workflow.outputs, workflow.manifest];
// The deploy step before the jobs: migrations, under the schema's owner (the jobs run under a user
// that may only read and write rows, with Flyway off, and check the schema's version at start).
const MIGRATE = 'migrate';
// An operator's one-off task (step-functions/ops.sh): any CLI command, as the row-only user, with
// what every job may do of the bucket (restart resumes any job; files lists the inbox).
const OPS = 'ops';
const database = (job) =>
  job === MIGRATE
    ? { user: '${DatabaseOwnerUser}', secret: '${DatabaseOwnerPasswordSecretArn}', flyway: [] }
    : {
        user: '${DatabaseUser}',
        secret: '${DatabasePasswordSecretArn}',
        flyway: [{ name: 'SPRING_FLYWAY_ENABLED', value: 'false' }],
      };

function taskDefinition(job, s) {
  return {
    family: `settlement-batch-${job}`,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: s.cpu,
    memory: s.memory,
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    executionRoleArn: '${ExecutionRoleArn}',
    taskRoleArn: `\${TaskRoleArnPrefix}${job}`,
    volumes: [{ name: 'work' }],
    containerDefinitions: [
      {
        name: 'settlement-batch',
        image: '${ImageUri}',
        essential: true,
        user: '10001:10001',
        readonlyRootFilesystem: true,
        stopTimeout: 120,
        command: job === OPS ? ['executions'] : job === workflow.manifest || job === MIGRATE ? [job] : ['run', job],
        // The image declares /work a VOLUME owned by 10001, so Fargate keeps that owner on this mount.
        mountPoints: [{ sourceVolume: 'work', containerPath: '/work', readOnly: false }],
        environment: [
          { name: 'SPRING_DATASOURCE_URL', value: '${DatabaseJdbcUrl}' },
          { name: 'SPRING_DATASOURCE_USERNAME', value: database(job).user },
          ...database(job).flyway,
          { name: 'SETTLEMENT_INBOX', value: 's3://${BatchBucket}/inbox/' },
          { name: 'SETTLEMENT_OUTBOX', value: 's3://${BatchBucket}/outbox/' },
          { name: 'SETTLEMENT_OUTBOX_KMS_KEY_ID', value: '${OutboxKmsKeyArn}' },
          { name: 'AWS_REGION', value: '${Region}' },
        ],
        secrets: [{ name: 'SPRING_DATASOURCE_PASSWORD', valueFrom: database(job).secret }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/settlement-batch/jobs',
            'awslogs-region': '${Region}',
            'awslogs-stream-prefix': job,
            mode: 'non-blocking',
            'max-buffer-size': '4m',
          },
        },
      },
    ],
    tags: [
      { key: 'application', value: 'settlement-batch' },
      { key: 'job', value: job },
    ],
  };
}

// What a job's day needs of AWS, and no more: read its own inbound files (and list their keys, so
// that a file not there yet is a 404, exit 4, and not a 403, and so that late files of earlier dates
// are found), list the inbox without reading it (the file manifest), write its own outbox prefix, and
// the KMS keys of both. Evaluated by test/iam.test.mjs with an IAM policy engine.
function taskRolePolicy(job, s) {
  const statements = [];
  if (s.reads.length) {
    statements.push({
      Sid: 'ReadItsInboundFiles',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: s.reads.map((key) => `arn:aws:s3:::\${BatchBucket}/${key}`),
    });
    statements.push({
      Sid: 'ListItsInboundKeys',
      Effect: 'Allow',
      Action: ['s3:ListBucket', 's3:ListBucketVersions'],
      Resource: ['arn:aws:s3:::${BatchBucket}'],
      Condition: { StringLike: { 's3:prefix': s.reads } },
    });
    statements.push({ Sid: 'DecryptInbound', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['${InboxKmsKeyArn}'] });
  }
  if (s.lists.length) {
    // Names and sizes only (the file manifest of the day): no object is read.
    statements.push({
      Sid: 'ListInboxKeys',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: ['arn:aws:s3:::${BatchBucket}'],
      Condition: { StringLike: { 's3:prefix': s.lists.map((prefix) => `${prefix}*`) } },
    });
  }
  if (s.writes.length) {
    statements.push({
      Sid: 'WriteItsOutbox',
      Effect: 'Allow',
      // GetObject: after each PUT the job reads back the stored object's size and ETag (HeadObject).
      Action: ['s3:PutObject', 's3:GetObject'],
      Resource: s.writes.map((prefix) => `arn:aws:s3:::\${BatchBucket}/outbox/${prefix}*`),
    });
    statements.push({
      Sid: 'EncryptOutbox',
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: ['${OutboxKmsKeyArn}'],
    });
  }
  if (!statements.length) {
    statements.push({ Sid: 'NoAwsAccessNeeded', Effect: 'Deny', Action: ['s3:*'], Resource: ['*'] });
  }
  return { Version: '2012-10-17', Statement: statements };
}

// Who may take a task role or the execution role: ECS tasks of this account, nobody else (the
// confused-deputy conditions ECS sets on AssumeRole). The infrastructure team creates the roles
// with it: one per job (<TaskRoleArnPrefix><job>), migrate, ops, and the execution role.
const trustPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'EcsTasksOfThisAccount',
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '${AccountId}' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:${Region}:${AccountId}:*' },
      },
    },
  ],
};

// --- The same definitions as CloudFormation resources, written into ../step-functions/template.yaml
// between two marker lines: the stack creates every task definition, task role and the execution
// role from the parameters the infrastructure team provides (the JSON files stay, for anyone who
// registers by hand; a test checks the two say the same).
const pascal = (key) => key.charAt(0).toUpperCase() + key.slice(1);
// ECS API casing (camelCase) to CloudFormation's (PascalCase); the log driver's options are its own.
function cfnCase(value, parent = '') {
  if (Array.isArray(value)) return value.map((v) => cfnCase(v, parent));
  if (value === null || typeof value !== 'object') return value;
  if (parent === 'options') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [pascal(k), cfnCase(v, k)]));
}
// "${X}" placeholders become Fn::Sub of the stack's parameters (Region and AccountId: the stack's own).
function substituted(value) {
  if (Array.isArray(value)) return value.map(substituted);
  if (typeof value === 'string' && value.includes('${')) {
    return { 'Fn::Sub': value.replaceAll('${Region}', '${AWS::Region}').replaceAll('${AccountId}', '${AWS::AccountId}') };
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v)]));
}
const logicalId = (job) => job.split('-').map(pascal).join('');
const roleName = (job) => `settlement-batch-task-${job}`;
function cfnResources(all) {
  const resources = {
    ExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'settlement-batch-execution',
        AssumeRolePolicyDocument: substituted(trustPolicy),
        Policies: [{ PolicyName: 'execution', PolicyDocument: substituted(JSON.parse(readFileSync(here('execution-role-policy.json'), 'utf8'))) }],
      },
    },
  };
  for (const { job, s } of all) {
    resources[`${logicalId(job)}TaskRole`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: roleName(job),
        AssumeRolePolicyDocument: substituted(trustPolicy),
        Policies: [{ PolicyName: job, PolicyDocument: substituted(taskRolePolicy(job, s)) }],
      },
    };
    const def = cfnCase(substituted(taskDefinition(job, s)));
    def.TaskRoleArn = { 'Fn::GetAtt': [`${logicalId(job)}TaskRole`, 'Arn'] };
    def.ExecutionRoleArn = { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] };
    resources[`${logicalId(job)}TaskDefinition`] = { Type: 'AWS::ECS::TaskDefinition', DependsOn: 'JobsLogGroup', Properties: def };
  }
  return resources;
}
// A small YAML writer: block style, every string double-quoted (JSON's escaping is YAML's).
function yaml(value, indent) {
  const pad = ' '.repeat(indent);
  const key = (k) => (/^[A-Za-z0-9_]+$/.test(k) ? k : JSON.stringify(k));
  const scalar = (v) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  if (Array.isArray(value)) {
    if (!value.length) return ' []';
    return value
      .map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v)
        ? `\n${pad}- ${yaml(v, indent + 2).trimStart()}`
        : `\n${pad}- ${scalar(v)}`))
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return ' {}';
    return entries
      .map(([k, v]) => (v !== null && typeof v === 'object' ? `\n${pad}${key(k)}:${yaml(v, indent + 2)}` : `\n${pad}${key(k)}: ${scalar(v)}`))
      .join('');
  }
  return ` ${scalar(value)}`;
}
const BEGIN = '  # --- generated by job-definitions/build.mjs (task definitions and roles): do not edit ---';
const END = '  # --- end of what job-definitions/build.mjs generates ---';

const check = process.argv.includes('--check');
let stale = false;
// Writes a generated file, or with --check says when the committed one differs.
function emit(file, content) {
  const text = JSON.stringify(content, null, 2) + '\n';
  if (check) {
    let current = '';
    try { current = readFileSync(here(file), 'utf8'); } catch { /* missing */ }
    if (current !== text) { console.error(`${file} is out of date: run node build.mjs`); stale = true; }
  } else {
    writeFileSync(here(file), text);
  }
}
emit('task-role-trust-policy.json', trustPolicy);
const union = (key) => [...new Set(jobs.flatMap((job) => settings.jobs[job]?.[key] ?? []))];
settings.jobs[OPS] = { ...settings.jobs[OPS], reads: union('reads'), lists: union('lists'), writes: union('writes') };
for (const job of [...jobs, MIGRATE, OPS]) {
  const s = { ...settings.defaults, reads: [], lists: [], writes: [], ...settings.jobs[job] };
  if (!settings.jobs[job]) {
    console.error(`settings.json has no entry for ${job}`);
    stale = true;
  }
  emit(`${job}.taskdef.json`, taskDefinition(job, s));
  emit(`${job}.task-role-policy.json`, taskRolePolicy(job, s));
}
{
  const all = [...jobs, MIGRATE, OPS].map((job) => ({ job, s: { ...settings.defaults, reads: [], lists: [], writes: [], ...settings.jobs[job] } }));
  const templateFile = new URL('../step-functions/template.yaml', import.meta.url);
  const template = readFileSync(templateFile, 'utf8');
  const from = template.indexOf(BEGIN);
  const to = template.indexOf(END);
  if (from < 0 || to < from) throw new Error('step-functions/template.yaml lacks the marker lines of the generated resources');
  const generated = `${BEGIN}${yaml(cfnResources(all), 2)}\n${END}`;
  const updated = template.slice(0, from) + generated + template.slice(to + END.length);
  if (check) {
    if (updated !== template) { console.error('step-functions/template.yaml: the generated task definitions and roles are out of date: run node build.mjs'); stale = true; }
  } else {
    writeFileSync(templateFile, updated);
  }
}
if (!check) console.log(`wrote task definitions and task-role policies for ${jobs.length} jobs, ${MIGRATE} and ${OPS}, and their resources in the template`);
process.exit(stale ? 1 : 0);
