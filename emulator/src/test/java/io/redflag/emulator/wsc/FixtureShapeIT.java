package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The emulator's envelopes, as WSC received them, against real Partner API responses from
 * ../shared/fixtures/partner-soap: same elements, namespaces and order. Values differ, and the fixtures
 * (API 28) lack the headers and the elements later API versions added, so a fixture's skeleton must appear
 * in ours in order; for query results the skeletons must be equal.
 */
class FixtureShapeIT {
    private static final Path FIXTURES = Path.of("../../shared/fixtures/partner-soap");
    private static Emulator emulator;
    private static PartnerConnection conn;
    private static Wsc.Recorder recorder;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults());
        ConnectorConfig config = Wsc.config(emulator, Wsc.token(emulator).get("access_token").asString());
        recorder = new Wsc.Recorder();
        config.addMessageHandler(recorder);
        conn = Wsc.connect(config);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void queryQueryAllAndQueryMoreMatchTheFixturesExactly() throws Exception {
        Calendar close = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        for (String name : new String[] {"Opportunity 1", "Opportunity 2"}) {
            SObject o = new SObject("Opportunity");
            o.setField("Name", name);
            o.setField("StageName", "Prospecting");
            o.setField("CloseDate", close.getTime());
            conn.create(new SObject[] {o});
        }
        conn.query("SELECT Id, Name, StageName FROM Opportunity");
        assertThat(body(recorder.lastResponse())).isEqualTo(body(fixture("soapforce_query_response.xml")));
        conn.queryAll("SELECT Id, Name, StageName FROM Opportunity");
        assertThat(body(recorder.lastResponse())).isEqualTo(body(fixture("soapforce_query_all_response.xml")));

        conn.setQueryOptions(200);
        SObject[] fillers = new SObject[200];
        for (int i = 0; i < fillers.length; i++) {
            fillers[i] = new SObject("Opportunity");
            fillers[i].setField("Name", "Filler " + i);
            fillers[i].setField("StageName", "Prospecting");
            fillers[i].setField("CloseDate", close.getTime());
        }
        conn.create(fillers);
        var first = conn.query("SELECT Id, Name, StageName FROM Opportunity");
        conn.queryMore(first.getQueryLocator());
        assertThat(body(recorder.lastResponse())).isEqualTo(body(fixture("soapforce_query_more_response.xml")));
    }

    @Test
    void saveResultsMatchTheFixtures() throws Exception {
        SObject good = new SObject("Account");
        good.setField("Name", "Shape Co");
        String id = conn.create(new SObject[] {good})[0].getId();
        assertContains(recorder.lastResponse(), "soapforce_create_response.xml");

        conn.create(new SObject[] {new SObject("Account")});
        assertContains(recorder.lastResponse(), "soapforce_create_response_failure.xml");

        good.setId(id);
        conn.update(new SObject[] {good});
        assertContains(recorder.lastResponse(), "soapforce_update_response.xml");

        conn.delete(new String[] {"006i000004DAKd"});
        assertContains(recorder.lastResponse(), "soapforce_delete_response_failure.xml");

        conn.delete(new String[] {id});
        assertContains(recorder.lastResponse(), "soapforce_delete_response.xml");
    }

    @Test
    void userInfoAndDescribesMatchTheFixtures() throws Exception {
        conn.getUserInfo();
        assertContains(recorder.lastResponse(), "soapforce_get_user_info_response.xml");
        conn.describeGlobal();
        assertContains(recorder.lastResponse(), "soapforce_describe_global_response.xml");
        conn.describeSObject("Account");
        assertContains(recorder.lastResponse(), "soapforce_describe_s_object_response.xml");
        conn.describeSObjects(new String[] {"Account"});
        assertContains(recorder.lastResponse(), "soapforce_describe_s_objects_response.xml");
    }

    @Test
    void everyResponseCarriesALimitInfoHeader() throws Exception {
        conn.getServerTimestamp();
        assertThat(skeleton(recorder.lastResponse(), false)).containsSubsequence(
                "1 http://schemas.xmlsoap.org/soap/envelope/ Header", "2 urn:partner.soap.sforce.com LimitInfoHeader",
                "3 urn:partner.soap.sforce.com limitInfo", "4 urn:partner.soap.sforce.com current",
                "4 urn:partner.soap.sforce.com limit", "4 urn:partner.soap.sforce.com type");
    }

    private static void assertContains(String ours, String fixtureFile) throws Exception {
        List<String> expected = body(fixture(fixtureFile));
        assertThat(body(ours)).as("emulator response vs " + fixtureFile).containsSubsequence(expected);
    }

    private static String fixture(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name));
    }

    /** The Body's skeleton: depth, namespace and name of each element; repeated siblings counted once. */
    private static List<String> body(String xml) throws Exception {
        List<String> all = skeleton(xml, true);
        return all;
    }

    private static List<String> skeleton(String xml, boolean bodyOnly) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        List<String> out = new ArrayList<>();
        Element start = root;
        if (bodyOnly) {
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getLocalName().equals("Body")) {
                    start = e;
                }
            }
        }
        walk(start, 0, out);
        return out;
    }

    private static void walk(Element e, int depth, List<String> out) {
        out.add(depth + " " + e.getNamespaceURI() + " " + e.getLocalName());
        Element previous = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                boolean repeat = previous != null && previous.getLocalName().equals(child.getLocalName())
                        && !child.getLocalName().equals("Id") && child.getFirstChild() != null
                        && child.getFirstChild().getNextSibling() != null;
                if (!repeat) {
                    walk(child, depth + 1, out);
                }
                previous = child;
            }
        }
    }
}
