package io.redflag.emulator.soap;

import java.nio.charset.StandardCharsets;

/**
 * A small, fast XML writer for responses. The element order of every Partner API type is fixed by the WSDL
 * (WSC's parser is strict about it), so callers write elements in that order; this class only escapes.
 */
final class XmlOut {
    private final StringBuilder sb;

    XmlOut(int capacity) {
        sb = new StringBuilder(capacity);
    }

    XmlOut raw(String s) {
        sb.append(s);
        return this;
    }

    XmlOut open(String tag) {
        sb.append('<').append(tag).append('>');
        return this;
    }

    XmlOut close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag>text</tag>}, or {@code <tag xsi:nil="true"/>} for null. */
    XmlOut element(String tag, Object value) {
        if (value == null) {
            sb.append('<').append(tag).append(" xsi:nil=\"true\"/>");
        } else {
            sb.append('<').append(tag).append('>');
            text(value.toString());
            sb.append("</").append(tag).append('>');
        }
        return this;
    }

    /** An element with an explicit xsi:type, as anyType values (history OldValue/NewValue) are sent. */
    XmlOut typed(String tag, String xsiType, String value) {
        sb.append('<').append(tag).append(" xsi:type=\"").append(xsiType).append("\">");
        text(value);
        sb.append("</").append(tag).append('>');
        return this;
    }

    /**
     * Escapes text content. Carriage returns become a character reference so that they survive XML line-end
     * normalisation; characters XML 1.0 cannot carry at all are dropped.
     */
    XmlOut text(String s) {
        if (isPlain(s)) {
            sb.append(s);
            return this;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        if (c < 0xFFFE) {
                            sb.append(c);
                        }
                    }
                }
            }
        }
        return this;
    }

    /** Most values (ids, numbers, dates, names) need no escaping: append them whole. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c >= 0xFFFE) {
                return false;
            }
        }
        return true;
    }

    byte[] bytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
