/**
 * The command line ({@code settlement-batch}, picocli): run, restart, abandon,
 * executions, demo and bench. Arguments are checked and inputs located before the
 * database is touched; each command then starts the Spring application against the
 * configured PostgreSQL (or the embedded one under {@code .settlement-batch/}), does its
 * work and exits with a contract exit code. On a terminal it prints progress and a
 * one-screen summary; otherwise JSON log lines.
 */
package jp.settlementbatch.cli;
