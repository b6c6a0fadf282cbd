package jp.settlementbatch.support.files;

import jp.settlementbatch.support.config.PlatformProperties;
import jp.settlementbatch.support.config.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point to inputs and outputs: dispatches a URI to S3 or the local file
 * system. The S3 client is created on first use, so local runs never need AWS
 * configuration.
 */
public final class FileStore {

	private final Storage local = new LocalStorage();

	private final String s3Endpoint;

	private final String s3Region;

	private final String kmsKeyId;

	private volatile Storage s3;

	public FileStore(String s3Endpoint, String s3Region, String kmsKeyId) {
		this.s3Endpoint = s3Endpoint;
		this.s3Region = s3Region;
		this.kmsKeyId = kmsKeyId;
	}

	/** Files configured from the settings as product.md describes. */
	public static FileStore of(Settings settings) {
		PlatformProperties.Aws aws = settings.platform().aws();
		return new FileStore(aws.s3Endpoint(), aws.region(), settings.settlement().outbox().kmsKeyId());
	}

	public static boolean isS3(String uri) {
		return uri.startsWith("s3://");
	}

	/** The local file of a plain path or {@code file:} URI. */
	public static java.nio.file.Path localPath(String uri) {
		return LocalStorage.path(uri);
	}

	/** {@code base} and {@code name} joined, for inbox and outbox locations. */
	public static String resolve(String base, String name) {
		return base.endsWith("/") ? base + name : base + "/" + name;
	}

	/** A file in a folder of {@code base}, e.g. {@code <outbox>/rejects/<name>}. */
	public static String resolve(String base, String folder, String name) {
		return resolve(resolve(base, folder), name);
	}

	/**
	 * Fails with a usage error when a local outbox cannot be written, before a job does
	 * any work. (An S3 outbox is not probed: a write that fails there fails the job
	 * before anything it wrote became visible.)
	 */
	public static void requireWritableOutbox(String outbox) {
		if (!isS3(outbox)) {
			LocalStorage.requireWritableFolder(outbox);
		}
	}

	public Optional<StoredObject> stat(String uri) {
		return storage(uri).stat(uri);
	}

	/** An object found by listing: its URI and size. */
	public record Listed(String uri, long size) {

	}

	/** Every object whose URI starts with {@code prefix}, see {@link Storage#list}. */
	public List<Listed> list(String prefix) {
		return storage(prefix).list(prefix);
	}

	public InputStream open(StoredObject pinned, long offset) throws IOException {
		return storage(pinned.uri()).open(pinned, offset);
	}

	public void write(String uri, Storage.ContentWriter content) throws IOException {
		storage(uri).write(uri, content);
	}

	/** The SHA-256 of the pinned object, read as a stream. */
	public String sha256(StoredObject pinned) throws IOException {
		try (InputStream in = new DigestInputStream(open(pinned, 0), MessageDigest.getInstance("SHA-256"))) {
			byte[] buffer = new byte[1 << 16];
			while (in.read(buffer) >= 0) {
				// digest as we go
			}
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Storage storage(String uri) {
		if (!isS3(uri)) {
			return this.local;
		}
		Storage s3 = this.s3;
		if (s3 == null) {
			synchronized (this) {
				if (this.s3 == null) {
					this.s3 = new S3Storage(S3Storage.client(this.s3Endpoint, this.s3Region), this.kmsKeyId,
							this.s3Endpoint);
				}
				s3 = this.s3;
			}
		}
		return s3;
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
