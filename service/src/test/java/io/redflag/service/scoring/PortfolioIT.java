package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.mapping.MappedRecord;
import io.redflag.domain.scoring.AccountSnapshot.ReplyLogging;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.Databases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each user's reply logging, measured over the baseline window across all their accounts. */
class PortfolioIT {
    private static final Instant NOW = Instant.parse("2026-06-30T09:00:00Z");
    private static final String LOGS_REPLIES = "005000000000001AAA";
    private static final String NEVER_LOGS = "005000000000002AAA";
    private static final Portfolio.Settings SETTINGS = new Portfolio.Settings(0.8, List.of(), 180,
            List.of("email: re:", "re:"));

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void repliesLoggedAreInboundEmailsOrReplySubjectsWithinTheBaselineWindow(String db) {
        DataSource ds = Databases.fresh(db);
        List<MappedRecord> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(email(LOGS_REPLIES, "Proposal follow-up", null, 10 + i));
            tasks.add(email(NEVER_LOGS, "Proposal follow-up", null, 10 + i));
        }
        tasks.add(email(LOGS_REPLIES, "Email: Re: Proposal follow-up", null, 9));
        tasks.add(email(LOGS_REPLIES, "RE: pricing", null, 8));
        tasks.add(email(LOGS_REPLIES, "Question about the invoice", "INBOUND", 7));
        // Not counted: a subject that only looks like a reply, a reply before the window, a call.
        tasks.add(email(NEVER_LOGS, "Rex Corp intro", null, 6));
        tasks.add(email(NEVER_LOGS, "Re: old thread", null, 180));
        tasks.add(task("CALL", NEVER_LOGS, "Re: call back", "INBOUND", 5));
        new CrmStore(ds).store(IntakePage.changes("task", tasks));

        Map<String, ReplyLogging> replies = Portfolio.read(ds, NOW, SETTINGS).replies;

        assertThat(replies).isEqualTo(Map.of(LOGS_REPLIES, new ReplyLogging(10, 3), NEVER_LOGS,
                new ReplyLogging(11, 0)));
    }

    private static int seq;

    private static MappedRecord email(String owner, String subject, String direction, int daysAgo) {
        return task("EMAIL", owner, subject, direction, daysAgo);
    }

    private static MappedRecord task(String kind, String owner, String subject, String direction, int daysAgo) {
        String id = String.format("00T%015d", ++seq);
        Map<String, Object> v = new HashMap<>();
        v.put("id", id);
        v.put("account", "001000000000001AAA");
        v.put("owner", owner);
        v.put("kind", kind);
        v.put("direction", direction);
        v.put("subject", subject);
        v.put("closed", true);
        v.put("completedAt", NOW.minus(Duration.ofDays(daysAgo)));
        v.put("modifiedAt", NOW.minus(Duration.ofDays(daysAgo)));
        return new MappedRecord("task", id, NOW.minus(Duration.ofDays(daysAgo)), v);
    }
}
