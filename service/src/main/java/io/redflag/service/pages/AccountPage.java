package io.redflag.service.pages;

import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.service.api.AccountQueries;
import io.redflag.service.scoring.ActiveScorecard;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One account: its score history over the level bands, the risks with their evidence (each record id links to
 * the record in the CRM), positive evidence, what was found but not counted and why, and the follow-ups with
 * what became of their tasks.
 */
@Controller
class AccountPage {
    /** A finding as the page lists it. */
    record Finding(String signal, String severity, int points, String explanation, List<String> recordIds) {
    }

    /** A follow-up and its task as the CRM last showed it (null when the sync has not read it). */
    record FollowUp(AccountQueries.FollowUp planned, Boolean taskClosed, Instant taskCompletedAt) {
    }

    record Header(String name, String ownerName, String segment, String tier) {
    }

    private final AccountQueries queries;
    private final ActiveScorecard scorecards;
    private final CrmLinks crm;
    private final JsonMapper json;
    private final JdbcTemplate jdbc;

    AccountPage(AccountQueries queries, ActiveScorecard scorecards, CrmLinks crm, JsonMapper json,
            DataSource dataSource) {
        this.queries = queries;
        this.scorecards = scorecards;
        this.crm = crm;
        this.json = json;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @GetMapping("/accounts/{id}")
    String account(@PathVariable String id, Model model) {
        Header header = jdbc.query("SELECT a.name, u.name, a.segment, a.tier FROM account a LEFT JOIN crm_user u"
                + " ON u.id = a.owner WHERE a.id = ? AND a.deleted = FALSE", (rs, i) -> new Header(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4)), id).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + id
                        + " in the store"));
        model.addAttribute("id", id);
        model.addAttribute("account", header);
        model.addAttribute("crmUrl", crm.instanceUrl());
        var latest = queries.latest(id);
        model.addAttribute("assessment", latest.orElse(null));
        if (latest.isPresent()) {
            JsonNode stored = json.readTree(latest.get().findingsJson());
            model.addAttribute("risks", findings(stored.path("risks")));
            model.addAttribute("positives", findings(stored.path("positives")));
            model.addAttribute("notCounted", findings(stored.path("notCounted")));
            model.addAttribute("coverage", stored.path("coverage").path("explanation").asString(null));
        }
        List<AccountQueries.HistoryPoint> history = queries.history(id);
        model.addAttribute("history", history);
        model.addAttribute("historyChart", historyChart(history, scorecards.current().config().levels()));
        model.addAttribute("followUps", followUps(id));
        return "account";
    }

    private static List<Finding> findings(JsonNode list) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode f : list) {
            List<String> ids = new ArrayList<>();
            f.path("recordIds").forEach(r -> ids.add(r.asString()));
            out.add(new Finding(f.path("key").asString(), f.path("severity").asString(""), f.path("points").asInt(),
                    f.path("explanation").asString(), ids));
        }
        return out;
    }

    private List<FollowUp> followUps(String accountId) {
        Map<String, Object[]> tasks = new HashMap<>();
        jdbc.query("SELECT t.id, t.closed, t.completed_at FROM task t JOIN follow_up f ON f.task_id = t.id"
                + " WHERE f.account_id = ?", rs -> {
                    OffsetDateTime done = rs.getObject(3, OffsetDateTime.class);
                    tasks.put(rs.getString(1), new Object[] {rs.getBoolean(2), done == null ? null : done.toInstant()});
                }, accountId);
        return queries.followUps(accountId).stream().map(f -> {
            Object[] t = f.taskId() == null ? null : tasks.get(f.taskId());
            return new FollowUp(f, t == null ? null : (Boolean) t[0], t == null ? null : (Instant) t[1]);
        }).toList();
    }

    /** The score over time, with the level bands of the scorecard in force. */
    private String historyChart(List<AccountQueries.HistoryPoint> history, ScorecardConfig.Levels levels) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "history");
        chart.put("points", history.stream().map(p -> List.of(p.asOf().toString(), p.score())).toList());
        chart.put("bands", List.of(band("Critical", 0, levels.atRisk()), band("At Risk", levels.atRisk(),
                levels.watch()), band("Watch", levels.watch(), levels.healthy()), band("Healthy", levels.healthy(),
                        100)));
        return json.writeValueAsString(chart);
    }

    private static Map<String, Object> band(String level, int from, int to) {
        return Map.of("level", level, "from", from, "to", to);
    }

    static LocalDate day(Instant t) {
        return t == null ? null : LocalDate.ofInstant(t, java.time.ZoneOffset.UTC);
    }
}
