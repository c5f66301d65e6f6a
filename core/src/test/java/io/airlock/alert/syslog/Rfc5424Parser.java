package io.airlock.alert.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict RFC 5424 parser for the tests: every field is checked against the ABNF of §6 and the first deviation
 * throws {@link IllegalArgumentException}. Stricter than receivers need to be: an unescaped ']' in a PARAM-VALUE, a
 * repeated SD-ID, a timestamp with more than six fractional digits or invalid UTF-8 anywhere are all refused.
 */
final class Rfc5424Parser {

    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]\\d{2}:\\d{2})");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One SD-ELEMENT; params in order, a repeated name keeps its last value. */
    record Element(String id, Map<String, String> params) {
    }

    record Message(int pri, String timestamp, String hostname, String appName, String procId, String msgId,
                   List<Element> structuredData, boolean bom, String msg) {

        int facility() {
            return pri / 8;
        }

        int severity() {
            return pri % 8;
        }

        Element element(String id) {
            return structuredData.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private final byte[] b;
    private int i;

    private Rfc5424Parser(byte[] bytes) {
        this.b = bytes;
    }

    static Message parse(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8");
        }
        return new Rfc5424Parser(bytes).message();
    }

    private Message message() {
        expect('<');
        String prival = digits(1, 3);
        int pri = Integer.parseInt(prival);
        check(pri <= 191, "PRIVAL over 191");
        expect('>');
        check(digits(1, 3).equals("1"), "VERSION must be 1");
        expect(' ');
        String timestamp = token(1, 40);
        check(timestamp.equals("-") || TIMESTAMP.matcher(timestamp).matches(), "bad TIMESTAMP " + timestamp);
        if (!timestamp.equals("-")) {
            OffsetDateTime.parse(timestamp);
        }
        expect(' ');
        String host = token(1, 255);
        expect(' ');
        String app = token(1, 48);
        expect(' ');
        String procId = token(1, 128);
        expect(' ');
        String msgId = token(1, 32);
        expect(' ');
        List<Element> sd = structuredData();
        if (i == b.length) {
            return new Message(pri, timestamp, host, app, procId, msgId, sd, false, null);
        }
        expect(' ');
        boolean bom = b.length - i >= 3 && b[i] == BOM[0] && b[i + 1] == BOM[1] && b[i + 2] == BOM[2];
        int start = bom ? i + 3 : i;
        return new Message(pri, timestamp, host, app, procId, msgId, sd, bom,
                new String(b, start, b.length - start, StandardCharsets.UTF_8));
    }

    private List<Element> structuredData() {
        List<Element> elements = new ArrayList<>();
        if (peek() == '-') {
            i++;
            return elements;
        }
        check(peek() == '[', "STRUCTURED-DATA must be '-' or start with '['");
        while (i < b.length && b[i] == '[') {
            i++;
            String id = sdName();
            check(elements.stream().noneMatch(e -> e.id().equals(id)), "SD-ID " + id + " repeated");
            Map<String, String> params = new LinkedHashMap<>();
            while (peek() == ' ') {
                i++;
                String name = sdName();
                expect('=');
                expect('"');
                params.put(name, paramValue());
            }
            expect(']');
            elements.add(new Element(id, params));
        }
        return elements;
    }

    /** SD-NAME: 1*32 PRINTUSASCII except '=', SP, ']', '"'. */
    private String sdName() {
        int start = i;
        while (i < b.length && b[i] > ' ' && b[i] < 0x7F && b[i] != '=' && b[i] != ']' && b[i] != '"') {
            i++;
        }
        check(i - start >= 1 && i - start <= 32, "SD-NAME must be 1-32 characters");
        return new String(b, start, i - start, StandardCharsets.US_ASCII);
    }

    /** PARAM-VALUE up to the closing quote; '"', '\' and ']' must come escaped. */
    private String paramValue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            check(i < b.length, "PARAM-VALUE not closed");
            byte c = b[i++];
            if (c == '"') {
                return out.toString(StandardCharsets.UTF_8);
            }
            check(c != ']', "unescaped ']' in PARAM-VALUE");
            if (c == '\\') {
                check(i < b.length, "PARAM-VALUE ends in a backslash");
                byte next = b[i];
                if (next == '"' || next == '\\' || next == ']') {
                    out.write(next);
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("stray backslash in PARAM-VALUE");
            }
            out.write(c);
        }
    }

    /** 1 to max PRINTUSASCII characters up to the next space. */
    private String token(int min, int max) {
        int start = i;
        while (i < b.length && b[i] > ' ' && b[i] < 0x7F) {
            i++;
        }
        check(i - start >= min && i - start <= max, "field of " + (i - start) + " characters at " + start);
        return new String(b, start, i - start, StandardCharsets.US_ASCII);
    }

    private String digits(int min, int max) {
        int start = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        check(i - start >= min && i - start <= max, "expected " + min + "-" + max + " digits at " + start);
        return new String(b, start, i - start, StandardCharsets.US_ASCII);
    }

    private int peek() {
        return i < b.length ? b[i] : -1;
    }

    private void expect(char c) {
        check(i < b.length && b[i] == c, "expected '" + c + "' at " + i);
        i++;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }
}
