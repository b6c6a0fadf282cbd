/**
 * Where files come from and go to: {@code s3://bucket/key}, {@code file:} URIs and plain
 * paths, behind one small interface. Reads stream (never a whole file in memory) and can
 * start at a byte offset, pinned to the object version a run started with; writes are
 * atomic (a local temporary file renamed into place, or one S3 PUT).
 */
package jp.settlementbatch.support.files;
