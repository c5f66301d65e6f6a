package io.airlock.wire;

/**
 * Why a parser refused some bytes. Implemented by one enum per protocol (for example {@code RtpRejection}); the
 * constant's name doubles as a bounded metric label and {@link #description()} is the one-line text a user sees.
 *
 * <p>Parsers return these instead of throwing: malformed input is expected, counted and survived.
 */
public interface Rejection {

    /** The protocol layer that rejected the input. */
    Layer layer();

    /** Stable label, e.g. {@code TOO_SHORT}; enums get this for free. */
    String name();

    /** Position within the layer's enum; enums get this for free. Must be below {@link Layer#MAX_REASONS_PER_LAYER}. */
    int ordinal();

    /** One line for a human, e.g. "RTP header extension length points past the end of the packet". */
    String description();
}
