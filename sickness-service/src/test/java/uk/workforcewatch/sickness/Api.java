package uk.workforcewatch.sickness;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import uk.workforcewatch.testing.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Calls to sickness-service as the people who use it, for the tests. */
public final class Api {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Api() {
    }

    public static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification hr() {
        return as(Tokens.hrOfficer());
    }

    public static RequestSpecification senior() {
        return as(Tokens.seniorManager());
    }

    public static RequestSpecification manager(UUID team) {
        return as(Tokens.teamManager(team));
    }

    /** The body of a new episode; {@code end} may be null for an open one. */
    public static Map<String, Object> episode(UUID worker, LocalDate start, LocalDate end, String reason,
                                              String certification) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        body.put("startDate", start.toString());
        body.put("reason", reason);
        body.put("certification", certification);
        if (end != null) {
            body.put("endDate", end.toString());
        }
        return body;
    }

    public static ValidatableResponse record(RequestSpecification as, UUID worker, LocalDate start, LocalDate end) {
        return as.body(episode(worker, start, end, "MUSCULOSKELETAL", "SELF_CERTIFIED")).post("/api/v1/absences").then();
    }

    /** Records an episode as an HR officer and answers its id. */
    public static String recorded(UUID worker, LocalDate start, LocalDate end) {
        return record(hr(), worker, start, end).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails().statusCode(status).contentType("application/problem+json");
    }
}
