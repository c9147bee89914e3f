package io.redflag.service;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a server it needs does not answer. On a developer's machine it is skipped, with the
 * reason. On CI (environment CI=true, as .ci/run is run there) it fails, saying how to start the server: a
 * green build must not hide tests that never ran.
 */
public final class RequiredOnCi {
    /** How to get the PostgreSQL the store's tests expect. */
    public static final String START_POSTGRES = "start one at 127.0.0.1:5432 with database 'test' and trust auth"
            + " for user 'postgres': on Debian 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main"
            + " start', or 'docker run -d -p 5432:5432 -e POSTGRES_DB=test -e POSTGRES_HOST_AUTH_METHOD=trust"
            + " postgres:15'; or point -Dredflag.test.postgres.url at another server";

    private RequiredOnCi() {
    }

    /**
     * Returns when {@code unavailable} is null (the server answers); otherwise skips the test, or on CI fails it.
     *
     * @param server      what is missing, e.g. "PostgreSQL"
     * @param unavailable why it does not answer, or null when it does
     * @param howToStart  the instruction a failure on CI gives
     */
    public static void require(String server, String unavailable, String howToStart) {
        require(server, unavailable, howToStart, System.getenv());
    }

    static void require(String server, String unavailable, String howToStart, Map<String, String> env) {
        if (unavailable == null) {
            return;
        }
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            Assertions.fail(server + " is required on CI (CI=true) but " + unavailable + "; " + howToStart + ".");
        }
        Assumptions.abort(server + " tests skipped: " + unavailable + " (on CI, where CI=true, this fails the build)");
    }
}
