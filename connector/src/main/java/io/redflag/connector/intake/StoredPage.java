package io.redflag.connector.intake;

import java.util.Set;

/**
 * What storing a page did: rows written, the accounts whose scoring inputs changed (queued for rescoring in
 * the same transaction), and rows that came back with nothing new (echoes of Redflag's own writes, or edits
 * of unmapped fields).
 */
public record StoredPage(int written, Set<String> changedAccounts, int unchanged) {

    public static final StoredPage NOTHING = new StoredPage(0, Set.of(), 0);
}
