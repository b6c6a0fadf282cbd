package jp.settlementbatch.support.files;

/**
 * The store did not answer (timeout, refused or broken connection): a retry once it is
 * back succeeds (exit 1).
 */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
