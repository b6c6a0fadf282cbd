"""The SAM template, deployed as `sam deploy` would: translated to CloudFormation by the SAM translator
(the state machine definitions inlined, as sam uploads them), then created as a stack on moto_server on
loopback, which must reach CREATE_COMPLETE with every state machine, role, topic, queue, schedule and
alarm the template declares. moto models the control plane, not AWS's behaviour: what only an account
can show is in README.md, "Deploying".   usage: python3 .ci/deploy-to-moto.py <repo> <port>"""
import json
import os
import sys
import time

import boto3
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

root, port = sys.argv[1], int(sys.argv[2])
os.environ.setdefault('AWS_DEFAULT_REGION', 'ap-northeast-1')
with open(os.path.join(root, 'step-functions/template.yaml')) as f:
    sam = yaml_parse(f.read())
for res in sam['Resources'].values():
    if res['Type'] == 'AWS::Serverless::StateMachine' and isinstance(res['Properties'].get('DefinitionUri'), str):
        with open(os.path.join(root, 'step-functions', res['Properties'].pop('DefinitionUri'))) as f:
            res['Properties']['Definition'] = json.load(f)


class NoManagedPolicies:
    def load(self):
        return {}


cfn = transform(sam, {}, NoManagedPolicies())
declared = {name: res['Type'] for name, res in cfn['Resources'].items()}

session = dict(endpoint_url=f'http://127.0.0.1:{port}', region_name='ap-northeast-1',
               aws_access_key_id='rehearsal', aws_secret_access_key='rehearsal')
cf = boto3.client('cloudformation', **session)
params = {
    'ClusterArn': 'arn:aws:ecs:ap-northeast-1:123456789012:cluster/settlement',
    'SubnetIdA': 'subnet-0a', 'SubnetIdC': 'subnet-0c', 'SecurityGroupId': 'sg-0123',
    'BatchBucket': 'settlement-batch-123456789012',
    'OutboxKmsKeyArn': 'arn:aws:kms:ap-northeast-1:123456789012:key/2222bbbb-0000-0000-0000-000000000002',
    'ImageUri': '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/settlement-batch@sha256:' + 'ab' * 32,
    'ImageRepositoryArn': 'arn:aws:ecr:ap-northeast-1:123456789012:repository/settlement-batch',
    'DatabaseJdbcUrl': 'jdbc:postgresql://settlement.cluster-xyz.ap-northeast-1.rds.amazonaws.com:5432/settlement',
    'DatabasePasswordSecretArn': 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:settlement-batch/db-AbCdEf',
    'DatabaseOwnerPasswordSecretArn': 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:settlement-batch/db-owner-GhIjKl',
    'DatabaseSecretKmsKeyArn': 'arn:aws:kms:ap-northeast-1:123456789012:key/3333cccc-0000-0000-0000-000000000003',
    'InboxKmsKeyArn': 'arn:aws:kms:ap-northeast-1:123456789012:key/1111aaaa-0000-0000-0000-000000000001',
    'AlertEmail': 'ops@example.com',
}
cf.create_stack(StackName='settlement-batch', TemplateBody=json.dumps(cfn),
                Parameters=[{'ParameterKey': k, 'ParameterValue': v} for k, v in params.items()],
                Capabilities=['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND'])
for _ in range(120):
    stack = cf.describe_stacks(StackName='settlement-batch')['Stacks'][0]
    if not stack['StackStatus'].endswith('IN_PROGRESS'):
        break
    time.sleep(1)
problems = []
if stack['StackStatus'] != 'CREATE_COMPLETE':
    problems.append(f"stack {stack['StackStatus']}: {stack.get('StackStatusReason', '')}")
created = {r['LogicalResourceId']: r['ResourceStatus']
           for r in cf.list_stack_resources(StackName='settlement-batch')['StackResourceSummaries']}
# moto's CloudFormation creates the types it models and passes over the others: those are listed, and
# their resources are checked here against the template instead (names, references, substitutions)
modelled = {declared[name] for name in declared if created.get(name) == 'CREATE_COMPLETE'}
for name, kind in declared.items():
    if kind in modelled and created.get(name) != 'CREATE_COMPLETE':
        problems.append(f'{name} ({kind}): {created.get(name, "not created")}')
passed_over = sorted({kind for kind in declared.values() if kind not in modelled})

sfn = boto3.client('stepfunctions', **session)
machines = {m['name']: m['stateMachineArn'] for m in sfn.list_state_machines()['stateMachines']}
for name in ['settlement-batch-daily', 'settlement-batch-start-daily', 'settlement-batch-deadline-check']:
    if name not in machines:
        problems.append(f'no state machine {name}')
# every task definition and role, as the stack made them
ecs = boto3.client('ecs', **session)
families = set()
for arn in ecs.list_task_definitions()['taskDefinitionArns']:
    definition = ecs.describe_task_definition(taskDefinition=arn)['taskDefinition']
    families.add(definition['family'])
    container = definition['containerDefinitions'][0]
    if not container['image'].endswith('@sha256:' + 'ab' * 32) or '${' in json.dumps(definition):
        problems.append(f"{definition['family']}: image or values not filled: {container['image']}")
wanted_families = {r['Properties']['Family'] for r in cfn['Resources'].values() if r['Type'] == 'AWS::ECS::TaskDefinition'}
if families != wanted_families or len(families) != 15:
    problems.append(f'task definitions: {sorted(families)}, wanted the 15 of the template')
# moto keeps no task role on a task definition: which role each gets is read from the template
for name, res in cfn['Resources'].items():
    if res['Type'] == 'AWS::ECS::TaskDefinition':
        role = cfn['Resources'][res['Properties']['TaskRoleArn']['Fn::GetAtt'][0]]['Properties']['RoleName']
        if role != 'settlement-batch-task-' + res['Properties']['Family'][len('settlement-batch-'):]:
            problems.append(f"{name}: task role {role}")
roles = {r['RoleName'] for r in boto3.client('iam', **session).list_roles()['Roles']}
for name in ['settlement-batch-execution'] + sorted('settlement-batch-task-' + f[len('settlement-batch-'):] for f in wanted_families):
    if name not in roles:
        problems.append(f'no role {name}')
# DefinitionSubstitutions (CloudFormation fills them; moto does not): every ${...} of a definition has one
import re
for name, res in cfn['Resources'].items():
    if res['Type'] == 'AWS::StepFunctions::StateMachine':
        definition = json.dumps(res['Properties'].get('DefinitionString', res['Properties'].get('Definition', {})))
        given = set(res['Properties'].get('DefinitionSubstitutions', {}))
        wanted = set(re.findall(r'\$\{([A-Za-z]+)\}', definition))
        if wanted - given:
            problems.append(f'{name}: no substitution for {sorted(wanted - given)}')
# alarms publish to the alert topic, and their metrics' dimensions are the ones the jobs write
for name, res in cfn['Resources'].items():
    if res['Type'] == 'AWS::CloudWatch::Alarm':
        if res['Properties'].get('AlarmActions') != [{'Ref': 'AlertTopic'}]:
            problems.append(f'{name}: does not alert through the alert topic')
        text = json.dumps(res['Properties'])
        if '"SettlementBatch"' in text and not re.search(r'"Name": "job"', text):
            problems.append(f'{name}: a SettlementBatch metric without its job dimension')

if problems:
    print('The stack did not deploy as declared:\n  ' + '\n  '.join(problems))
    sys.exit(1)
alarms = sum(1 for r in cfn['Resources'].values() if r['Type'] == 'AWS::CloudWatch::Alarm')
print(f"CREATE_COMPLETE on moto_server: {len(declared)} resources, {len(machines)} state machines, "
      f"{len(families)} task definitions with their roles; "
      f"{alarms} alarms checked against the template; types moto passes over: {', '.join(passed_over)}")
