package io.redflag.service.api;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Accounts, their assessments with the evidence, their score history and their follow-up tasks. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {
    private static final Set<String> LEVELS = Set.of("Healthy", "Watch", "At Risk", "Critical");

    /** One account's latest assessment; {@code findings} is every finding with its evidence. */
    record AccountAssessment(String accountId, java.time.Instant asOf, int score, String level, Integer trend,
            boolean keyAccount, boolean strategic, List<String> reasons, JsonNode findings, String scorecardVersion,
            String inputHash) {
    }

    private final AccountQueries queries;
    private final JsonMapper json;

    AccountController(AccountQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** Scored accounts, lowest score first; filtered by level (Healthy, Watch, At Risk, Critical), segment or tier. */
    @GetMapping
    List<AccountQueries.AccountSummary> accounts(@RequestParam(required = false) String level,
            @RequestParam(required = false) String segment, @RequestParam(name = "key", required = false) Boolean keyOnly,
            @RequestParam(defaultValue = "200") int limit) {
        if (level != null && !LEVELS.contains(level)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "level '" + level
                    + "' is not one of Healthy, Watch, At Risk, Critical");
        }
        if (limit < 1 || limit > 10_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit " + limit + " must be 1 to 10000");
        }
        return queries.accounts(level, segment, keyOnly, limit);
    }

    @GetMapping("/{id}")
    AccountAssessment assessment(@PathVariable String id) {
        var a = queries.latest(id).orElseThrow(() -> notFound(id));
        List<String> reasons = a.reasons() == null || a.reasons().isBlank() ? List.of()
                : List.of(a.reasons().split("\n"));
        return new AccountAssessment(a.accountId(), a.asOf(), a.score(), a.level(), a.trend(), a.keyAccount(),
                a.strategic(), reasons, json.readTree(a.findingsJson()), a.scorecardVersion(), a.inputHash());
    }

    @GetMapping("/{id}/history")
    List<AccountQueries.HistoryPoint> history(@PathVariable String id) {
        var points = queries.history(id);
        if (points.isEmpty()) {
            throw notFound(id);
        }
        return points;
    }

    @GetMapping("/{id}/follow-ups")
    List<AccountQueries.FollowUp> followUps(@PathVariable String id) {
        if (!queries.accountExists(id)) {
            throw notFound(id);
        }
        return queries.followUps(id);
    }

    private ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, queries.accountExists(id)
                ? "account " + id + " has not been scored yet" : "no account " + id + " in the store");
    }
}
