package uk.workforcewatch.caseload.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import uk.workforcewatch.events.caseload.CaseAllocation;

import java.util.List;

/** A case's holdings as the JSON its row keeps them in. */
final class Holdings {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<List<CaseAllocation>> LIST = new TypeReference<>() {
    };

    private Holdings() {
    }

    static List<CaseAllocation> read(String json) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case's holdings could not be read", e);
        }
    }

    static String write(List<CaseAllocation> holdings) {
        try {
            return JSON.writeValueAsString(holdings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case's holdings could not be written", e);
        }
    }
}
