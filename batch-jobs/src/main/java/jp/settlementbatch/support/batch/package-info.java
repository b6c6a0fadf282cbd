/**
 * Running jobs safely: a job instance is its name plus its identifying parameters
 * (business date, input SHA-256, partition), never an incrementer. {@link JobRuns} holds
 * a PostgreSQL advisory lock per instance for the whole run, starts, resumes or recovers
 * the instance, and maps the result to the exit codes of the contract ({@link ExitCode})
 * and one line for the operator ({@link RunOutcomes}). What a run is pinned to (its input
 * files, re-opened or replaced) is the intake's, behind {@link RunInputs}.
 */
package jp.settlementbatch.support.batch;
