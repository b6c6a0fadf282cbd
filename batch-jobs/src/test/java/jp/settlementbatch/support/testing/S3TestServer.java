package jp.settlementbatch.support.testing;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server (s3proxy, in-memory store) on loopback, for tests that
 * speak S3 HTTP. Credentials are throwaway test values.
 */
public final class S3TestServer implements AutoCloseable {

	public static final String ACCESS_KEY = "test-access";

	public static final String SECRET_KEY = "test-secret";

	private final S3Proxy proxy;

	private final BlobStoreContext store;

	public S3TestServer() throws Exception {
		Properties properties = new Properties();
		this.store = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.overrides(properties)
			.build(BlobStoreContext.class);
		this.proxy = S3Proxy.builder()
			.blobStore(this.store.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		this.proxy.start();
		long deadline = System.currentTimeMillis() + 10_000;
		while (!"STARTED".equals(this.proxy.getState()) && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.proxy.getPort();
	}

	/**
	 * The environment a CLI process needs to reach this server with the SDK's default
	 * chain.
	 */
	public Map<String, String> environment() {
		return Map.of("AWS_ENDPOINT_URL_S3", endpoint(), "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY",
				SECRET_KEY, "AWS_REGION", "us-east-1");
	}

	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(URI.create(endpoint()))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
	}

	@Override
	public void close() throws Exception {
		this.proxy.stop();
		this.store.close();
	}

}
