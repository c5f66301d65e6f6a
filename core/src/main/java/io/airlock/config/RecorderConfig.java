package io.airlock.config;

import java.net.InetAddress;
import java.util.List;

/**
 * A recorder allowed to pull cameras through Airlock: admitted by its source address, by RTSP Digest credentials
 * (RFC 2617 / RFC 7616), or both (then both must hold). A recorder with neither would admit anyone and is refused
 * at load time.
 *
 * @param name      [a-z0-9_-]{1,64}, unique among recorders
 * @param addresses source address blocks the recorder connects from; empty means any address
 * @param username  Digest user name, or null
 * @param password  Digest password, or null exactly when {@code username} is null
 */
public record RecorderConfig(String name, List<Cidr> addresses, String username, Secret password) {

    public RecorderConfig {
        addresses = List.copyOf(addresses);
    }

    /** Whether the recorder must authenticate with Digest. */
    public boolean hasCredentials() {
        return username != null;
    }

    /** Whether a connection from {@code source} passes the address check (always, when no addresses are set). */
    public boolean admitsAddress(InetAddress source) {
        if (addresses.isEmpty()) {
            return true;
        }
        byte[] raw = source.getAddress();
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i).contains(raw)) {
                return true;
            }
        }
        return false;
    }
}
