package io.redflag.emulator.soap;

import io.redflag.emulator.schema.FieldValues;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.soql.Selected;
import io.redflag.emulator.soql.Soql;
import io.redflag.emulator.soql.SoqlException;
import io.redflag.emulator.soql.SoqlQuery;
import io.redflag.emulator.store.DeletedRecord;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.w3c.dom.Element;

/** The read operations: query, queryAll, queryMore, getUpdated, getDeleted, describes, user and time. */
final class Reads {
    static final int DEFAULT_BATCH = 500;
    static final int MIN_BATCH = 200;
    static final int MAX_BATCH = 2000;
    static final int MAX_SOQL_LENGTH = 100_000;
    static final int MAX_REPLICATION_IDS = 600_000;
    static final Duration REPLICATION_WINDOW = Duration.ofDays(30);

    private final OrgStore store;
    private final QueryCursors cursors;
    private final PartnerApi.OrgInfo org;
    private final Clock clock;

    Reads(OrgStore store, QueryCursors cursors, PartnerApi.OrgInfo org, Clock clock) {
        this.store = store;
        this.cursors = cursors;
        this.org = org;
        this.clock = clock;
    }

    void query(XmlOut x, Element op, Envelope.Request request, String userId, boolean all) {
        String soql = Envelope.text(op, "queryString");
        if (soql == null || soql.isBlank()) {
            throw SoapFault.query("MalformedQueryFault", "MALFORMED_QUERY", "unexpected token: <EOF>", 1, 1);
        }
        if (soql.length() > MAX_SOQL_LENGTH) {
            throw SoapFault.query("MalformedQueryFault", "MALFORMED_QUERY", "Query string is longer than "
                    + MAX_SOQL_LENGTH + " characters", 1, 1);
        }
        SoqlQuery query;
        try {
            query = Soql.parse(soql, store.schema());
        } catch (SoqlException e) {
            String type = switch (e.exceptionCode()) {
                case "INVALID_FIELD" -> "InvalidFieldFault";
                case "INVALID_TYPE" -> "InvalidSObjectFault";
                default -> "MalformedQueryFault";
            };
            throw SoapFault.query(type, e.exceptionCode(), e.exceptionMessage(), e.row(), e.column());
        }
        Instant now = clock.instant();
        if (query.isCount()) {
            int n = query.count(store, all, now);
            x.raw("<result xsi:type=\"QueryResult\">").element("done", true).element("queryLocator", null)
                    .element("size", n).close("result");
            return;
        }
        List<SRecord> rows = query.execute(store, all, now);
        int batch = batchSize(request);
        String cursor = rows.size() > batch ? cursors.open(userId, rows, query.select()) : null;
        page(x, rows, query.select(), cursor, 0, batch);
    }

    void queryMore(XmlOut x, Element op, Envelope.Request request, String userId) {
        String locator = Envelope.text(op, "queryLocator");
        QueryCursors.Cursor c = cursors.use(locator == null ? null : locator.trim(), userId);
        int offset = QueryCursors.offset(locator.trim());
        if (offset < 0 || offset > c.rows().size()) {
            throw SoapFault.invalidLocator("invalid query locator");
        }
        int batch = batchSize(request);
        boolean last = offset + batch >= c.rows().size();
        if (last) {
            cursors.close(c.id());
        }
        page(x, c.rows(), c.selection(), last ? null : c.id(), offset, batch);
    }

    private void page(XmlOut x, List<SRecord> rows, List<Selected> selection,
            String cursorId, int offset, int batch) {
        int end = Math.min(rows.size(), offset + batch);
        boolean done = end >= rows.size();
        x.raw("<result xsi:type=\"QueryResult\">").element("done", done)
                .element("queryLocator", done ? null : cursorId + "-" + end);
        for (int i = offset; i < end; i++) {
            RecordXml.write(x, "records", rows.get(i), selection, store);
        }
        x.element("size", rows.size()).close("result");
    }

    /** QueryOptions.batchSize: 200 to 2000, default 500; a request, not a guarantee, as in Salesforce. */
    private static int batchSize(Envelope.Request request) {
        String text = request.header("QueryOptions", "batchSize");
        if (text == null || text.isEmpty()) {
            return DEFAULT_BATCH;
        }
        try {
            int n = Integer.parseInt(text);
            return Math.max(MIN_BATCH, Math.min(MAX_BATCH, n));
        } catch (NumberFormatException e) {
            throw SoapFault.unexpected("INVALID_BATCH_SIZE", "invalid batch size: " + text);
        }
    }

    void getUpdated(XmlOut x, Element op) {
        Replication r = replication(op);
        List<String> ids = withinIdLimit("getUpdated", store.updatedIds(r.type, r.start, r.end));
        x.open("result");
        for (String id : ids) {
            x.element("ids", id);
        }
        x.element("latestDateCovered", FieldValues.format(r.end)).close("result");
    }

    void getDeleted(XmlOut x, Element op) {
        Replication r = replication(op);
        List<DeletedRecord> deleted = withinIdLimit("getDeleted", store.deleted(r.type, r.start, r.end));
        x.open("result");
        for (DeletedRecord d : deleted) {
            x.open("deletedRecords").element("deletedDate", FieldValues.format(d.deletedDate()))
                    .element("id", d.id()).close("deletedRecords");
        }
        x.element("earliestDateAvailable", FieldValues.format(store.earliestDeletedDateAvailable(r.type)))
                .element("latestDateCovered", FieldValues.format(r.end)).close("result");
    }

    /** getUpdated and getDeleted answer at most 600,000 ids; a larger span must be split by the caller. */
    private static <T> List<T> withinIdLimit(String operation, List<T> ids) {
        if (ids.size() > MAX_REPLICATION_IDS) {
            throw SoapFault.unexpected("EXCEEDED_ID_LIMIT", operation + " result exceeds " + MAX_REPLICATION_IDS
                    + " ids; use a shorter time span");
        }
        return ids;
    }

    private record Replication(SObjectDef type, Instant start, Instant end) {
    }

    /**
     * The arguments of getUpdated/getDeleted. Seconds are dropped from both ends; the end is capped at the
     * server's time (nothing later can be covered); the start may be at most 30 days back.
     */
    private Replication replication(Element op) {
        SObjectDef type = PartnerApi.type(store.schema(), Envelope.text(op, "sObjectType"));
        if (!type.replicateable()) {
            throw SoapFault.unexpected("INVALID_TYPE", "Entity " + type.name() + " is not replicateable");
        }
        Instant start = dateArg(op, "startDate").truncatedTo(ChronoUnit.MINUTES);
        Instant end = dateArg(op, "endDate").truncatedTo(ChronoUnit.MINUTES);
        Instant now = clock.instant();
        Instant nowMinute = now.truncatedTo(ChronoUnit.MINUTES);
        if (end.isAfter(nowMinute)) {
            end = nowMinute;
        }
        if (end.isBefore(start)) {
            throw SoapFault.unexpected("INVALID_REPLICATION_DATE", "EndDate before StartDate");
        }
        if (start.isBefore(now.minus(REPLICATION_WINDOW))) {
            throw SoapFault.unexpected("INVALID_REPLICATION_DATE", "startDate cannot be more than 30 days ago");
        }
        return new Replication(type, start, end);
    }

    private static Instant dateArg(Element op, String name) {
        String text = Envelope.text(op, name);
        if (text == null || text.isBlank()) {
            throw SoapFault.unexpected("INVALID_REPLICATION_DATE", name + " is required");
        }
        try {
            return FieldValues.parseDateTime(text.trim());
        } catch (RuntimeException e) {
            throw SoapFault.unexpected("INVALID_REPLICATION_DATE", name + " is not a dateTime: " + text);
        }
    }

    void describeGlobal(XmlOut x) {
        Describe.global(x, store.schema());
    }

    void describeSObject(XmlOut x, Element op) {
        Schema schema = store.schema();
        Describe.sobject(x, schema, PartnerApi.type(schema, Envelope.text(op, "sObjectType")));
    }

    void describeSObjects(XmlOut x, Element op) {
        Schema schema = store.schema();
        List<Element> names = Envelope.children(op, "sObjectType");
        if (names.size() > 100) {
            throw SoapFault.unexpected("EXCEEDED_ID_LIMIT", "describeSObjects accepts at most 100 types");
        }
        for (Element name : names) {
            Describe.sobject(x, schema, PartnerApi.type(schema, name.getTextContent()));
        }
    }

    void serverTimestamp(XmlOut x) {
        x.open("result").element("timestamp", FieldValues.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                .close("result");
    }

    void userInfo(XmlOut x, String userId) {
        SRecord user = store.get(userId);
        x.open("result").element("accessibilityMode", false).element("chatterExternal", false)
                .element("currencySymbol", "$").element("orgAttachmentFileSizeLimit", 5_242_880)
                .element("orgDefaultCurrencyIsoCode", "USD").element("orgDefaultCurrencyLocale", "en_US")
                .element("orgDisallowHtmlAttachments", false).element("orgHasPersonAccounts", false)
                .element("organizationId", org.organizationId()).element("organizationMultiCurrency", false)
                .element("organizationName", org.organizationName()).element("profileId", "00e8d000000ProfAAA")
                .element("roleId", null).element("sessionSecondsValid", 7200)
                .element("userDefaultCurrencyIsoCode", null).element("userEmail", user.get("Email"))
                .element("userFullName", user.get("Name")).element("userId", user.id())
                .element("userLanguage", "en_US").element("userLocale", "en_US")
                .element("userName", user.get("Username")).element("userTimeZone", user.get("TimeZoneSidKey"))
                .element("userType", "Standard").element("userUiSkin", "Theme3").close("result");
    }
}
