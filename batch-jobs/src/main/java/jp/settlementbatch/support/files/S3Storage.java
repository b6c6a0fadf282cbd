package jp.settlementbatch.support.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
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

	S3Storage(S3Client s3, String kmsKeyId) {
		this.s3 = s3;
		this.kmsKeyId = (kmsKeyId == null || kmsKeyId.isBlank()) ? null : kmsKeyId;
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
			// S3-compatible stores: path-style addressing and no newer default checksums.
			builder.endpointOverride(URI.create(endpoint))
				.forcePathStyle(true)
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
			if (region == null || region.isBlank()) {
				builder.region(Region.US_EAST_1);
			}
		}
		return builder.build();
	}

	record Location(String bucket, String key) {

		static Location of(String uri) {
			URI parsed = URI.create(uri);
			String key = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
			return new Location(parsed.getHost(), key);
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
	}

	@Override
	public void write(String uri, ContentWriter content) throws IOException {
		Location at = Location.of(uri);
		// Spool to a local temporary file, then one PUT: the object appears whole or not
		// at all.
		Path spool = Files.createTempFile("outbox-", ".part");
		try {
			try (OutputStream out = Files.newOutputStream(spool)) {
				content.writeTo(out);
			}
			PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(at.bucket()).key(at.key());
			if (this.kmsKeyId != null) {
				put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(this.kmsKeyId);
			}
			this.s3.putObject(put.build(), RequestBody.fromFile(spool));
		}
		catch (SdkException ex) {
			throw new IOException("Could not write " + uri + ": " + ex.getMessage(), ex);
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	private static String name(String key) {
		int slash = key.lastIndexOf('/');
		return slash < 0 ? key : key.substring(slash + 1);
	}

}
