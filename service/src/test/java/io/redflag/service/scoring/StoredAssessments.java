package io.redflag.service.scoring;

import io.redflag.domain.scoring.Assessment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/** Tests of other packages store assessments as the scoring does, through its own store. */
public final class StoredAssessments {
    private final AssessmentStore store;

    public StoredAssessments(DataSource dataSource) {
        this.store = new AssessmentStore(dataSource, JsonMapper.builder().build());
    }

    public void save(List<Assessment> assessments) {
        store.save(assessments);
    }

    /** Counts the accounts per level of the day of {@code asOf}, as the scoring does after a run. */
    public void countLevels(Instant asOf) {
        store.countLevels(LocalDate.ofInstant(asOf, ZoneOffset.UTC), asOf);
    }

    public Map<String, Integer> scoresOn(Collection<String> accountIds, LocalDate day) {
        return store.scoresOn(accountIds, day);
    }
}
