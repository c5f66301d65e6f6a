package io.airlock.server;

import io.airlock.rtsp.TransportHeader;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Airlock's destination policy for a SETUP Transport (RFC 2326 §12.39): media goes only to the TCP peer that asked.
 * Any offered spec naming another {@code destination=}, asking for multicast, or a UDP spec with {@code client_port=0}
 * refuses the whole request: a recorder never needs them, a reflection attack does. Otherwise the first spec that is
 * RTP/AVP over UDP (with client_port) or RTP/AVP/TCP is selected.
 */
final class TransportPolicy {

    private static final String RTP_AVP = "RTP/AVP";
    private static final String RTP_AVP_UDP = "RTP/AVP/UDP";
    private static final String RTP_AVP_TCP = "RTP/AVP/TCP";

    private TransportPolicy() {
    }

    /** Null when acceptable, with spec {@code selected[0]} chosen; else why not. */
    static TransportRefusal check(final TransportHeader t, final InetAddress peer, final int[] selected) {
        selected[0] = -1;
        for (int i = 0; i < t.specCount(); i++) {
            t.select(i);
            if (t.multicast()) {
                return TransportRefusal.MULTICAST;
            }
            final String destination = t.destination();
            if (destination != null && !destination.isEmpty() && !samePeer(destination, peer)) {
                return TransportRefusal.DESTINATION_NOT_PEER;
            }
            if (!t.tcp() && (t.clientPortLow() == 0 || t.clientPortHigh() == 0)) {
                return TransportRefusal.ZERO_CLIENT_PORT;
            }
        }
        TransportRefusal first = TransportRefusal.UNSUPPORTED_PROFILE;
        for (int i = 0; i < t.specCount(); i++) {
            t.select(i);
            final String profile = t.profile();
            if (RTP_AVP_TCP.equals(profile)) {
                selected[0] = i;
                return null;
            }
            if (RTP_AVP.equals(profile) || RTP_AVP_UDP.equals(profile)) {
                if (t.clientPortLow() > 0) {
                    selected[0] = i;
                    return null;
                }
                first = TransportRefusal.NO_CLIENT_PORT;
            }
        }
        return first;
    }

    /** Only literal addresses equal to the peer's count: a host name would need DNS, which we never do here. */
    private static boolean samePeer(final String destination, final InetAddress peer) {
        final byte[] literal = NetUtil.createByteArrayFromIpAddressString(destination);
        if (literal == null) {
            return false;
        }
        final byte[] actual = peer.getAddress();
        if (literal.length == actual.length) {
            return Arrays.equals(literal, actual);
        }
        final byte[] v4 = literal.length == 16 ? literal : actual;
        final byte[] other = literal.length == 16 ? actual : literal;
        for (int i = 0; i < 10; i++) {
            if (v4[i] != 0) {
                return false;
            }
        }
        return v4[10] == (byte) 0xFF && v4[11] == (byte) 0xFF && Arrays.equals(Arrays.copyOfRange(v4, 12, 16), other);
    }
}
