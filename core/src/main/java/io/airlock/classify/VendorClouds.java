package io.airlock.classify;

/**
 * Domains of the camera vendors' cloud services (P2P, device registration, relay), for NET-03. A name matches when
 * it is one of them or ends with "." and one of them, compared without regard to ASCII case: {@code
 * api.hik-connect.com} matches, {@code evilhik-connect.com} does not. Only clouds are listed, not the vendors'
 * corporate sites, so a camera fetching a firmware page is NET-01, not NET-03.
 */
public final class VendorClouds {

    private static final String[] SUFFIXES = {
        // Hik-Connect device and API hosts, e.g. apiieu.hik-connect.com (threat-signatures §1.1).
        "hik-connect.com",
        // Hik-Connect's Russian region, e.g. apiirus.hik-connectru.com in public API clients.
        "hik-connectru.com",
        // EZVIZ cloud: region API and VTM relay hosts such as vtmtxeu.ezvizlife.com (threat-signatures §1.1).
        "ezvizlife.com",
        // EZVIZ device registration, e.g. dev.ezviz7.com and dev.us.ezviz7.com in public device captures.
        "ezviz7.com",
        // EZVIZ/Hik-Connect in mainland China (threat-signatures §1.1, §6 NET-03).
        "ys7.com",
        // Dahua P2P rendezvous www.easy4ipcloud.com:8800 (threat-signatures §1.1).
        "easy4ipcloud.com",
        // Dahua/IMOU open platform outside China, openapi-*.easy4ip.com.
        "easy4ip.com",
        // IMOU (Dahua consumer) cloud (threat-signatures §1.1, §6 NET-03).
        "imoulife.com",
        // LeChange (Dahua consumer, IMOU's predecessor): openapi.lechange.cn in China, lechange.com for P2P names.
        "lechange.cn",
        "lechange.com",
        // XiongMai XMEye cloud: the NetWork.Nat server secu100.net and its status/relay hosts.
        "secu100.net",
        // XiongMai XMEye account and token services (rs.xmeye.net, tks.xmeye.net).
        "xmeye.net",
    };

    private VendorClouds() {
    }

    /** The cloud domain {@code qname} falls under, or null. Allocation-free; a trailing root dot is ignored. */
    public static String match(CharSequence qname) {
        if (qname == null) {
            return null;
        }
        int length = qname.length();
        if (length > 0 && qname.charAt(length - 1) == '.') {
            length--;
        }
        for (String suffix : SUFFIXES) {
            int start = length - suffix.length();
            if (start < 0 || start > 0 && !labelBoundary(qname, start - 1)) {
                continue;
            }
            if (endsWith(qname, start, suffix)) {
                return suffix;
            }
        }
        return null;
    }

    /** Every listed domain, for documentation and tests. */
    public static String[] domains() {
        return SUFFIXES.clone();
    }

    /** A '.' that separates labels: not the escaped "\\." of a dot inside a label (RFC 4343 §2.1). */
    private static boolean labelBoundary(CharSequence qname, int dot) {
        if (qname.charAt(dot) != '.') {
            return false;
        }
        int slashes = 0;
        for (int i = dot - 1; i >= 0 && qname.charAt(i) == '\\'; i--) {
            slashes++;
        }
        return (slashes & 1) == 0;
    }

    private static boolean endsWith(CharSequence qname, int start, String suffix) {
        for (int i = 0; i < suffix.length(); i++) {
            if (Ascii.lower(qname.charAt(start + i)) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
