package io.redflag.connector.writeback;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the CRM's answer becomes held tasks: who created them, when they were closed, whether anyone touched them
 * since, every page read.
 */
class FollowUpTasksTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void everyPageIsReadAndEachTaskSaysWhetherItIsOwnUntouchedAndWhenItWasClosed() {
        StubOrg org = new StubOrg(wm);
        org.answers("query-page-one", "query-page-two");

        List<HeldTask> held = org.followUps(org.crm()).byKeys(List.of("COMPLAINTS:001000000000001AAA",
                "REVENUE_DECLINE:001000000000001AAA"));

        assertThat(held).containsExactly(
                new HeldTask("00T000000000001AAA", "COMPLAINTS:001000000000001AAA", "005000000000002AAA", true,
                        Instant.parse("2026-06-30T12:00:00Z"), false, null, true),
                new HeldTask("00T000000000002AAA", "REVENUE_DECLINE:001000000000001AAA", "005000000000002AAA", false,
                        Instant.parse("2026-06-29T08:00:00Z"), true, Instant.parse("2026-06-29T09:30:00Z"), false),
                new HeldTask("00T000000000003AAA", "REVENUE_DECLINE:001000000000001AAA", "005000000000002AAA", true,
                        Instant.parse("2026-06-20T08:00:00Z"), true, Instant.parse("2026-06-21T07:00:00Z"), false));
        assertThat(org.soapCalls()).isEqualTo(2);
    }

    @Test
    void noKeysAskNothing() {
        StubOrg org = new StubOrg(wm);

        assertThat(org.followUps(org.crm()).byKeys(List.of())).isEmpty();
        assertThat(org.soapCalls()).isZero();
    }

    @Test
    void usersAreTheSameByTheirFifteenCharacterId() {
        assertThat(FollowUpTasks.sameUser("005000000000001AAA", "005000000000001")).isTrue();
        assertThat(FollowUpTasks.sameUser("005000000000001AAA", "005000000000001AAA")).isTrue();
        assertThat(FollowUpTasks.sameUser("005000000000001AAA", "005000000000002AAA")).isFalse();
        assertThat(FollowUpTasks.sameUser("005000000000001AAA", "005000000000001aaa")).isTrue();
        assertThat(FollowUpTasks.sameUser("005000000000001", "005000000000001")).isTrue();
        assertThat(FollowUpTasks.sameUser("00500000000000", "00500000000000")).as("not an id").isFalse();
        assertThat(FollowUpTasks.sameUser("005000000000001", "00500000000000")).as("not an id").isFalse();
    }

    @Test
    void quotesAndBackslashesInAValueAreEscaped() {
        assertThat(FollowUpTasks.quote("A'B\\C")).isEqualTo("'A\\'B\\\\C'");
    }
}
