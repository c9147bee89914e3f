package io.redflag.connector.writeback;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.redflag.connector.writeback.ReplacedTasks.Doomed;
import io.redflag.connector.writeback.ReplacedTasks.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deleting replaced tasks: looked at first, a touched one kept, one deleted already done, never an error. */
class ReplacedTasksTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void anUntouchedTaskIsDeletedATouchedOneKeptAndOneDeletedAlreadyOrMissingIsGone() {
        StubOrg org = new StubOrg(wm);
        org.answers("query-tasks-to-replace", "delete-one-deleted-already");
        ReplacedTasks replaced = new ReplacedTasks(org.crm(), org.followUps(org.crm()));
        List<Doomed> doomed = List.of(
                new Doomed("STALE_PLAN:001000000000001AAA:006000000000001AAA", "00T000000000001AAA"),
                new Doomed("COMPLAINTS:001000000000002AAA", "00T000000000002AAA"), // the rep edited it since
                new Doomed("CONTACT_SILENT:001000000000003AAA:003000000000003AAA", "00T000000000003AAA"),
                new Doomed("STALE_PLAN:001000000000004AAA", "00T000000000004AAA")); // the CRM no longer holds it

        List<ReplacedTasks.Result> results = replaced.delete(doomed);

        assertThat(results).extracting(ReplacedTasks.Result::task).containsExactlyElementsOf(doomed);
        assertThat(results).extracting(ReplacedTasks.Result::outcome).containsExactly(Outcome.DELETED, Outcome.KEPT,
                Outcome.GONE, Outcome.GONE);
        assertThat(results).allMatch(ReplacedTasks.Result::settled);
        assertThat(org.soapCalls()).as("one look-up, one delete of the two untouched tasks").isEqualTo(2);
    }

    @Test
    void nothingToDeleteAsksNothing() {
        StubOrg org = new StubOrg(wm);
        assertThat(new ReplacedTasks(org.crm(), org.followUps(org.crm())).delete(List.of())).isEmpty();
        assertThat(org.soapCalls()).isZero();
    }
}
