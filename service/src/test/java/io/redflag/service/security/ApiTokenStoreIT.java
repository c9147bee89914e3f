package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.service.TestClock;
import io.redflag.service.store.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API token store on embedded H2 and on the real PostgreSQL server, on a clock moved by hand. */
class ApiTokenStoreIT {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTokenIsKnownByItsHashItsLastUseIsKeptToTheMinuteAndARevokedOneIsRefused(String db) {
        DataSource ds = Databases.fresh(db);
        TestClock clock = new TestClock(T0);
        ApiTokens tokens = new ApiTokens(ds, clock);

        ApiTokens.Created ci = tokens.create("  ci  ", Role.ADMIN, "ops@acme.example");
        ApiTokens.Created export = tokens.create("export", Role.VIEWER, "ops@acme.example");
        assertThat(ci.toString()).as("a token's text never shows its value").doesNotContain(ci.token());
        assertThat(tokens.authenticate(ci.token())).contains(new ApiTokens.Holder(ci.id(), "ci", Role.ADMIN));
        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(ci.token()); // within the minute: the first use stands
        assertThat(tokens.list()).isEqualTo(List.of(
                new ApiTokens.Listed(ci.id(), "ci", "admin", "ops@acme.example", T0, T0, false, null),
                new ApiTokens.Listed(export.id(), "export", "viewer", "ops@acme.example", T0, null, false, null)));

        clock.advance(Duration.ofMinutes(1));
        Instant later = clock.instant();
        tokens.authenticate(ci.token());
        assertThat(tokens.list().get(0).lastUsedAt()).isEqualTo(later);

        assertThat(tokens.revoke(ci.id())).isTrue();
        assertThat(tokens.authenticate(ci.token())).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.revoke(ci.id())).as("revoking again keeps the first time").isTrue();
        assertThat(tokens.list().get(0)).isEqualTo(new ApiTokens.Listed(ci.id(), "ci", "admin", "ops@acme.example",
                T0, later, true, later));
        assertThat(tokens.revoke(ci.id() + export.id() + 1)).isFalse();
        assertThat(tokens.authenticate(export.token())).isPresent();
        assertThat(tokens.authenticate(export.token() + "x")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void revokeAllEndsEveryValidTokenOfThatNameAndCreatorOnly(String db) {
        ApiTokens tokens = new ApiTokens(Databases.fresh(db), new TestClock(T0));
        ApiTokens.Created first = tokens.create("demo", Role.ADMIN, "redflag demo start-up");
        ApiTokens.Created mine = tokens.create("demo", Role.ADMIN, "ops@acme.example");
        assertThat(tokens.revokeAll("demo", "redflag demo start-up")).isEqualTo(1);
        assertThat(tokens.authenticate(first.token())).isEmpty();
        assertThat(tokens.authenticate(mine.token())).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void aNameMustBeOneToAHundredCharacters(String db) {
        ApiTokens tokens = new ApiTokens(Databases.fresh(db), new TestClock(T0));
        for (String bad : new String[] {null, " ", "x".repeat(101)}) {
            assertThatThrownBy(() -> tokens.create(bad, Role.VIEWER, "ops")).hasMessage(
                    "name is required: 1 to 100 characters");
        }
        assertThat(tokens.create("x".repeat(100), Role.VIEWER, "ops").name()).hasSize(100);
    }
}
