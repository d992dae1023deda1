package io.github.seedream4j.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.seedream4j.Charge;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One line of {@code manifest.jsonl}: what happened to one image of one batch line. Fields that do not apply to a
 * status are left out. The README documents every field.
 *
 * @param line the batch file's line number
 * @param image 1-based index when the line asks for several images, else absent
 * @param name the image's file base name, unique in the batch file; the key records are matched by
 * @param status what happened
 * @param provider the provider's id
 * @param job the provider's job id: of the submission ({@code submitted}), or of the failed job ({@code failed})
 * @param jobs the job ids of a {@code done} image
 * @param seed the seed sent (the CLI fixes it before submission, so the request can be rebuilt to resume it)
 * @param estimate the estimated cost reserved from the budget ({@code submitted})
 * @param cost what the image cost ({@code done}); basis {@code unknown} when the provider's figure was unusable
 * @param files the files written ({@code done})
 * @param pixels the image's real pixels ({@code done})
 * @param warnings warnings of the result ({@code done})
 * @param error what went wrong ({@code failed})
 * @param reason why a line was skipped ({@code skipped}: {@code budget})
 * @param billed on {@code failed}: whether the provider may have accepted, and billed, the request
 * @param resumed on {@code done}: whether the image came from a job submitted by an earlier run
 * @param fingerprint identifies the request the line made, to notice a line edited between runs
 * @param at when the record was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ManifestRecord(int line, Integer image, String name, Status status, String provider, String job,
        List<String> jobs, Long seed, Money estimate, Money cost, List<String> files, String pixels,
        List<String> warnings, String error, String reason, Boolean billed, Boolean resumed, String fingerprint,
        String at) {

    /** What happened to an image. */
    enum Status {
        /** The provider accepted the request as {@code job}; the result is still owed. */
        @JsonProperty("submitted") SUBMITTED,
        /** The image is written. */
        @JsonProperty("done") DONE,
        /** This attempt failed. */
        @JsonProperty("failed") FAILED,
        /** Not submitted ({@code reason}). */
        @JsonProperty("skipped") SKIPPED
    }

    /** An amount of money and how it is known: {@code reported}, {@code estimated} or {@code unknown}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Money(BigDecimal amount, String currency, String basis) {
        static final String UNKNOWN = "unknown";

        static Money of(Charge charge) {
            return new Money(charge.cost().amount(), charge.cost().currency().getCurrencyCode(),
                    charge.isEstimated() ? "estimated" : "reported");
        }

        static Money unknown() {
            return new Money(null, null, UNKNOWN);
        }
    }

    /** A record of {@code status} for one unit, stamped now; the other fields are filled by the withers. */
    static ManifestRecord of(BatchFile.Unit unit, Status status) {
        return new ManifestRecord(unit.line().number(), unit.image() == 0 ? null : unit.image(), unit.name(), status,
                null, null, null, null, null, null, null, null, null, null, null, null, null, unit.fingerprint(),
                Instant.now().toString());
    }

    /** A record of a line that failed before it had units (a bad line). */
    static ManifestRecord badLine(BatchFile.Line line) {
        return new ManifestRecord(line.number(), null, line.name(), Status.FAILED, null, null, null, null, null, null,
                null, null, null, line.error(), null, false, null, null, Instant.now().toString());
    }

    ManifestRecord withProvider(String provider, String job) {
        return new ManifestRecord(line, image, name, status, provider, job, jobs, seed, estimate, cost, files, pixels,
                warnings, error, reason, billed, resumed, fingerprint, at);
    }

    ManifestRecord withSubmission(Long seed, Money estimate) {
        return new ManifestRecord(line, image, name, status, provider, job, jobs, seed, estimate, cost, files, pixels,
                warnings, error, reason, billed, resumed, fingerprint, at);
    }

    ManifestRecord withResult(List<String> jobs, Long seed, Money cost, List<String> files, String pixels,
            List<String> warnings, boolean resumed) {
        return new ManifestRecord(line, image, name, status, provider, job, jobs, seed, estimate, cost, files, pixels,
                warnings, error, reason, billed, resumed ? Boolean.TRUE : null, fingerprint, at);
    }

    ManifestRecord withError(String error, boolean billed) {
        return new ManifestRecord(line, image, name, status, provider, job, jobs, seed, estimate, cost, files, pixels,
                warnings, error, reason, billed, resumed, fingerprint, at);
    }

    ManifestRecord withReason(String reason) {
        return new ManifestRecord(line, image, name, status, provider, job, jobs, seed, estimate, cost, files, pixels,
                warnings, error, reason, billed, resumed, fingerprint, at);
    }
}
