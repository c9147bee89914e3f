package io.redflag.service.intake;

import org.springframework.web.util.HtmlUtils;

/** The SOAP 1.1 answers an Outbound Message sender understands. */
final class SoapAnswers {
    private static final String ENVELOPE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>";
    private static final String END = "</soapenv:Body></soapenv:Envelope>";

    /** Acknowledges every notification of the message. */
    static final String ACK = ENVELOPE + "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
            + "<Ack>true</Ack></notificationsResponse>" + END;

    private SoapAnswers() {
    }

    /** A fault: the sender's ({@code Client}) or ours ({@code Server}). */
    static String fault(boolean server, String reason) {
        return ENVELOPE + "<soapenv:Fault><faultcode>soapenv:" + (server ? "Server" : "Client") + "</faultcode>"
                + "<faultstring>" + HtmlUtils.htmlEscape(reason) + "</faultstring></soapenv:Fault>" + END;
    }
}
