package jp.settlementbatch.support.files;

/** A required input is not there (yet): retry later. */
public class InputMissingException extends RuntimeException {

	public InputMissingException(String message) {
		super(message);
	}

}
