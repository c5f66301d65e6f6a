package io.airlock.classify;

/** Vendor cloud names (interim). */
public final class VendorClouds {
    private static final String[] SUFFIXES = {"hik-connect.com", "ezvizlife.com", "ys7.com", "easy4ipcloud.com",
        "imoulife.com"};

    private VendorClouds() {
    }

    public static String match(CharSequence qname) {
        String q = qname.toString().toLowerCase();
        for (String s : SUFFIXES) {
            if (q.equals(s) || q.endsWith("." + s)) {
                return s;
            }
        }
        return null;
    }
}
