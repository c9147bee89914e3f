package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredOnCiTest {
    private static final String DOWN = "no PostgreSQL server reachable at jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void onCiAMissingServerFailsTheTestAndSaysHowToStartOne() {
        assertThatThrownBy(() -> RequiredOnCi.require("PostgreSQL", DOWN, RequiredOnCi.START_POSTGRES,
                Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("PostgreSQL is required on CI (CI=true) but " + DOWN + "; " + RequiredOnCi.START_POSTGRES
                        + ".")
                .hasMessageContaining("pg_ctlcluster").hasMessageContaining("docker run");
    }

    @Test
    void offCiAMissingServerSkipsTheTestWithTheReason() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("CI", "false"))) {
            assertThatThrownBy(() -> RequiredOnCi.require("PostgreSQL", DOWN, RequiredOnCi.START_POSTGRES, env))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("PostgreSQL tests skipped: " + DOWN);
        }
    }

    @Test
    void aServerThatAnswersIsNeitherSkippedNorFailed() {
        assertThatCode(() -> RequiredOnCi.require("PostgreSQL", null, RequiredOnCi.START_POSTGRES,
                Map.of("CI", "true"))).doesNotThrowAnyException();
    }
}
