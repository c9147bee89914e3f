package io.redflag.emulator.store;

/**
 * Who writes and how.
 *
 * @param userId       the acting user: CreatedById, LastModifiedById and the default owner
 * @param loader       a data load: system and read-only fields given in the data are kept (a real org
 *                     would refuse them; data plans use this to carry two years of history)
 * @param trackHistory write AccountHistory and OpportunityHistory rows for tracked changes
 */
public record WriteContext(String userId, boolean loader, boolean trackHistory) {

    public static WriteContext api(String userId) {
        return new WriteContext(userId, false, true);
    }

    public static WriteContext loader(String userId, boolean trackHistory) {
        return new WriteContext(userId, true, trackHistory);
    }
}
