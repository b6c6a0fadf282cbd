// The task definitions filled for one environment: every placeholder, the image by digest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { render, checkValues } from '../render.mjs';

const values = {
  ImageUri: `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/settlement-batch@sha256:${'ab'.repeat(32)}`,
  ExecutionRoleArn: 'arn:aws:iam::123456789012:role/settlement-batch-execution',
  TaskRoleArnPrefix: 'arn:aws:iam::123456789012:role/settlement-batch-task-',
  DatabaseJdbcUrl: 'jdbc:postgresql://settlement.cluster-xyz.ap-northeast-1.rds.amazonaws.com:5432/settlement',
  DatabaseUser: 'settlement_app',
  DatabasePasswordSecretArn: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:settlement-batch/db-AbCdEf',
  DatabaseOwnerUser: 'settlement_owner',
  DatabaseOwnerPasswordSecretArn: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:settlement-batch/db-owner-GhIjKl',
  BatchBucket: 'settlement-batch-123456789012',
  OutboxKmsKeyArn: 'arn:aws:kms:ap-northeast-1:123456789012:key/2222bbbb-0000-0000-0000-000000000002',
  Region: 'ap-northeast-1',
};
const files = readdirSync(new URL('..', import.meta.url)).filter((f) => f.endsWith('.taskdef.json'));

test('every task definition fills completely, and stays a task definition', () => {
  assert.equal(files.length, 15); // 13 jobs, migrate and ops
  for (const file of files) {
    const text = render(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), values);
    assert.doesNotMatch(text, /\$\{/, file);
    const def = JSON.parse(text);
    assert.equal(def.containerDefinitions[0].image, values.ImageUri, file);
    assert.match(def.taskRoleArn, /^arn:aws:iam::123456789012:role\/settlement-batch-task-/, file);
  }
});

test('a missing value, or an image by tag, stops the render and says which', () => {
  const { Region, ...noRegion } = values;
  assert.throws(() => render(readFileSync(new URL('../files.taskdef.json', import.meta.url), 'utf8'), noRegion), /no value for Region/);
  assert.throws(() => checkValues({ ...values, ImageUri: '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/settlement-batch:latest' }), /by its digest/);
  assert.doesNotThrow(() => checkValues(values));
});
