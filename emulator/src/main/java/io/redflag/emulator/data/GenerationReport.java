package io.redflag.emulator.data;

import java.util.Map;

/**
 * What {@link DataGenerator} built.
 *
 * @param created records per object
 * @param stories accounts per risk story (HEALTHY for the rest), by signal key
 * @param millis  wall-clock time the generation took
 */
public record GenerationReport(Map<String, Integer> created, Map<String, Integer> stories, long millis) {

    public GenerationReport {
        created = Map.copyOf(created);
        stories = Map.copyOf(stories);
    }

    public int total() {
        return created.values().stream().mapToInt(Integer::intValue).sum();
    }
}
