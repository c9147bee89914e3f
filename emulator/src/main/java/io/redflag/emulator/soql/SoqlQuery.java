package io.redflag.emulator.soql;

import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** A parsed, validated query: what to select from which object, and how to filter, order and limit rows. */
public final class SoqlQuery {
    private final SObjectDef from;
    private final boolean count;
    private final List<Selected> select;
    private final Condition where;
    private final List<OrderItem> orderBy;
    private final Integer limit;

    SoqlQuery(SObjectDef from, boolean count, List<Selected> select, Condition where, List<OrderItem> orderBy,
            Integer limit) {
        this.from = from;
        this.count = count;
        this.select = List.copyOf(select);
        this.where = where;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
    }

    public SObjectDef from() {
        return from;
    }

    /** SELECT COUNT() FROM ... */
    public boolean isCount() {
        return count;
    }

    /** The selection tree in the order Salesforce renders it; empty for COUNT(). */
    public List<Selected> select() {
        return select;
    }

    /**
     * Matching records: filtered, ordered, limited. includeDeleted = queryAll (rows with IsDeleted=true
     * included); otherwise deleted rows excluded.
     */
    public List<SRecord> execute(OrgStore store, boolean includeDeleted, Instant now) {
        List<SRecord> rows = filtered(store, includeDeleted, now);
        if (!orderBy.isEmpty()) {
            rows = sorted(rows, store);
        }
        if (limit != null && rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
        }
        return rows;
    }

    /** For COUNT(): honours WHERE and LIMIT. */
    public int count(OrgStore store, boolean includeDeleted, Instant now) {
        int n = where == null ? store.count(from, includeDeleted) : filtered(store, includeDeleted, now).size();
        return limit == null ? n : Math.min(n, limit);
    }

    private List<SRecord> filtered(OrgStore store, boolean includeDeleted, Instant now) {
        if (where == null) {
            return store.snapshot(from, includeDeleted);
        }
        Predicate<SRecord> test = where.compile(store, now);
        if (!where.usesParents()) {
            return store.find(from, includeDeleted, test);
        }
        // Parent look-ups take the store's lock themselves: filter a snapshot instead of under the lock.
        List<SRecord> out = new ArrayList<>();
        for (SRecord r : store.snapshot(from, includeDeleted)) {
            if (test.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Reads every sort key once per row, then sorts once; the sort is stable, so ties keep creation order. */
    private List<SRecord> sorted(List<SRecord> rows, OrgStore store) {
        int keys = orderBy.size();
        Object[][] table = new Object[rows.size()][];
        for (int i = 0; i < table.length; i++) {
            SRecord r = rows.get(i);
            Object[] row = new Object[keys + 1];
            for (int k = 0; k < keys; k++) {
                row[k] = orderBy.get(k).path().value(r, store);
            }
            row[keys] = r;
            table[i] = row;
        }
        Arrays.sort(table, comparator());
        List<SRecord> out = new ArrayList<>(table.length);
        for (Object[] row : table) {
            out.add((SRecord) row[keys]);
        }
        return out;
    }

    private Comparator<Object[]> comparator() {
        int keys = orderBy.size();
        boolean[] desc = new boolean[keys];
        boolean[] nullsFirst = new boolean[keys];
        boolean[] text = new boolean[keys];
        for (int k = 0; k < keys; k++) {
            OrderItem item = orderBy.get(k);
            desc[k] = item.descending();
            nullsFirst[k] = item.nullsFirst();
            text[k] = Values.isCaseInsensitive(item.path().type());
        }
        return (a, b) -> {
            for (int k = 0; k < keys; k++) {
                Object x = a[k];
                Object y = b[k];
                int c;
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    // Null placement is absolute: it does not flip with DESC.
                    return (x == null) == nullsFirst[k] ? -1 : 1;
                }
                c = Values.sortCompare(x, y, text[k]);
                if (c != 0) {
                    return desc[k] ? -c : c;
                }
            }
            return 0;
        };
    }
}
