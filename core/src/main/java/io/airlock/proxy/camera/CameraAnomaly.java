package io.airlock.proxy.camera;

/** What the camera side of the proxy reports as suspicious; the detail string says who and where. */
public enum CameraAnomaly {
    SOURCE_MISMATCH("SETUP reply names a source= other than the camera's own address"),
    FOREIGN_RTP("RTP or RTCP arrived from an address or port other than the camera's; not forwarded"),
    REDIRECT("3xx redirect toward a host not in the camera's configuration; not followed");

    private final String description;

    CameraAnomaly(final String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
