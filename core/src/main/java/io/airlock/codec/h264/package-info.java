/** H.264 specifics: NAL unit types (ITU-T H.264 Table 7-1), RFC 6184 depacketization and SPS parsing. */
package io.airlock.codec.h264;
