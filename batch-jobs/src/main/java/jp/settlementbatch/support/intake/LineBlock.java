package jp.settlementbatch.support.intake;

import java.util.List;

/**
 * The item of a load step: a run of consecutive checked lines, never more than one
 * chunk's worth, so a chunk of blocks holds exactly the configured number of lines.
 * Spring Batch then does its per-item work once per block rather than once per line;
 * {@link LoadStep} counts the lines themselves as read and written.
 */
record LineBlock(List<CheckedLine> lines) {

	int size() {
		return this.lines.size();
	}

}
