package io.redflag.emulator.soap;

/**
 * An API fault as Salesforce sends it: HTTP 500, {@code faultcode sf:CODE}, and a typed detail element
 * ({@code UnexpectedErrorFault}, {@code MalformedQueryFault} with row and column, …).
 */
public final class SoapFault extends RuntimeException {
    private final String exceptionCode;
    private final String faultType;
    private final int row;
    private final int column;

    private SoapFault(String faultType, String exceptionCode, String message, int row, int column) {
        super(message);
        this.faultType = faultType;
        this.exceptionCode = exceptionCode;
        this.row = row;
        this.column = column;
    }

    public static SoapFault unexpected(String exceptionCode, String message) {
        return new SoapFault("UnexpectedErrorFault", exceptionCode, message, -1, -1);
    }

    /** MalformedQueryFault, InvalidFieldFault, InvalidSObjectFault: the query faults that carry row and column. */
    public static SoapFault query(String faultType, String exceptionCode, String message, int row, int column) {
        return new SoapFault(faultType, exceptionCode, message, row, column);
    }

    public static SoapFault invalidField(String message) {
        return new SoapFault("InvalidFieldFault", "INVALID_FIELD", message, -1, -1);
    }

    public static SoapFault invalidType(String message) {
        return new SoapFault("InvalidSObjectFault", "INVALID_TYPE", message, -1, -1);
    }

    public static SoapFault invalidLocator(String message) {
        return new SoapFault("InvalidQueryLocatorFault", "INVALID_QUERY_LOCATOR", message, -1, -1);
    }

    /** A fault with no typed detail (faultcode soapenv:Client), as Salesforce answers XML it cannot read. */
    public static SoapFault client(String message) {
        return new SoapFault(null, null, message, -1, -1);
    }

    public static SoapFault invalidSession() {
        return unexpected("INVALID_SESSION_ID",
                "Invalid Session ID found in SessionHeader: Illegal Session. Session not found, missing session key");
    }

    public String exceptionCode() {
        return exceptionCode;
    }

    public String faultType() {
        return faultType;
    }

    public int row() {
        return row;
    }

    public int column() {
        return column;
    }

    private boolean isQueryFault() {
        return "MalformedQueryFault".equals(faultType) || faultType.equals("InvalidFieldFault")
                || faultType.equals("InvalidSObjectFault");
    }

    /** The whole response body, in the fault namespace (xsi:type on the detail, as WSC needs). */
    String toXml() {
        XmlOut x = new XmlOut(512);
        if (faultType == null) {
            return x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"")
                    .raw(Envelope.SOAP_NS).raw("\"><soapenv:Body><soapenv:Fault>")
                    .element("faultcode", "soapenv:Client").element("faultstring", getMessage())
                    .raw("</soapenv:Fault></soapenv:Body></soapenv:Envelope>").toString();
        }
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"")
                .raw(Envelope.SOAP_NS).raw("\" xmlns:sf=\"urn:fault.partner.soap.sforce.com\" xmlns:xsi=\"")
                .raw(Envelope.XSI_NS).raw("\"><soapenv:Body><soapenv:Fault>");
        x.element("faultcode", "sf:" + exceptionCode);
        x.element("faultstring", exceptionCode + ": " + getMessage());
        x.raw("<detail><sf:").raw(faultType).raw(" xsi:type=\"sf:").raw(faultType).raw("\">");
        x.element("sf:exceptionCode", exceptionCode);
        x.element("sf:exceptionMessage", getMessage());
        if (isQueryFault()) {
            // ApiQueryFault requires row and column; outside a query Salesforce sends -1.
            x.element("sf:row", row);
            x.element("sf:column", column);
        }
        x.raw("</sf:").raw(faultType).raw("></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>");
        return x.toString();
    }
}
