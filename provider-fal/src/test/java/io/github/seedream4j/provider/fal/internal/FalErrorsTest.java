package io.github.seedream4j.provider.fal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.http.ErrorDetail;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FalErrorsTest {

    private static final String KEY = "5b7d0f6e-1111-4222-8333-944455556666:0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String ID = "80e732af-660e-45cd-bd63-580e4f2a94cc";
    private static final String SUBMIT = "POST /fal-ai/bytedance/seedream/v4/text-to-image";
    private static final String RESULT = "GET /fal-ai/bytedance/requests/" + ID;

    private final FalErrors errors = new FalErrors(Secret.of(KEY));

    @Test
    void details_readFastApiValidationItems() {
        List<ErrorDetail> d = FalErrors.details(bytes("{\"detail\": [{\"loc\": [\"body\", \"image_size\", \"width\"], "
                + "\"msg\": \"Input should be less than or equal to 14142\", \"type\": \"less_than_equal\"}, "
                + "{\"loc\": [\"body\", \"prompt\"], \"msg\": \"Field required\", \"type\": \"missing\"}]}"));

        assertThat(d).containsExactly(
                new ErrorDetail("less_than_equal", "image_size.width: Input should be less than or equal to 14142"),
                new ErrorDetail("missing", "prompt: Field required"));
    }

    @Test
    void details_readTheContentPolicyArray() {
        assertThat(FalErrors.details(bytes(Vectors.text("error-content-policy.json")))).containsExactly(
                new ErrorDetail("content_policy_violation", "prompt: The content was flagged by a content checker. "
                        + "(categories: sexual)"));
    }

    @Test
    void details_readRequestErrorsWithTheirType() {
        assertThat(FalErrors.details(bytes(Vectors.text("error-request-timeout.json"))))
                .containsExactly(new ErrorDetail("request_timeout", "Request timed out"));
        assertThat(FalErrors.details(bytes("{\"detail\": \"Not Found\"}")))
                .containsExactly(new ErrorDetail(null, "Not Found"));
        assertThat(FalErrors.details(bytes("<html><title>Bad Gateway</title></html>"))).isEmpty();
    }

    @Test
    void contentPolicy_isARequestToChange_notATransientFailure() {
        SeedreamException e = errors.translate(reply(RESULT, Idempotency.IDEMPOTENT, 422,
                Vectors.text("error-content-policy.json")), ID);

        assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessage("provider fal: " + RESULT + " answered "
                + "HTTP 422: prompt: The content was flagged by a content checker. (categories: sexual) (code "
                + "content_policy_violation); fal's content checker flagged the request: change the prompt or the "
                + "reference images, since the same request is refused again");
        assertThat(e.jobId()).contains(ID);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void exhaustedBalance_isInsufficientCredit_notABadKey() {
        SeedreamException e = errors.translate(reply(SUBMIT, Idempotency.NON_IDEMPOTENT, 403,
                Vectors.text("error-exhausted-balance.json")), null);

        assertThat(e).isInstanceOf(InsufficientCreditException.class).hasMessage("provider fal: " + SUBMIT
                + " answered HTTP 403: User is locked. Reason: Exhausted balance. Top up your balance at "
                + "fal.ai/dashboard/billing; the fal account's balance is used up: top it up in the fal dashboard's "
                + "billing page, then try again");
    }

    @Test
    void adminLock_isAnAccountProblem() {
        SeedreamException e = errors.translate(reply(SUBMIT, Idempotency.NON_IDEMPOTENT, 403,
                "{\"detail\": \"User is locked. Reason: Admin lock. Please contact support@fal.ai\"}"), null);

        assertThat(e).isInstanceOf(AuthenticationException.class).hasMessage("provider fal: " + SUBMIT + " answered "
                + "HTTP 403: User is locked. Reason: Admin lock. Please contact support@fal.ai; fal locked the "
                + "account, and a new key does not unlock it: see the fal dashboard, or contact fal support");
    }

    @Test
    void refusedKey_namesFalKey_andNeverShowsTheKey() {
        SeedreamException e = errors.translate(reply(SUBMIT, Idempotency.NON_IDEMPOTENT, 401,
                "{\"detail\": \"Invalid Key " + KEY + "\"}"), null);

        assertThat(e).isInstanceOf(AuthenticationException.class).hasMessage("provider fal: " + SUBMIT + " answered "
                + "HTTP 401: Invalid Key ****; the credential was refused: check FAL_KEY (setting 'api-key')");
    }

    @Test
    void requestTimeoutOfAnAcceptedRequest_isFalGivingUp() {
        SeedreamException e = errors.translate(reply(RESULT, Idempotency.IDEMPOTENT, 504,
                Vectors.text("error-request-timeout.json")), ID);

        assertThat(e).isInstanceOf(GenerationTimeoutException.class).hasMessage("provider fal: " + RESULT
                + " answered HTTP 504: Request timed out (code request_timeout); fal gave up on request " + ID
                + "; fal does not bill requests that fail with a 5xx status: send it again");
    }

    @Test
    void runnerFailureOfAnAcceptedRequest_isUnavailable() {
        SeedreamException e = errors.translate(reply(RESULT, Idempotency.IDEMPOTENT, 503,
                "{\"detail\": \"Runner disconnected\", \"error_type\": \"runner_disconnected\"}"), ID);

        assertThat(e).isInstanceOf(ProviderUnavailableException.class).hasMessage("provider fal: " + RESULT
                + " answered HTTP 503: Runner disconnected (code runner_disconnected); fal could not run request " + ID
                + "; fal does not bill requests that fail with a 5xx status: try again later");
    }

    @Test
    void gatewayTimeoutOfTheSubmission_mayHaveBeenAccepted() {
        SeedreamException e = errors.translate(reply(SUBMIT, Idempotency.NON_IDEMPOTENT, 504,
                Vectors.text("error-request-timeout.json")), null);

        assertThat(e).isInstanceOf(OutcomeUnknownException.class).hasMessageStartingWith("provider fal: " + SUBMIT
                + " answered HTTP 504: Request timed out (code request_timeout); a gateway gave up waiting")
                .hasMessageEndingWith("It was not sent again; check the requests page of the fal dashboard before "
                        + "sending the request again");
    }

    @Test
    void unknownRequest_hasExpired() {
        SeedreamException e = errors.translate(reply(RESULT + "/status", Idempotency.IDEMPOTENT, 404,
                "{\"detail\": \"Request not found\"}"), ID);

        assertThat(e).isInstanceOf(GenerationFailedException.class).hasMessage("provider fal: " + RESULT
                + "/status answered HTTP 404: Request not found; fal knows no request " + ID + " there: it expired, "
                + "or was made with another key or base URL; send the request again");
    }

    @Test
    void unknownEndpoint_pointsAtTheBaseUrl() {
        SeedreamException e = errors.translate(reply(SUBMIT, Idempotency.NON_IDEMPOTENT, 404,
                "{\"detail\": \"Application not found\"}"), null);

        assertThat(e).hasMessage("provider fal: " + SUBMIT + " answered HTTP 404: Application not found; no such "
                + "endpoint at the setting 'base-url': check it (fal's queue API is https://queue.fal.run)");
    }

    private static HttpReply reply(String what, Idempotency kind, int status, String body) {
        return HttpReply.of(what, kind, status, Map.of("Content-Type", List.of("application/json")), bytes(body));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
