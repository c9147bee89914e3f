package io.redflag.service.web;

import io.redflag.service.TestAccess;
import io.redflag.service.security.ApiTokens;
import java.net.http.HttpRequest;

/** How the web tests present themselves: as an admin with an API token, so only the request's faults count. */
final class Requests {

    private Requests() {
    }

    static HttpRequest.Builder authorized(HttpRequest.Builder request, ApiTokens tokens) {
        return request.header("Authorization", TestAccess.admin(tokens));
    }
}
