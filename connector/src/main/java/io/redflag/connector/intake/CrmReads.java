package io.redflag.connector.intake;

import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.resilience.ResilientCrm;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TimeZone;

/**
 * The Partner API reads every source makes, each one named remote operation through {@link ResilientCrm}
 * (retried on transient errors, refused while the API budget keeps the rest for write-back): the SOQL of an
 * object's changes, query/queryAll/queryMore paging, COUNT(), getDeleted, and records re-read by Id.
 */
public final class CrmReads {
    /** Ids per re-read: a message brings at most 100 notifications; SOQL stays far below its length limit. */
    static final int IDS_PER_QUERY = 200;

    private final ResilientCrm crm;
    private final RecordMapper mapper;
    private final int batchSize;

    public CrmReads(ResilientCrm crm, RecordMapper mapper, int batchSize) {
        this.crm = crm;
        this.mapper = mapper;
        this.batchSize = batchSize;
    }

    public RecordMapper mapper() {
        return mapper;
    }

    /**
     * The SOQL that reads an entity's changes from {@code from} on (null: everything), in (stamp, Id) order,
     * with the recycle bin's rows (queryAll) marked by IsDeleted.
     */
    public String changesSince(String entity, Instant from) {
        String stamp = mapper.stampField(entity);
        return select(entity) + (from == null ? "" : " WHERE " + stamp + " >= " + soqlDateTime(from))
                + " ORDER BY " + stamp + ", Id";
    }

    /** The SOQL that reads the named records of an entity (deleted ones included, as IsDeleted rows). */
    public String byIds(String entity, Collection<String> ids) {
        StringBuilder in = new StringBuilder();
        for (String id : ids) {
            if (!id.matches("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}")) {
                throw new IllegalArgumentException("not a Salesforce id: " + id);
            }
            in.append(in.isEmpty() ? "'" : ", '").append(id).append('\'');
        }
        return select(entity) + " WHERE Id IN (" + in + ")";
    }

    private String select(String entity) {
        Set<String> fields = new LinkedHashSet<>(mapper.selectFields(entity));
        fields.add(mapper.stampField(entity));
        fields.add("IsDeleted");
        return "SELECT " + String.join(", ", fields) + " FROM " + mapper.object(entity);
    }

    /**
     * Reads the named records of an entity, mapped (one query, more only past a page), deleted ones marked
     * as such; a record that no longer exists at all is simply absent.
     */
    public MappedPage readByIds(String entity, Collection<String> ids) {
        String object = mapper.object(entity);
        List<SObject> records = new ArrayList<>();
        int calls = 0;
        for (List<String> part : partition(List.copyOf(ids), IDS_PER_QUERY)) {
            QueryResult page = queryAll(object, byIds(entity, part));
            calls++;
            records.addAll(List.of(page.getRecords()));
            while (!page.isDone()) {
                page = queryMore(object, page.getQueryLocator());
                calls++;
                records.addAll(List.of(page.getRecords()));
            }
        }
        return MappedPage.of(mapper, entity, records.toArray(SObject[]::new)).withCalls(calls);
    }

    private static <T> List<List<T>> partition(List<T> all, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            parts.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return parts;
    }

    /** The first page of a queryAll (recycle bin included). */
    QueryResult queryAll(String object, String soql) {
        return crm.read("queryAll:" + object, object, c -> {
            c.setQueryOptions(batchSize);
            return c.queryAll(soql);
        });
    }

    QueryResult queryMore(String object, String locator) {
        return crm.read("queryMore:" + object, object, c -> {
            c.setQueryOptions(batchSize);
            return c.queryMore(locator);
        });
    }

    /** How many records a full read will bring (one COUNT() call). */
    int count(String object) {
        return crm.read("count:" + object, object, c -> c.queryAll("SELECT COUNT() FROM " + object)).getSize();
    }

    GetDeletedResult getDeleted(String object, Instant from, Instant to) {
        return crm.read("getDeleted:" + object, object, c -> c.getDeleted(object, calendar(from), calendar(to)));
    }

    static String soqlDateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Calendar calendar(Instant instant) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }
}
