/**
 * What every job family uses and none owns: files and S3, the record-file reader, the
 * import mechanism, the database plumbing, run identity and locks, and progress. Nothing
 * here depends on a job family ({@code ArchitectureTests} checks it).
 */
package jp.settlementbatch.support;
