package io.redflag.service.pages;

import io.redflag.service.intake.OutboundMessagesProperties;
import io.redflag.service.sync.SyncHealthIndicator;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Operations: the sync per object (mode, interval, lag, last error), the API calls of a day against the org's
 * allocation and the polls' ceiling, the push intake (Outbound Messages), and the outbox of risk fields and
 * follow-up tasks waiting to be written. The sync's figures are those of its health indicator.
 */
@Controller
class OperationsPage {
    private final SyncHealthIndicator sync;
    private final OutboundMessagesProperties push;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OperationsPage(SyncHealthIndicator sync, OutboundMessagesProperties push, DataSource dataSource, Clock clock) {
        this.sync = sync;
        this.push = push;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @GetMapping("/operations")
    String operations(Model model) {
        Health health = sync.health();
        model.addAttribute("syncStatus", health.getStatus().getCode());
        model.addAttribute("sync", health.getDetails());
        model.addAttribute("pushEnabled", push.enabled());
        model.addAttribute("pushObjects", push.objects());
        OffsetDateTime dayAgo = OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        model.addAttribute("pushLastDay", jdbc.queryForObject("SELECT COUNT(*) FROM intake_notification"
                + " WHERE received_at > ?", Integer.class, dayAgo));
        model.addAttribute("pushLast", jdbc.queryForObject("SELECT MAX(received_at) FROM intake_notification",
                OffsetDateTime.class));
        Map<String, Object> outbox = new LinkedHashMap<>();
        jdbc.query("SELECT SUM(CASE WHEN pending AND NOT failed_for_good THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN failed_for_good THEN 1 ELSE 0 END), MAX(written_at), MIN(CASE WHEN pending"
                + " THEN scored_at END) FROM account_outbox", rs -> {
                    outbox.put("pending", rs.getInt(1));
                    outbox.put("failed", rs.getInt(2));
                    outbox.put("lastWritten", rs.getObject(3, OffsetDateTime.class));
                    outbox.put("oldestPending", rs.getObject(4, OffsetDateTime.class));
                });
        Map<String, Integer> followUps = new LinkedHashMap<>();
        jdbc.query("SELECT state, COUNT(*) FROM follow_up GROUP BY state ORDER BY state", rs -> {
            followUps.put(rs.getString(1), rs.getInt(2));
        });
        model.addAttribute("outbox", outbox);
        model.addAttribute("followUps", followUps);
        model.addAttribute("failures", jdbc.query("SELECT account_id, error_code, error_message FROM account_outbox"
                + " WHERE failed_for_good OR error_code IS NOT NULL ORDER BY account_id FETCH FIRST 20 ROWS ONLY",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
        return "operations";
    }
}
