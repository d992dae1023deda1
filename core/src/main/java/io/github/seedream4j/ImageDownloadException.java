package io.github.seedream4j;

/**
 * The image could not be fetched or did not pass its checks: the URL expired (HTTP 403/404), the content is not an image of the declared type, it is truncated, or it is larger than the size cap. The job id is carried so the image can be fetched again while the provider still holds it.
 */
public final class ImageDownloadException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the offending value and what to do next; never a secret
     * @param providerId the provider involved, or {@code null}
     * @param jobId the provider's job id if work was accepted, or {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    public ImageDownloadException(String message, String providerId, String jobId, Throwable cause) {
        super(message, providerId, jobId, cause);
    }

    /** @param message what happened, with the offending value and what to do next; never a secret */
    public ImageDownloadException(String message) {
        this(message, null, null, null);
    }
}
