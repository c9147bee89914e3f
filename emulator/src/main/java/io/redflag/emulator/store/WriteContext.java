package io.redflag.emulator.store;

/**
 * Who writes and how.
 *
 * @param userId       the acting user: CreatedById, LastModifiedById and the default owner
 * @param loader       a data load: system and read-only fields given in the data are kept (a real org
 *                     would refuse them; data plans use this to carry two years of history)
 * @param trackHistory write AccountHistory and OpportunityHistory rows for tracked changes
 * @param origin       the API and client that made the change, as change events report it in changeOrigin
 *                     (e.g. {@code com/salesforce/api/soap/65.0;client=Redflag}); empty for changes that came
 *                     through no API (data loads, direct writes in tests)
 */
public record WriteContext(String userId, boolean loader, boolean trackHistory, String origin) {

    public WriteContext {
        origin = origin == null ? "" : origin;
    }

    public static WriteContext api(String userId) {
        return new WriteContext(userId, false, true, "");
    }

    /** A write through an API; {@code origin} as {@link #origin()} describes it. */
    public static WriteContext api(String userId, String origin) {
        return new WriteContext(userId, false, true, origin);
    }

    public static WriteContext loader(String userId, boolean trackHistory) {
        return new WriteContext(userId, true, trackHistory, "");
    }
}
