package jp.settlementbatch.support.config;

/**
 * What AWS defines in a task's environment, under its own names ({@code aws.*} and
 * {@code ecs.*} in Boot's relaxed binding).
 *
 * @param aws {@code AWS_REGION}, and the S3 endpoint of a local stand-in
 * ({@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}); blank on AWS
 * @param ecs {@code ECS_CONTAINER_METADATA_URI_V4}: set by the ECS agent in a task,
 * absent elsewhere
 */
public record PlatformProperties(Aws aws, Ecs ecs) {

	public record Aws(String region, String endpointUrl, String endpointUrlS3) {

		/** The S3 endpoint to use, or null for the SDK's own. */
		public String s3Endpoint() {
			return !blank(this.endpointUrlS3) ? this.endpointUrlS3 : blank(this.endpointUrl) ? null : this.endpointUrl;
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

	}

	public record Ecs(String containerMetadataUriV4) {

	}

}
