package io.redflag.service.api;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/** Accounts, their assessments with the evidence, their score history and their follow-up tasks. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {
    private static final List<String> LEVELS = List.of("Healthy", "Watch", "At Risk", "Critical", "Unknown");

    /**
     * One account's latest assessment.
     *
     * @param level            Unknown: no risk found, but too few signals had their inputs to call it healthy
     * @param reasons          the risks as Risk_Reasons__c holds them, most severe first
     * @param findings         the risks that count and the positive evidence, each with its records
     * @param notCounted       what a signal found but the records cannot support, with why (never a reason)
     * @param evidenceCoverage the share (per cent) of signals that had their inputs; null if not measured
     * @param coverage         which inputs were present and missing, and which signals lacked which input
     */
    record AccountAssessment(String accountId, java.time.Instant asOf, int score, String level, Integer trend,
            boolean keyAccount, boolean strategic, List<String> reasons, JsonNode findings, List<String> notCounted,
            Integer evidenceCoverage, JsonNode coverage, String scorecardVersion, String inputHash) {
    }

    private final AccountQueries queries;
    private final JsonMapper json;

    AccountController(AccountQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** Scored accounts, lowest score first; filtered by level (Healthy, Watch, At Risk, Critical, Unknown), segment or tier. */
    @GetMapping
    List<AccountQueries.AccountSummary> accounts(@RequestParam(required = false) String level,
            @RequestParam(required = false) String segment, @RequestParam(name = "key", required = false) Boolean keyOnly,
            @RequestParam(defaultValue = "200") int limit) {
        if (level != null && !LEVELS.contains(level)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "level '" + level + "' is not one of "
                    + String.join(", ", LEVELS));
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
        JsonNode stored = json.readTree(a.findingsJson());
        ObjectNode findings = json.createObjectNode();
        findings.set("risks", stored.path("risks"));
        findings.set("positives", stored.path("positives"));
        List<String> notCounted = new ArrayList<>();
        stored.path("notCounted").forEach(f -> notCounted.add(f.path("explanation").asString()));
        return new AccountAssessment(a.accountId(), a.asOf(), a.score(), a.level(), a.trend(), a.keyAccount(),
                a.strategic(), reasons, findings, notCounted, a.evidenceCoverage(), stored.get("coverage"),
                a.scorecardVersion(), a.inputHash());
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
