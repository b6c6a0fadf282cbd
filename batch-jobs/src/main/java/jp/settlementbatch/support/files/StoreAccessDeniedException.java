package jp.settlementbatch.support.files;

/**
 * The store refused access (S3 403): a permission of the task role is missing. A retry
 * after the role is fixed succeeds, so it is a failure (exit 1), not a missing input.
 */
public class StoreAccessDeniedException extends RuntimeException {

	public StoreAccessDeniedException(String message, Throwable cause) {
		super(message, cause);
	}

}
