/**
 * Source stage for recorded files: demuxes mp4/mkv/mov/MPEG-TS through FFmpeg's avformat (JavaCV natives) and hands
 * each elementary-stream packet, unparsed and uncopied, to the codec parsers downstream.
 */
package io.airlock.container.ffmpeg;
