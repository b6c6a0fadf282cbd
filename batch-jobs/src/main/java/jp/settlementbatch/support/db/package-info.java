/**
 * Database plumbing shared by every job: the embedded PostgreSQL that is the default for
 * the CLI and the tests, and COPY, the way files are loaded.
 */
package jp.settlementbatch.support.db;
