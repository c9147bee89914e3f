package io.redflag.service.scoring;

import io.redflag.connector.mapping.Mapping;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.service.startup.StartupProblems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scorecard in force. At start-up: the latest one an admin applied from the dashboard (table
 * {@code applied_scorecard}), else the configured file or the shipped defaults. An admin's apply checks the text
 * as start-up checks a file, stores it (so a restart keeps it) and puts it in force for the next scoring run.
 */
public final class ActiveScorecard {
    private static final Logger log = LoggerFactory.getLogger(ActiveScorecard.class);

    /** The scorecard an admin applied, as stored. */
    public record Applied(String version, String yaml, Instant appliedAt, String appliedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Mapping mapping;
    private final Clock clock;
    private volatile Scorecard current;

    ActiveScorecard(DataSource dataSource, Mapping mapping, ScorecardConfig configured, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.mapping = mapping;
        this.clock = clock;
        Optional<Applied> applied = latest();
        ScorecardConfig config = configured;
        if (applied.isPresent()) {
            config = ScorecardLoader.parse(applied.get().yaml(), "applied by " + applied.get().appliedBy() + " at "
                    + applied.get().appliedAt(), mapping);
            log.info("Scoring with scorecard {} applied by {} at {} (it takes the place of the configured {})",
                    config.version(), applied.get().appliedBy(), applied.get().appliedAt(), configured.version());
        }
        this.current = new Scorecard(config);
    }

    public Scorecard current() {
        return current;
    }

    /** The latest scorecard an admin applied, if any. */
    public Optional<Applied> latest() {
        return jdbc.query("SELECT version, yaml, applied_at, applied_by FROM applied_scorecard ORDER BY id DESC"
                + " FETCH FIRST 1 ROWS ONLY", (rs, i) -> new Applied(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4))).stream()
                .findFirst();
    }

    /**
     * Reads a scorecard an admin gave: laid over the shipped defaults, checked as a file is.
     *
     * @throws StartupProblems naming every problem, with its key or line
     */
    public ScorecardConfig candidate(String yaml) {
        return ScorecardLoader.parse(yaml, "you gave", mapping);
    }

    /**
     * Puts {@code yaml} in force and stores it. Its version must name it apart from the one in force: every
     * assessment stores the version, and two scorecards under one name could not be told apart.
     *
     * @throws StartupProblems when the text has problems or keeps the version of the one in force
     */
    public synchronized ScorecardConfig apply(String yaml, String by) {
        ScorecardConfig config = candidate(yaml);
        if (config.version().equals(current.config().version())) {
            throw new StartupProblems("the scorecard you gave", List.of("version: \"" + config.version()
                    + "\" is the version in force; give the changed scorecard a version of its own"),
                    "Change the version key, then run the dry run again.");
        }
        jdbc.update("INSERT INTO applied_scorecard (version, yaml, applied_at, applied_by) VALUES (?, ?, ?, ?)",
                config.version(), yaml, AssessmentStore.time(clock.instant()), by);
        current = new Scorecard(config);
        log.info("{} applied scorecard {}; every account is scored again with it", by, config.version());
        return config;
    }
}
