package io.redflag.emulator.soap;

import io.redflag.emulator.control.OrgControl;
import io.redflag.emulator.oauth.Sessions;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.WriteContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.w3c.dom.Element;

/**
 * The Partner SOAP API endpoint: checks the session and the API allocation, counts the call, and hands the
 * operation to {@link Reads} or {@link Writes}. Every answer is a whole envelope; faults come back with
 * HTTP 500 as Salesforce sends them.
 */
public final class PartnerApi {
    /** An HTTP answer: status and UTF-8 XML body. */
    public record Response(int status, byte[] body) {
    }

    private final Sessions sessions;
    private final OrgControl control;
    private final Reads reads;
    private final Writes writes;

    public PartnerApi(OrgStore store, Sessions sessions, OrgControl control, OrgInfo org, Clock clock) {
        this.sessions = sessions;
        this.control = control;
        QueryCursors cursors = new QueryCursors(clock);
        this.reads = new Reads(store, cursors, org, clock);
        this.writes = new Writes(store, control);
    }

    /** Who the org is, for getUserInfo. */
    public record OrgInfo(String organizationId, String organizationName) {
    }

    /** Serves one call to the endpoint of API version {@code apiVersion} ("65.0"). */
    public Response handle(InputStream body, String apiVersion) {
        String operation = "unknown";
        try {
            Envelope.Request request = Envelope.parse(body);
            operation = request.operationName();
            control.countCall(operation);
            Sessions.Session session = sessions.use(request.header("SessionHeader", "sessionId"),
                    control.faults().sessionExpiresAfterCalls());
            if (session == null) {
                throw SoapFault.invalidSession();
            }
            if (!control.tryUseApi()) {
                throw SoapFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            }
            XmlOut x = Envelope.begin(4096, control.apiUsed(), control.apiLimit());
            x.raw("<").raw(operation).raw("Response>");
            dispatch(operation, request, new Caller(session.userId(), origin(apiVersion, request)), x);
            x.raw("</").raw(operation).raw("Response>");
            Envelope.end(x);
            return new Response(200, x.bytes());
        } catch (SoapFault fault) {
            control.countFault(fault.faultType() == null ? "soapenv:Client" : fault.exceptionCode());
            return new Response(500, fault.toXml().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Who calls: the session's user, and the API and client as change events name them (changeOrigin). */
    private record Caller(String userId, String origin) {
        WriteContext writes() {
            return WriteContext.api(userId, origin);
        }
    }

    /**
     * {@code com/salesforce/api/soap/65.0;client=NAME}: the client is the CallOptions header's {@code client}
     * (WSC: {@code PartnerConnection.setCallOptions}); without one, the part from ";client=" on is left out.
     */
    static String origin(String apiVersion, Envelope.Request request) {
        String client = request.header("CallOptions", "client");
        String origin = "com/salesforce/api/soap/" + apiVersion;
        return client == null || client.isBlank() ? origin : origin + ";client=" + client.trim();
    }

    private void dispatch(String operation, Envelope.Request request, Caller caller, XmlOut x) {
        Element op = request.operation();
        String userId = caller.userId();
        switch (operation) {
            case "query" -> reads.query(x, op, request, userId, false);
            case "queryAll" -> reads.query(x, op, request, userId, true);
            case "queryMore" -> reads.queryMore(x, op, request, userId);
            case "getUpdated" -> reads.getUpdated(x, op);
            case "getDeleted" -> reads.getDeleted(x, op);
            case "describeGlobal" -> reads.describeGlobal(x);
            case "describeSObject" -> reads.describeSObject(x, op);
            case "describeSObjects" -> reads.describeSObjects(x, op);
            case "getServerTimestamp" -> reads.serverTimestamp(x);
            case "getUserInfo" -> reads.userInfo(x, userId);
            case "create" -> writes.create(x, op, caller.writes());
            case "update" -> writes.update(x, op, caller.writes());
            case "upsert" -> writes.upsert(x, op, caller.writes());
            case "delete" -> writes.delete(x, op, caller.writes());
            case "undelete" -> writes.undelete(x, op, caller.writes());
            default -> throw SoapFault.client("No operation available for request {" + Envelope.PARTNER_NS + "}"
                    + operation + " (the emulator implements query, queryAll, queryMore, create, update, upsert,"
                    + " delete, undelete, getUpdated, getDeleted, describeGlobal, describeSObject(s),"
                    + " getServerTimestamp and getUserInfo)");
        }
    }

    /** Looks an object up by name, or faults as Salesforce does for an unknown one. */
    static SObjectDef type(Schema schema, String name) {
        SObjectDef t = schema.find(name == null ? null : name.trim());
        if (t == null) {
            throw SoapFault.invalidType("sObject type '" + name + "' is not supported. If you are attempting to use a"
                    + " custom object, be sure to append the '__c' after the entity name. Please reference your WSDL"
                    + " or the describe call for the appropriate names.");
        }
        return t;
    }
}
