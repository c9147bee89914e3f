package io.redflag.service.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.WriteContext;
import io.redflag.service.cluster.Leadership;
import io.redflag.service.crm.DemoOrg;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The running service with Change Data Capture on against the demo org: the replica that leads subscribes, and a
 * change another client makes in the org reaches the store through the stream, with polls set an hour apart so
 * that nothing else could bring it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"redflag.salesforce.demo-port=0", "redflag.cdc.enabled=true",
            "redflag.sync.poll-interval=1h", "redflag.sync.max-poll-interval=1h"})
@DirtiesContext
class ChangeStreamServiceIT {
    @Autowired
    ChangeStreamLifecycle changeStream;
    @Autowired
    Leadership leadership;
    @Autowired
    DemoOrg demo;
    @Autowired
    DataSource store;

    @Test
    void theLeaderSubscribesAndAnotherClientsChangeReachesTheStoreThroughTheStream() {
        JdbcTemplate jdbc = new JdbcTemplate(store);
        await().atMost(Duration.ofSeconds(60)).until(() -> leadership.isLeader() && changeStream.stream().running()
                && changeStream.stream().state().stream().allMatch(t -> t.up()) && count(jdbc) > 0);
        OrgStore org = demo.emulator().store();
        String account = org.snapshot(org.schema().find("Account"), false).get(0).id();
        // Wait until the first full read has stored this account, so that only the stream can bring the new name.
        await().atMost(Duration.ofSeconds(60)).until(() -> name(jdbc, account) != null);

        // The first subscription starts at the tip once the server has taken the request, a moment after it was
        // sent: a rename made before that is the reconciliation's. So rename until one arrives (polls cannot bring it).
        int[] renames = {0};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            String wanted = "Renamed By Another Client " + renames[0];
            if (wanted.equals(name(jdbc, account))) {
                return true;
            }
            renames[0]++;
            org.update(account, Map.of("Name", "Renamed By Another Client " + renames[0]), Set.of(), WriteContext.api(
                    demo.emulator().runAsUserId(), "com/salesforce/api/soap/65.0;client=DataLoader"));
            return false;
        });
        assertThat(renames[0]).as("renames until one came through the stream").isLessThanOrEqualTo(2);
    }

    private static int count(JdbcTemplate jdbc) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class);
        return n == null ? 0 : n;
    }

    private static String name(JdbcTemplate jdbc, String id) {
        return jdbc.query("SELECT name FROM account WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null, id);
    }
}
