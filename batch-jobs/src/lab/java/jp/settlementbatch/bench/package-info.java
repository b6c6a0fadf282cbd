/**
 * The benchmark of quality.md and the deterministic synthetic day it runs on: files in
 * the exact inbound formats, generated as streams (constant memory at any size) from a
 * seed, so the same arguments always give the same bytes.
 */
package jp.settlementbatch.bench;
