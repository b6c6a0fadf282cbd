/**
 * What a run is given, typed: its job parameters ({@link RunParameters}, the only class
 * that knows their keys) and the settings read from the process environment:
 * {@link SettlementProperties} ({@code SETTLEMENT_*}, the product's own) and
 * {@link PlatformProperties} (the variables AWS and ECS define: {@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL[_S3]}, {@code ECS_CONTAINER_METADATA_URI_V4}). No other class
 * reads the environment. Both are {@code @ConfigurationProperties} records bound by
 * Spring Boot's binder, in the application context and, for the CLI's work before a
 * context exists, from {@link Settings#fromEnvironment()}.
 */
package jp.settlementbatch.support.config;
