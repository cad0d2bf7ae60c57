package uk.workforcewatch.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void everyPathOnceTheGatewaysFirstAndAClashingSchemaRenamedWithItsReferences() throws Exception {
        JsonNode gateway = json("{'openapi':'3.1.0','info':{'title':'gateway'},'tags':[{'name':'Alerts'}],"
                + "'paths':{'/api/v1/alerts':{'get':{'summary':'alerts'}}},"
                + "'components':{'schemas':{'Page':{'type':'object','properties':{'items':{'type':'array'}}}}}}");
        JsonNode staffing = json("{'tags':[{'name':'Teams'},{'name':'Alerts'}],"
                + "'paths':{'/api/v1/teams':{'get':{'responses':{'200':{'content':{'application/json':"
                + "{'schema':{'$ref':'#/components/schemas/Page'}}}}}}},"
                + "'/api/v1/alerts':{'get':{'summary':'not this one'}}},"
                + "'components':{'schemas':{'Page':{'type':'object','properties':{'teams':{'type':'array'}}},"
                + "'TeamView':{'type':'object'}}}}");
        JsonNode caseload = json("{'paths':{'/api/v1/cases':{'post':{'summary':'open a case'}}},"
                + "'components':{'schemas':{'Page':{'type':'object','properties':{'items':{'type':'array'}}}}}}");

        JsonNode merged = ApiMerger.merge(gateway, List.of(ApiMerger.Part.of("staffing-service", staffing),
                ApiMerger.Part.of("caseload-service", caseload),
                ApiMerger.Part.missing("sickness-service", "503")), "Workforce Watch");

        assertEquals(List.of("/api/v1/alerts", "/api/v1/cases", "/api/v1/teams"), names(merged.get("paths")));
        assertEquals("alerts", merged.at("/paths/~1api~1v1~1alerts/get/summary").asText());
        assertEquals("#/components/schemas/StaffingPage",
                merged.at("/paths/~1api~1v1~1teams/get/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(merged.at("/components/schemas/StaffingPage/properties/teams").isObject());
        assertTrue(merged.at("/components/schemas/Page/properties/items").isObject(), "the same shape is kept once");
        assertTrue(merged.at("/components/schemas/TeamView").isObject());
        assertEquals(List.of("Alerts", "Teams"), merged.get("tags").findValuesAsText("name"));
        assertEquals("Workforce Watch", merged.at("/info/title").asText());
        assertTrue(merged.at("/info/description").asText().contains("sickness-service (503)"),
                merged.at("/info/description").asText());
    }

    @Test
    void aPathSeveralServicesServeHasEachOperationOnceWithEverySummaryAndEveryRole() throws Exception {
        JsonNode gateway = json("{'paths':{}}");
        JsonNode staffing = json("{'paths':{'/api/v1/imports/{kind}':{'post':{'summary':'Import teams, posts or workers',"
                + "'parameters':[{'name':'kind','in':'path'}],"
                + "'security':[{'SecurityScheme':['hr-officer','senior-manager']}]}},"
                + "'/api/v1/exports/{kind}':{'get':{'summary':'Export teams, posts or workers'}}}}");
        JsonNode caseload = json("{'paths':{'/api/v1/imports/{kind}':{'post':{'summary':'Import cases',"
                + "'security':[{'SecurityScheme':['senior-manager','team-manager']}]}}}}");
        JsonNode sickness = json("{'paths':{'/api/v1/imports/{kind}':{'post':{'summary':'Import absences',"
                + "'security':[{'SecurityScheme':['hr-officer']}]}}}}");

        JsonNode merged = ApiMerger.merge(gateway, List.of(ApiMerger.Part.of("staffing-service", staffing),
                ApiMerger.Part.of("caseload-service", caseload), ApiMerger.Part.of("sickness-service", sickness)), "W");

        JsonNode imports = merged.at("/paths/~1api~1v1~1imports~1{kind}/post");
        assertEquals("Import teams, posts or workers (staffing-service); Import cases (caseload-service); "
                + "Import absences (sickness-service)", imports.path("summary").asText());
        assertEquals(List.of("hr-officer", "senior-manager", "team-manager"),
                JSON.convertValue(imports.at("/security/0/SecurityScheme"), List.class));
        assertEquals("kind", imports.at("/parameters/0/name").asText(), "the first service's operation, joined");
        assertEquals("Export teams, posts or workers",
                merged.at("/paths/~1api~1v1~1exports~1{kind}/get/summary").asText(), "one service's, as it is");
    }

    private static List<String> names(JsonNode object) {
        List<String> all = new ArrayList<>();
        object.fieldNames().forEachRemaining(all::add);
        return all;
    }
}
