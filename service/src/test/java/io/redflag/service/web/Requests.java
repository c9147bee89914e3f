package io.redflag.service.web;

import java.net.http.HttpRequest;

/** How the web tests present themselves: as an admin, once the service asks for credentials. */
final class Requests {

    private Requests() {
    }

    static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request;
    }
}
