package io.redflag.service.pages;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.MappedPage;
import io.redflag.connector.mapping.MappingReport;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.service.scoring.ActiveScorecard;
import io.redflag.service.backtest.DryRun;
import io.redflag.service.scoring.ScoringProperties;
import io.redflag.service.startup.StartupProblems;
import io.redflag.service.store.DirtyAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page: the mapping's check against the org (every problem with its file and line, the signals it
 * leaves unavailable), one sample record read from the CRM and mapped as the sync maps it, and the scorecard
 * editor: paste or upload a scorecard, see what it would change (a dry run over the stored data, nothing
 * written), then apply it or discard it.
 */
@Controller
class AdminPage {
    private static final String SHIPPED = "scorecard/default.yaml";

    private final MappingReport report;
    private final CrmReads reads;
    private final ActiveScorecard scorecards;
    private final DryRun dryRun;
    private final DirtyAccounts dirty;
    private final JdbcTemplate jdbc;
    private final ScoringProperties scoring;

    AdminPage(MappingReport report, CrmReads reads, ActiveScorecard scorecards, DryRun dryRun, DirtyAccounts dirty,
            DataSource dataSource, ScoringProperties scoring) {
        this.scoring = scoring;
        this.report = report;
        this.reads = reads;
        this.scorecards = scorecards;
        this.dryRun = dryRun;
        this.dirty = dirty;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @GetMapping("/admin")
    String admin(@RequestParam(defaultValue = "account") String entity, @RequestParam(required = false) String id,
            Model model) {
        editor(model, scorecards.latest().map(ActiveScorecard.Applied::yaml).orElseGet(this::configured));
        sample(model, entity, id);
        return "admin";
    }

    @PostMapping("/admin/scorecard/dry-run")
    String dryRun(@RequestParam(defaultValue = "") String yaml, @RequestParam(required = false) MultipartFile file,
            Model model) {
        String text = file != null && !file.isEmpty() ? read(file) : yaml;
        editor(model, text);
        sample(model, "account", null);
        ScorecardConfig candidate;
        try {
            candidate = scorecards.candidate(text);
        } catch (StartupProblems e) {
            model.addAttribute("problems", e.problems());
            return "admin";
        }
        model.addAttribute("result", dryRun.run(candidate));
        return "admin";
    }

    @PostMapping("/admin/scorecard/apply")
    String apply(@RequestParam String yaml, Authentication user, Model model, RedirectAttributes redirect) {
        ScorecardConfig applied;
        try {
            applied = scorecards.apply(yaml, user.getName());
        } catch (StartupProblems e) {
            editor(model, yaml);
            sample(model, "account", null);
            model.addAttribute("problems", e.problems());
            return "admin";
        }
        dirty.queueEveryAccount();
        redirect.addFlashAttribute("applied", applied.version());
        return "redirect:/admin";
    }

    private void editor(Model model, String yaml) {
        model.addAttribute("yaml", yaml);
        model.addAttribute("inForce", scorecards.current().config().version());
        model.addAttribute("lastApplied", scorecards.latest().orElse(null));
        model.addAttribute("report", report);
    }

    /** One record of the entity read from the CRM now and mapped; the first stored account when no id is given. */
    private void sample(Model model, String entity, String id) {
        if (!reads.mapper().entities().contains(entity)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "entity '" + entity + "' is not one of "
                    + reads.mapper().entities());
        }
        model.addAttribute("entities", reads.mapper().entities());
        model.addAttribute("entity", entity);
        String table = "account".equals(entity) ? "account" : null;
        if (id == null && table != null) {
            id = jdbc.query("SELECT id FROM account WHERE deleted = FALSE ORDER BY id FETCH FIRST 1 ROWS ONLY",
                    (rs, i) -> rs.getString(1)).stream().findFirst().orElse(null);
        }
        model.addAttribute("sampleId", id);
        if (id == null || id.isBlank()) {
            return;
        }
        try {
            model.addAttribute("sampleQuery", reads.byIds(entity, List.of(id)));
            MappedPage page = reads.readByIds(entity, List.of(id));
            model.addAttribute("sample", page.records().isEmpty() ? null : page.records().get(0));
            model.addAttribute("sampleRejected", page.rejected());
        } catch (IllegalArgumentException | io.redflag.connector.resilience.CrmException
                | io.redflag.connector.resilience.ApiBudgetExhaustedException e) {
            model.addAttribute("sampleError", e.getMessage());
        }
    }

    private static String read(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scorecard file the service was started with, else the shipped one: where an admin's edit starts. */
    private String configured() {
        if (scoring.scorecardFile() != null) {
            try {
                return java.nio.file.Files.readString(scoring.scorecardFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = AdminPage.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
