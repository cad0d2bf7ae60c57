package uk.workforcewatch.gateway.forward;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** A caller's request as it goes on to the service: path with query string, headers, body (or none). */
public record ServiceRequest(HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {

    /** A read that changes nothing, so trying it again after no answer can do no harm. */
    public boolean safe() {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
