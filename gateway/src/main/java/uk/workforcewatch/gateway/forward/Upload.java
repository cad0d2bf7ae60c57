package uk.workforcewatch.gateway.forward;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * A caller's file on its way to a service, part by part as it arrives: each part is written on at once and the caller
 * is paused while the service is slower to take it in, so the gateway holds a few parts at a time, never the file. A
 * file that goes over the cap, or that the caller breaks off, is cut off at the service (its request reset, never
 * ended), so a service never takes part of a file for the whole of it.
 */
final class Upload {

    private Upload() {
    }

    /**
     * Sends the caller's body, if it has one, as the body of {@code to}, and gives the service's answer. Over
     * {@code cap} bytes, {@code overCap} answers the caller. Each part sent gives the service {@code idleMillis} again.
     */
    static Future<HttpClientResponse> send(HttpServerRequest from, HttpClientRequest to, long cap, long idleMillis,
                                           Runnable overCap) {
        String length = from.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            to.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (HttpMethod.GET.equals(from.method()) || HttpMethod.HEAD.equals(from.method())) {
            // a read, such as an export, has no body
            return to.send();
        } else {
            // sent in chunks (HTTP/1.1) or frames (HTTP/2) as it comes, its length told by its end
            to.setChunked(true);
        }
        if (from.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            from.response().writeContinue();
        }
        long[] received = {0};
        boolean[] cut = {false};
        to.drainHandler(drained -> from.resume());
        // a failure to send is the answer's failure, given to the caller of send
        to.exceptionHandler(failed -> { });
        from.handler(part -> {
            if (cut[0]) {
                return;
            }
            received[0] += part.length();
            if (received[0] > cap) {
                cut[0] = true;
                overCap.run();
                to.reset(0, new CutOff("the file went over " + cap + " bytes"));
                return;
            }
            to.write(part);
            to.idleTimeout(idleMillis);
            if (to.writeQueueFull()) {
                from.pause();
            }
        });
        from.exceptionHandler(broken -> {
            cut[0] = true;
            to.reset(0, new CutOff("the caller broke the file off"));
        });
        from.endHandler(end -> {
            if (!cut[0]) {
                to.end();
            }
        });
        from.resume();
        return to.response();
    }
}
