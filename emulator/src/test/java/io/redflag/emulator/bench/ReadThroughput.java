package io.redflag.emulator.bench;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.ConnectorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: reads objects of a running emulator through WSC (query + queryMore, batch 2000)
 * and prints records per second per object. Run by scripts/bench-emulator-read.sh, which starts the
 * emulator with a generated org and records its memory.
 *
 * <p>Usage: ReadThroughput BASE_URL [rounds]
 */
public final class ReadThroughput {
    /** What a sync reads per object: the fields a mapping of that object typically selects. */
    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("Account", "SELECT Id, Name, OwnerId, ParentId, Type, Industry, AnnualRevenue, NumberOfEmployees,"
                + " CreatedDate, LastModifiedDate, SystemModstamp, IsDeleted FROM Account");
        QUERIES.put("Contact", "SELECT Id, AccountId, FirstName, LastName, Title, Email, EmailBouncedDate, OwnerId,"
                + " CreatedDate, LastModifiedDate, SystemModstamp, IsDeleted FROM Contact");
        QUERIES.put("Opportunity", "SELECT Id, AccountId, Name, StageName, IsClosed, IsWon, Amount, CloseDate,"
                + " NextStep, OwnerId, CreatedDate, SystemModstamp, IsDeleted FROM Opportunity");
        QUERIES.put("Task", "SELECT Id, WhoId, WhatId, AccountId, Subject, ActivityDate, Status, IsClosed,"
                + " TaskSubtype, CallType, CallDisposition, Priority, OwnerId, CreatedDate, SystemModstamp FROM Task");
        QUERIES.put("Case", "SELECT Id, AccountId, ContactId, Priority, Status, IsClosed, IsEscalated, ClosedDate,"
                + " CreatedDate, SystemModstamp, IsDeleted FROM Case");
    }

    private ReadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        PartnerConnection conn = connect(base);
        conn.setQueryOptions(2000);
        long totalRecords = 0;
        long totalNanos = 0;
        long totalCalls = 0;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("round %d (round 1 warms the JIT; the last round is the figure)%n", round);
            totalRecords = 0;
            totalNanos = 0;
            totalCalls = 0;
            for (var e : QUERIES.entrySet()) {
                long start = System.nanoTime();
                long records = 0;
                long calls = 1;
                QueryResult page = conn.query(e.getValue());
                while (true) {
                    records += page.getRecords().length;
                    if (page.isDone()) {
                        break;
                    }
                    page = conn.queryMore(page.getQueryLocator());
                    calls++;
                }
                long nanos = System.nanoTime() - start;
                totalRecords += records;
                totalNanos += nanos;
                totalCalls += calls;
                System.out.printf("  %-12s %,10d records %,6d calls %8.2f s %,10.0f records/s%n", e.getKey(), records,
                        calls, nanos / 1e9, records / (nanos / 1e9));
            }
            System.out.printf("  %-12s %,10d records %,6d calls %8.2f s %,10.0f records/s%n", "all", totalRecords,
                    totalCalls, totalNanos / 1e9, totalRecords / (totalNanos / 1e9));
        }
        System.out.printf("API usage reported in LimitInfoHeader: %d of %d%n",
                conn.getLimitInfoHeader().getLimitInfo()[0].getCurrent(),
                conn.getLimitInfoHeader().getLimitInfo()[0].getLimit());
    }

    static PartnerConnection connect(String base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/services/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=redflag-demo-client"
                        + "&client_secret=redflag-demo-secret")).build(), HttpResponse.BodyHandlers.ofString());
        String token = JsonMapper.builder().build().readTree(r.body()).get("access_token").asString();
        ConnectorConfig config = new ConnectorConfig();
        config.setSessionId(token);
        config.setServiceEndpoint(base + "/services/Soap/u/65.0");
        config.setConnectionTimeout(10_000);
        config.setReadTimeout(120_000);
        return Connector.newConnection(config);
    }
}
