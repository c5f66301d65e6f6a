/**
 * RTP and RTCP wire formats (RFC 3550, RFC 5761, RFC 8285, ONVIF replay extension) as allocation-free flyweights,
 * plus RTP packetizers for test data and the camera simulator. Source stage: parsed here, then handed to the codec
 * depacketizers and the ring; nothing here imports a downstream stage.
 */
package io.airlock.rtp;
