package jp.settlementbatch.support.files;

/**
 * An input as a run saw it: where it is, its size, and the store's version of it (S3
 * version id or ETag; size and modification time for a local file). A restart compares
 * the version to refuse an object that was replaced in the meantime.
 */
public record StoredObject(String uri, String name, long size, String version) {

}
