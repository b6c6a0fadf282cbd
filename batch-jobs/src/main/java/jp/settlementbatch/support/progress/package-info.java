/**
 * How a run reports itself: progress lines on a terminal, structured JSON events in the
 * cloud (one per step, and every ten seconds while a step runs), and the flag a SIGTERM
 * raises for the running job to stop at its next chunk boundary.
 */
package jp.settlementbatch.support.progress;
