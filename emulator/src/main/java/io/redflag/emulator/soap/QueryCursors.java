package io.redflag.emulator.soap;

import io.redflag.emulator.soql.Selected;
import io.redflag.emulator.store.SRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open query cursors. A locator is the cursor id and the offset of the next row ("01g…-2000"). As in
 * Salesforce, a cursor expires after 15 minutes without use, and a user keeps at most 10 open: opening
 * another closes the oldest.
 */
final class QueryCursors {
    static final int MAX_OPEN_PER_USER = 10;
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

    record Cursor(String id, String userId, List<SRecord> rows, List<Selected> selection, Instant lastUsed) {
    }

    private final Map<String, Cursor> open = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    QueryCursors(Clock clock) {
        this.clock = clock;
    }

    synchronized String open(String userId, List<SRecord> rows, List<Selected> selection) {
        long mine = open.values().stream().filter(c -> c.userId().equals(userId)).count();
        if (mine >= MAX_OPEN_PER_USER) {
            open.values().stream().filter(c -> c.userId().equals(userId)).findFirst()
                    .ifPresent(oldest -> open.remove(oldest.id()));
        }
        String id = "01g" + Long.toString(Math.abs(random.nextLong()), 36).toUpperCase();
        id = id.length() > 18 ? id.substring(0, 18) : id;
        open.put(id, new Cursor(id, userId, rows, selection, clock.instant()));
        return id;
    }

    /** The cursor a locator names, or a fault as Salesforce sends for an unknown or expired one. */
    synchronized Cursor use(String locator, String userId) {
        int dash = locator == null ? -1 : locator.lastIndexOf('-');
        Cursor c = dash < 0 ? null : open.get(locator.substring(0, dash));
        if (c == null || !c.userId().equals(userId) || c.lastUsed().plus(IDLE_TIMEOUT).isBefore(clock.instant())) {
            if (c != null) {
                open.remove(c.id());
            }
            throw SoapFault.invalidLocator("invalid query locator");
        }
        Cursor touched = new Cursor(c.id(), c.userId(), c.rows(), c.selection(), clock.instant());
        open.put(c.id(), touched);
        return touched;
    }

    synchronized void close(String id) {
        open.remove(id);
    }

    static int offset(String locator) {
        try {
            return Integer.parseInt(locator.substring(locator.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            throw SoapFault.invalidLocator("invalid query locator");
        }
    }

    synchronized int size() {
        return open.size();
    }
}
