package io.redflag.service;

import io.redflag.service.security.ApiTokens;
import io.redflag.service.security.Role;

/**
 * How tests get into the running service: an API token of the role they need, created in the service's own
 * token store, sent as {@code Authorization: Bearer …} like any machine client's.
 */
public final class TestAccess {
    private TestAccess() {
    }

    /** The Authorization header value of a new viewer token. */
    public static String viewer(ApiTokens tokens) {
        return bearer(tokens, Role.VIEWER);
    }

    /** The Authorization header value of a new admin token. */
    public static String admin(ApiTokens tokens) {
        return bearer(tokens, Role.ADMIN);
    }

    private static String bearer(ApiTokens tokens, Role role) {
        return "Bearer " + tokens.create("test " + role.key(), role, "tests").token();
    }
}
