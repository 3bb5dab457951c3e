package io.outboundcalls.telephony.recording;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where real calls' recordings are kept ({@code outboundcalls.recordings.*}).
 *
 * @param store {@code postgres} (the service's own database, so every node serves them) or {@code s3} (a bucket of
 *              Amazon S3 or of an S3-compatible server such as MinIO)
 * @param s3    the bucket, when {@code store=s3}
 */
@ConfigurationProperties("outboundcalls.recordings")
public record RecordingStoreProperties(@DefaultValue("postgres") String store, @DefaultValue S3 s3) {

    /**
     * @param bucket          the bucket (required with {@code store=s3})
     * @param prefix          prepended to each object's key ({@code <prefix><call id>.wav})
     * @param region          the bucket's region
     * @param endpoint        an S3-compatible server's URL ({@code http://localhost:9000} for MinIO); unset for Amazon S3
     * @param pathStyle       address the bucket in the path, not the host name (MinIO needs it)
     * @param accessKeyId     with {@code secretAccessKey}; both unset: the SDK's default chain (environment, profile, role)
     * @param secretAccessKey the secret of {@code accessKeyId}
     */
    public record S3(String bucket, @DefaultValue("recordings/") String prefix, @DefaultValue("us-east-1") String region,
                     String endpoint, @DefaultValue("false") boolean pathStyle, String accessKeyId, String secretAccessKey) {
    }
}
