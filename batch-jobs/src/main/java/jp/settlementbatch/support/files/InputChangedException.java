package jp.settlementbatch.support.files;

/** The object a run is pinned to was replaced or removed since the run started. */
public class InputChangedException extends RuntimeException {

	public InputChangedException(String message) {
		super(message);
	}

}
