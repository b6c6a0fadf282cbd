package jp.settlementbatch.support.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@code s3://bucket/key} through the AWS SDK v2 with the default credential chain (the
 * ECS task role in AWS; never static keys). {@code AWS_ENDPOINT_URL_S3} or
 * {@code AWS_ENDPOINT_URL} points it at any S3-compatible store, with path-style access.
 * Outbox objects are written with SSE-KMS when a key id is configured, SSE-S3 otherwise.
 */
final class S3Storage implements Storage {

	private final S3Client s3;

	private final String kmsKeyId;

	/** How messages name the store: the overridden endpoint, or AWS S3. */
	private final String store;

	S3Storage(S3Client s3, String kmsKeyId, String endpoint) {
		this.s3 = s3;
		this.kmsKeyId = (kmsKeyId == null || kmsKeyId.isBlank()) ? null : kmsKeyId;
		this.store = (endpoint == null || endpoint.isBlank()) ? "AWS S3" : "the S3 endpoint " + endpoint;
	}

	static S3Client client(String endpoint, String region) {
		S3ClientBuilder builder = S3Client.builder()
			.overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
				.apiCallAttemptTimeout(Duration.ofSeconds(60))
				.apiCallTimeout(Duration.ofMinutes(10)));
		if (region != null && !region.isBlank()) {
			builder.region(Region.of(region));
		}
		if (endpoint != null && !endpoint.isBlank()) {
			// S3-compatible stores: path-style addressing, no newer default checksums,
			// and uploads sent whole (length, Content-MD5), never aws-chunked: some of
			// them store that framing as it came.
			builder.endpointOverride(URI.create(endpoint))
				.forcePathStyle(true)
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
				.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
			if (region == null || region.isBlank()) {
				builder.region(Region.US_EAST_1);
			}
		}
		return builder.build();
	}

	record Location(String bucket, String key) {

		/**
		 * {@code s3://bucket/key}, read as it is written: a key may hold spaces and any
		 * character (the SDK encodes it on the wire).
		 */
		static Location of(String uri) {
			if (!uri.startsWith("s3://")) {
				throw new IllegalArgumentException(uri + " is not an s3://bucket/key URI.");
			}
			String rest = uri.substring("s3://".length());
			int slash = rest.indexOf('/');
			return (slash < 0) ? new Location(rest, "")
					: new Location(rest.substring(0, slash), rest.substring(slash + 1));
		}

	}

	@Override
	public Optional<StoredObject> stat(String uri) {
		Location at = Location.of(uri);
		try {
			HeadObjectResponse head = this.s3.headObject(r -> r.bucket(at.bucket()).key(at.key()));
			String version = head.versionId() != null && !"null".equals(head.versionId())
					? "version:" + head.versionId() : "etag:" + head.eTag();
			return Optional.of(new StoredObject(uri, name(at.key()), head.contentLength(), version));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			if (ex.statusCode() == 403) {
				// Without s3:ListBucket, S3 answers a missing key with 403 too: either
				// permission may be the one missing.
				throw new StoreAccessDeniedException(uri + ": access denied (HTTP 403). The task role needs "
						+ "s3:GetObject on this key and s3:ListBucket on bucket " + at.bucket() + " for prefix "
						+ at.key() + " (without ListBucket, S3 reports a file that is not there yet as 403). "
						+ "Fix the role (job-definitions/<job>.task-role-policy.json), then run the same command again.",
						ex);
			}
			throw ex;
		}
		catch (SdkClientException ex) {
			throw unavailable(uri, "asking for", ex);
		}
	}

	@Override
	public List<FileStore.Listed> list(String prefix) {
		Location at = Location.of(prefix);
		List<FileStore.Listed> uris = new ArrayList<>();
		try {
			for (S3Object object : this.s3.listObjectsV2Paginator(r -> r.bucket(at.bucket()).prefix(at.key()))
				.contents()) {
				uris.add(new FileStore.Listed("s3://" + at.bucket() + "/" + object.key(), object.size()));
			}
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 403) {
				throw new StoreAccessDeniedException(prefix + ": access denied (HTTP 403). The task role needs "
						+ "s3:ListBucket on bucket " + at.bucket() + " for prefix " + at.key()
						+ ". Fix the role (job-definitions/<job>.task-role-policy.json), then run the same command again.",
						ex);
			}
			throw ex;
		}
		catch (SdkClientException ex) {
			throw unavailable(prefix, "listing", ex);
		}
		uris.sort(java.util.Comparator.comparing(FileStore.Listed::uri));
		return uris;
	}

	@Override
	public InputStream open(StoredObject pinned, long offset) throws IOException {
		Location at = Location.of(pinned.uri());
		GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(at.bucket()).key(at.key());
		if (pinned.version().startsWith("version:")) {
			request.versionId(pinned.version().substring("version:".length()));
		}
		else {
			request.ifMatch(pinned.version().substring("etag:".length()));
		}
		if (offset > 0) {
			request.range("bytes=" + offset + "-");
		}
		try {
			return this.s3.getObject(request.build());
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 412 || ex.statusCode() == 404) {
				throw new InputChangedException(
						pinned.name() + " was replaced or removed since the run started (" + pinned.version() + ")");
			}
			if (ex.statusCode() == 403) {
				throw new StoreAccessDeniedException(pinned.uri()
						+ ": access denied (HTTP 403) on reading it. The task "
						+ "role needs s3:GetObject (and s3:GetObjectVersion) on this key, and kms:Decrypt on its key if it "
						+ "is encrypted with SSE-KMS. Fix the role, then run the same command again.", ex);
			}
			throw ex;
		}
		catch (SdkClientException ex) {
			throw unavailable(pinned.uri(), "reading", ex);
		}
	}

	@Override
	public void write(String uri, ContentWriter content) throws IOException {
		Location at = Location.of(uri);
		// Spool to a local temporary file, then one PUT: the object appears whole or not
		// at all.
		Path spool = Files.createTempFile("outbox-", ".part");
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), md5)) {
				content.writeTo(out);
			}
			catch (IOException ex) {
				throw new IOException(
						"Could not spool " + uri + " to " + spool + " (" + ex.getMessage() + "). Free space in "
								+ spool.getParent() + " (the task's volume), then run the same command again.",
						ex);
			}
			byte[] digest = md5.digest();
			long size = Files.size(spool);
			PutObjectRequest.Builder put = PutObjectRequest.builder()
				.bucket(at.bucket())
				.key(at.key())
				.contentLength(size)
				.contentMD5(Base64.getEncoder().encodeToString(digest));
			if (this.kmsKeyId != null) {
				put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(this.kmsKeyId);
			}
			this.s3.putObject(put.build(), RequestBody.fromFile(spool));
			verify(uri, at, size, HexFormat.of().formatHex(digest));
		}
		catch (SdkClientException ex) {
			throw new IOException(unavailable(uri, "writing", ex).getMessage(), ex);
		}
		catch (SdkException ex) {
			throw new IOException(uri + ": " + this.store + " refused the write (" + ex.getMessage()
					+ "). Check the task role's s3:PutObject on the outbox (and kms:GenerateDataKey on its key), "
					+ "then run the same command again.", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	/**
	 * What the store holds must be what was written: its size, and its ETag where that is
	 * the content's MD5 (a single PUT without SSE-KMS). Nothing is reported done before.
	 */
	private void verify(String uri, Location at, long size, String md5) throws IOException {
		HeadObjectResponse stored = this.s3.headObject(r -> r.bucket(at.bucket()).key(at.key()));
		String etag = stored.eTag() == null ? "" : stored.eTag().replace("\"", "");
		boolean md5Etag = this.kmsKeyId == null && etag.matches("[0-9a-fA-F]{32}");
		if (stored.contentLength() != size || (md5Etag && !etag.equalsIgnoreCase(md5))) {
			throw new IOException(uri + ": " + this.store + " stored " + stored.contentLength() + " bytes (ETag " + etag
					+ ") for the " + size + " bytes (MD5 " + md5
					+ ") written, so the object is not what the job wrote. "
					+ "Check that the store keeps uploads as sent, then run the same command again.");
		}
	}

	/**
	 * A store that did not answer, in words: which object, where, why, and what to do.
	 */
	private StoreUnavailableException unavailable(String uri, String doing, SdkClientException ex) {
		String cause = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		String words = cause.contains("timed out") ? "it did not answer in time"
				: (cause.contains("Connect to") || cause.contains("Connection refused")) ? "the connection was refused"
						: "the connection failed";
		return new StoreUnavailableException(uri + ": " + this.store + " failed while " + doing + " it: " + words + " ("
				+ cause + "). Once the store answers, run the same command again: the run resumes from its last "
				+ "committed chunk.", ex);
	}

	private static String name(String key) {
		int slash = key.lastIndexOf('/');
		return slash < 0 ? key : key.substring(slash + 1);
	}

}
