package io.redflag.emulator.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a plan load did.
 *
 * @param source     the plan or tree file
 * @param created    records created per object, in schema order, including history rows the platform wrote
 * @param deleted    records the plan marked IsDeleted, now in the recycle bin (their cascade not counted)
 * @param references referenceId to record id, for every record whose reference was saved
 */
public record LoadReport(Path source, Map<String, Integer> created, int deleted, Map<String, String> references) {

    public LoadReport {
        created = Map.copyOf(created);
        references = Map.copyOf(references);
    }

    public int total() {
        return created.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "Account 50, Contact 150, …" in a stable order, for logs. */
    public String summary() {
        StringJoiner out = new StringJoiner(", ");
        created.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(e.getKey() + " " + e.getValue()));
        return out + (deleted > 0 ? " (" + deleted + " deleted)" : "");
    }
}
