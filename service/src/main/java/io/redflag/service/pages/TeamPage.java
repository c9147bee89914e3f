package io.redflag.service.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The team: per owner, their key accounts by level, Redflag's open follow-up tasks, those overdue, and the
 * follow-ups the weekly cap held back. A manager sees their reports (the CRM's manager field): chosen from the
 * list, or at once when the logged-in user is a manager in the CRM.
 */
@Controller
class TeamPage {
    record Owner(String id, String name, String managerName, Map<String, Integer> keyByLevel, int openTasks,
            int overdue, int heldBack) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TeamPage(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @GetMapping("/team")
    String team(@RequestParam(required = false) String manager, Authentication user, Model model) {
        Map<String, String> managers = new LinkedHashMap<>();
        jdbc.query("SELECT DISTINCT m.id, m.name FROM crm_user m JOIN crm_user u ON u.manager = m.id"
                + " WHERE u.deleted = FALSE ORDER BY m.name, m.id", rs -> {
                    managers.put(rs.getString(1), rs.getString(2));
                });
        if (manager == null && user != null) {
            // A manager logging in sees their reports first: their CRM user by the login's username (an email).
            manager = jdbc.query("SELECT id FROM crm_user WHERE LOWER(email) = LOWER(?)", (rs, i) -> rs.getString(1),
                    user.getName()).stream().filter(managers::containsKey).findFirst().orElse(null);
        }
        String chosen = manager == null || manager.isBlank() ? null : manager;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, int[]> tasks = new HashMap<>();
        jdbc.query("SELECT f.owner_id, COUNT(*), SUM(CASE WHEN f.due_date < ? THEN 1 ELSE 0 END) FROM follow_up f"
                + " LEFT JOIN task t ON t.id = f.task_id WHERE f.state IN ('PLANNED', 'CREATED')"
                + " AND (t.id IS NULL OR t.closed = FALSE) GROUP BY f.owner_id", rs -> {
                    tasks.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }, today);
        Map<String, Integer> held = new HashMap<>();
        jdbc.query("SELECT assignee_id, COUNT(*) FROM held_follow_up GROUP BY assignee_id", rs -> {
            held.put(rs.getString(1), rs.getInt(2));
        });
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT u.id, u.name, m.name, s.level, COUNT(s.account_id)"
                + " FROM crm_user u LEFT JOIN crm_user m ON m.id = u.manager JOIN account a ON a.owner = u.id"
                + " AND a.deleted = FALSE LEFT JOIN account_score s ON s.account_id = a.id AND s.key_account = TRUE");
        if (chosen != null) {
            sql.append(" WHERE u.manager = ?");
            args.add(chosen);
        }
        sql.append(" GROUP BY u.id, u.name, m.name, s.level ORDER BY u.name, u.id");
        Map<String, Owner> owners = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            String id = rs.getString(1);
            int[] t = tasks.getOrDefault(id, new int[2]);
            Owner o = owners.computeIfAbsent(id, k -> new Owner(k, nameOf(rs, 2), nameOf(rs, 3),
                    new LinkedHashMap<>(), t[0], t[1], held.getOrDefault(k, 0)));
            if (rs.getString(4) != null) {
                o.keyByLevel().put(rs.getString(4), rs.getInt(5));
            }
        }, args.toArray());
        model.addAttribute("managers", managers);
        model.addAttribute("manager", chosen);
        model.addAttribute("owners", owners.values());
        model.addAttribute("levels", PortfolioQueries.LEVELS);
        return "team";
    }

    private static String nameOf(java.sql.ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
