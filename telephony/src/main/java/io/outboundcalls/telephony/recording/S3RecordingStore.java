package io.outboundcalls.telephony.recording;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Recordings as objects {@code <prefix><call id>.wav} in a bucket of Amazon S3 or an S3-compatible server: every node
 * reads the same bucket, and the database keeps only the reference. A second store of the same call keeps the first
 * ({@code If-None-Match: *}; a server that ignores it stores the same recording again).
 */
final class S3RecordingStore implements RecordingStore, AutoCloseable {

    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3RecordingStore(RecordingStoreProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("outboundcalls.recordings.store=s3 needs outboundcalls.recordings.s3.bucket");
        }
        boolean keyed = settings.accessKeyId() != null && !settings.accessKeyId().isBlank();
        if (keyed && (settings.secretAccessKey() == null || settings.secretAccessKey().isBlank())) {
            throw new IllegalStateException("outboundcalls.recordings.s3.access-key-id needs outboundcalls.recordings.s3.secret-access-key");
        }
        AwsCredentialsProvider credentials = keyed
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)).build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix() == null ? "" : settings.prefix();
    }

    @Override
    public void store(String callId, String contentType, byte[] content) {
        try {
            s3.putObject(put -> put.bucket(bucket).key(key(callId)).contentType(contentType).ifNoneMatch("*"),
                    RequestBody.fromBytes(content));
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED) {
                throw e;
            }
        }
    }

    @Override
    public Optional<byte[]> find(String callId) {
        try {
            return Optional.of(s3.getObjectAsBytes(get -> get.bucket(bucket).key(key(callId))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private String key(String callId) {
        return prefix + callId + ".wav";
    }

    @Override
    public void close() {
        s3.close();
    }
}
