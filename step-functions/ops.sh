#!/usr/bin/env bash
# Runs one settlement-batch command in production as a one-off Fargate task (the ops task definition:
# the image, the row-only database user, the jobs' network), waits for it, prints its log and exits
# with its exit code. Aurora is in private subnets: this is how an operator reaches the CLI.
#   OPS_CLUSTER=... OPS_SUBNETS=subnet-a,subnet-c OPS_SECURITY_GROUP=sg-... step-functions/ops.sh executions --business-date=2026-11-20
#   step-functions/ops.sh abandon 4711
#   step-functions/ops.sh files --business-date=2026-11-20
# Needs the AWS CLI and Node; the caller's role needs ecs:RunTask on the ops task definition,
# iam:PassRole on its roles, ecs:DescribeTasks and logs:GetLogEvents on /settlement-batch/jobs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
request=$(node "$here/ops.mjs" "$@")
task=$(aws ecs run-task --cli-input-json "$request" --query 'tasks[0].taskArn' --output text)
echo "ops: task $task started: settlement-batch $*" >&2
aws ecs wait tasks-stopped --cluster "$OPS_CLUSTER" --tasks "$task"
aws logs get-log-events --log-group-name /settlement-batch/jobs --log-stream-name "ops/settlement-batch/${task##*/}" \
  --start-from-head --query 'events[].message' --output text | tr '\t' '\n'
code=$(aws ecs describe-tasks --cluster "$OPS_CLUSTER" --tasks "$task" --query 'tasks[0].containers[0].exitCode' --output text)
if [[ "$code" == None ]]; then
  echo "ops: the task never ran its command: $(aws ecs describe-tasks --cluster "$OPS_CLUSTER" --tasks "$task" --query 'tasks[0].stoppedReason' --output text)" >&2
  exit 1
fi
exit "$code"
