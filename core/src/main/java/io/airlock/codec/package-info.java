/**
 * Codec-neutral NAL unit plumbing: the {@link io.airlock.codec.NalUnitListener} contract, Annex B scanning,
 * length-prefixed (AVCC/HVCC) splitting, SEI message iteration, RBSP bit reading, and writers for test data.
 * Source stage: fed by RTP depacketizers and file readers; nothing here imports a downstream stage.
 */
package io.airlock.codec;
