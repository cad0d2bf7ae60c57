package uk.workforcewatch.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An error answer as {@code application/problem+json} (RFC 9457), with the fields at fault listed in
 * {@code violations} when the input was invalid.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String title, String detail, List<Violation> violations) {
        return new Problem("about:blank", title, status, detail, null, violations, Map.of());
    }

    /** Extension members (RFC 9457 section 3.2), such as the figures behind a refusal. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }
}
