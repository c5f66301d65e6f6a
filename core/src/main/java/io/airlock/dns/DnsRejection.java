package io.airlock.dns;

import io.airlock.wire.Layer;
import io.airlock.wire.Rejection;

/** Why a DNS message (RFC 1035 §4) was refused. */
public enum DnsRejection implements Rejection {
    TOO_SHORT("DNS message is shorter than its 12-byte header"),
    TOO_MANY_QUESTIONS("DNS message declares more questions than a resolver sends"),
    TOO_MANY_ANSWERS("DNS message declares more answers than Airlock reads"),
    NAME_OVERRUN("DNS name runs past the end of the message"),
    NAME_TOO_LONG("DNS name is longer than 255 bytes"),
    BAD_LABEL_TYPE("DNS label uses the reserved 0x40/0x80 label types"),
    POINTER_NOT_BACKWARDS("DNS compression pointer does not point before the name that uses it"),
    TOO_MANY_POINTERS("DNS name follows more compression pointers than any real name needs"),
    QUESTION_OVERRUN("DNS question type and class run past the end of the message"),
    RECORD_OVERRUN("DNS resource record runs past the end of the message"),
    BAD_ADDRESS_LENGTH("DNS A or AAAA record data is not 4 or 16 bytes long");

    private final String description;

    DnsRejection(String description) {
        this.description = description;
    }

    @Override
    public Layer layer() {
        return Layer.APPLICATION;
    }

    @Override
    public String description() {
        return description;
    }
}
