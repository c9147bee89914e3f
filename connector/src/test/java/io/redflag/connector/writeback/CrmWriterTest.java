package io.redflag.connector.writeback;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.redflag.connector.resilience.CrmErrorKind;
import io.redflag.connector.resilience.CrmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Creates that are never applied twice, against fixed answers: each test names the org's answers to the
 * writer's calls in order (look-up, create, look-up …), and the number of calls the writer made.
 */
class CrmWriterTest {
    private static final String KEY = "COMPLAINTS:001000000000001AAA";
    private static final String OTHER_KEY = "REVENUE_DECLINE:001000000000001AAA";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private StubOrg org;

    @BeforeEach
    void org() {
        org = new StubOrg(wm);
    }

    private static NewFollowUpTask task(String key) {
        return new NewFollowUpTask(key, "001000000000001AAA", null, "005000000000002AAA", "Resolve the case",
                "Why: it is open", "High", LocalDate.of(2026, 7, 5));
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundByItsKeyAndNotSentAgain() {
        org.answers("query-no-tasks", "502", "query-open-task");

        List<WriteResult> results = org.writer(5).createTasks(List.of(task(KEY)));

        assertThat(results).containsExactly(new WriteResult(KEY, "00T000000000001AAA",
                WriteResult.Evidence.FOUND_AFTER_LOST_ANSWER, null, null, null));
        assertThat(org.soapCalls()).as("look-up, create, look-up: no second create").isEqualTo(3);
    }

    @Test
    void aCreateWhoseAnswerIsLostAndThatMadeNothingIsSentAgain() {
        org.answers("query-no-tasks", "502", "query-no-tasks", "create-task");

        List<WriteResult> results = org.writer(5).createTasks(List.of(task(KEY)));

        assertThat(results).containsExactly(new WriteResult(KEY, "00T000000000042AAA", WriteResult.Evidence.ANSWERED,
                null, null, null));
        assertThat(org.soapCalls()).isEqualTo(4);
    }

    @Test
    void afterALostAnswerOnlyTheKeysStillMissingAreSentAgainAndResultsKeepTheOrderGiven() {
        // The second create answers with one result: had both keys been sent again, it would not match.
        org.answers("query-no-tasks", "502", "query-open-task", "create-task");

        List<WriteResult> results = org.writer(5).createTasks(List.of(task(OTHER_KEY), task(KEY)));

        assertThat(results).containsExactly(WriteResult.answered(OTHER_KEY, "00T000000000042AAA"),
                WriteResult.foundAfterLostAnswer(KEY, "00T000000000001AAA"));
        assertThat(org.soapCalls()).isEqualTo(4);
    }

    @Test
    void whatALostCallMadeIsATaskThatWasNotThereBeforeNotAnOlderOneUnderTheKey() {
        org.answers("query-closed-task", "502", "query-closed-and-open-task");

        List<WriteResult> results = org.writer(5).createTasks(List.of(task(KEY)));

        assertThat(results).containsExactly(WriteResult.foundAfterLostAnswer(KEY, "00T000000000001AAA"));
    }

    @Test
    void whenAnswersAreLostMoreOftenThanTheRetriesAllowTheTaskComesBackAsNotAnsweredAndNothingIsDoubled() {
        org.answers("query-no-tasks", "502", "query-no-tasks", "502", "query-no-tasks");

        List<WriteResult> results = org.writer(1).createTasks(List.of(task(KEY)));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.kind()).isEqualTo(CrmErrorKind.TRANSIENT);
            assertThat(r.code()).isEqualTo(CrmWriter.NO_ANSWER);
            assertThat(r.message()).contains("create:Task", "outcome unknown");
        });
        assertThat(org.soapCalls()).isEqualTo(5);
    }

    @Test
    void aKeyTheOrgHoldsAnOpenTaskUnderIsNotSentAndComesBackWithThatTask() {
        org.answers("query-open-task");

        List<WriteResult> results = org.writer(5).createTasks(List.of(task(KEY)));

        assertThat(results).containsExactly(new WriteResult(KEY, "00T000000000001AAA",
                WriteResult.Evidence.ALREADY_THERE, null, null, null));
        assertThat(org.soapCalls()).isEqualTo(1);
    }

    @Test
    void aClosedTaskUnderTheKeyDoesNotStopANewOne() {
        org.answers("query-closed-task", "create-task");

        List<WriteResult> results = org.writer(5).createTasks(List.of(task(KEY)));

        assertThat(results).containsExactly(WriteResult.answered(KEY, "00T000000000042AAA"));
    }

    @Test
    void whenTheLookUpAfterALostAnswerFailsNothingIsSentAgain() {
        org.answers("query-no-tasks", "502", "fault-invalid-field");

        CrmException e = catchThrowableOfType(() -> org.writer(5).createTasks(List.of(task(KEY))),
                CrmException.class);

        assertThat(e.operation()).isEqualTo("query:Task");
        assertThat(org.soapCalls()).isEqualTo(3);
    }

    @Test
    void aCreateRefusedWithAPermanentFaultIsThrownNotLookedFor() {
        org.answers("query-no-tasks", "fault-invalid-field");

        CrmException e = catchThrowableOfType(() -> org.writer(5).createTasks(List.of(task(KEY))),
                CrmException.class);

        assertThat(e.operation()).isEqualTo("create:Task");
        assertThat(e.outcomeUnknown()).isFalse();
        assertThat(org.soapCalls()).isEqualTo(2);
    }

    @Test
    void anUpdateWhoseAnswerIsLostThrowsForTheOutboxToSendAgain() {
        org.answers("502");

        CrmException e = catchThrowableOfType(() -> org.writer(5).updateAccounts(List.of(new AccountRiskUpdate(
                "001000000000001AAA", 40, "At Risk", null, null, Instant.parse("2026-06-30T12:00:00Z")))),
                CrmException.class);

        assertThat(e.operation()).isEqualTo("update:Account");
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(org.soapCalls()).isEqualTo(1);
    }
}
