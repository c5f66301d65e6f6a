/** H.265 specifics: NAL unit types (ITU-T H.265 Table 7-1), RFC 7798 depacketization and SPS parsing. */
package io.airlock.codec.h265;
