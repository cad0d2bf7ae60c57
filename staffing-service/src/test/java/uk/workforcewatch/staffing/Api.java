package uk.workforcewatch.staffing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import uk.workforcewatch.testing.Tokens;

import java.util.Map;
import java.util.UUID;

/** Calls to staffing-service as the people who use it, for the tests. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static RequestSpecification hr() {
        return as(Tokens.hrOfficer());
    }

    public static String newTeam(String serviceArea) {
        return hr().body(Map.of("name", "Team " + UUID.randomUUID(), "serviceArea", serviceArea))
                .post("/api/v1/teams").then().statusCode(201).extract().path("id");
    }

    public static String hire(Map<String, Object> worker) {
        return hr().body(worker).post("/api/v1/workers").then().statusCode(201).extract().path("id");
    }

    public static String establish(String teamId, String role, String fte, String establishedOn) {
        return hr().body(Map.of("teamId", teamId, "role", role, "fte", fte, "establishedOn", establishedOn))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails().statusCode(status).contentType("application/problem+json");
    }
}
